/*
 * fork-variables-malloc.c — after fork(), parent and child do NOT share memory.
 *
 * Slide: "Arxius mapats a memòria" (fork-variables-malloc.c). The parent
 * reserves some variables with malloc() and forks; the child changes them;
 * after waitpid() the parent still has its own values. fork() gave the child
 * a copy of all of the parent's memory, at the same addresses: the child
 * changed its copy, not the parent's.
 *
 *   $ ./mmap/fork-variables-malloc
 *   $ ./mmap/fork-variables-mmap      (shared on purpose: compare with diff)
 *   $ ./mmap/fork-variables-fils      (a thread instead of a child)
 */
#include "../include/ipc.h"

struct variables {
    int comptador;
    char nom[8];
    int vector[5];
};

static void mostra(const char *qui, const struct variables *v)
{
    printf("%s comptador = %d, nom = \"%s\", vector = %d %d %d %d %d\n", qui, v->comptador,
           v->nom, v->vector[0], v->vector[1], v->vector[2], v->vector[3], v->vector[4]);
}

int main(int argc, char *argv[])
{
    struct variables *v;
    pid_t pid;

    args(argc, argv, 0, 0, "", "Mostra que el fill d'un fork() canvia la seva còpia de les "
         "variables reservades amb malloc(): el pare no veu els canvis.");
    if ((v = malloc(sizeof *v)) == NULL)
        die("malloc");
    v->comptador = 0;
    strcpy(v->nom, "pare");
    for (int i = 0; i < 5; i++)
        v->vector[i] = i + 1;
    printf("pare: reservo les variables amb malloc()\n");
    mostra("pare: abans del fork:", v);

    /* Empty stdout's buffer, or the child would print it again; and stop here,
     * before the child, if stdout cannot be written. */
    if (fflush(stdout) == EOF || ferror(stdout))
        die("escrivint la sortida");
    if ((pid = fork()) == -1)
        die("fork");
    if (pid == 0) { // fill
        printf("fill: canvio les variables\n");
        v->comptador = 1;
        strcpy(v->nom, "fill");
        for (int i = 0; i < 5; i++)
            v->vector[i] = 10 * (i + 1);
        mostra("fill:", v);
        free(v);                                    /* its own copy */
        exit(0);
    }

    // pare
    if (reap(pid) == -1)
        exit(EXIT_FAILURE);                         /* the child, or reap(), said why */
    mostra("pare: després de waitpid:", v);
    if (v->comptador == 0)
        printf("malloc: el pare NO veu els canvis del fill: no comparteixen memòria\n");
    else
        printf("malloc: el pare SÍ veu els canvis del fill: comparteixen memòria\n");
    free(v);
    return 0;
}
