/*
 * fork-variables-mmap.c — after fork(), parent and child DO share a mapping.
 *
 * Slide: "Arxius mapats a memòria" (fork-variables-mmap.c). The same as
 * fork-variables-malloc, but the variables live in a MAP_SHARED mapping made
 * with mmap() before fork(): parent and child see the same pages, so after
 * waitpid() the parent prints the child's values.
 *
 *   $ ./mmap/fork-variables-mmap
 *   $ ./mmap/fork-variables-malloc    (not shared: compare with diff)
 *   $ ./mmap/fork-variables-fils      (a thread instead of a child)
 */
/* MAP_ANONYMOUS (memory backed by no file) is not in POSIX.1-2008, though every
 * Unix has it and POSIX.1-2024 added it. ipc.h asks for POSIX.1-2008 only, so
 * we ask each system to show it too, before ipc.h includes any header: */
#define _DEFAULT_SOURCE                 /* glibc and musl */
#define _DARWIN_C_SOURCE                /* macOS */
#define __BSD_VISIBLE 1                 /* FreeBSD */
#include "../include/ipc.h"
#include <sys/mman.h>

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

    args(argc, argv, 0, 0, "", "Mostra que pare i fill d'un fork() comparteixen la memòria "
         "mapada amb mmap(MAP_SHARED): el pare veu els canvis del fill.");
    /* Backed by no file (fd -1, offset 0), zero-filled, and shared with every
     * child forked after this line. */
    if ((v = mmap(NULL, sizeof *v, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
        die("mmap");
    v->comptador = 0;
    strcpy(v->nom, "pare");
    for (int i = 0; i < 5; i++)
        v->vector[i] = i + 1;
    printf("pare: reservo les variables amb mmap(MAP_SHARED | MAP_ANONYMOUS)\n");
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
        if (munmap(v, sizeof *v) == -1)             /* its view only: the pages stay */
            die("munmap");
        exit(0);
    }

    // pare
    if (reap(pid) == -1)
        exit(EXIT_FAILURE);                         /* the child, or reap(), said why */
    mostra("pare: després de waitpid:", v);
    if (v->comptador == 0)
        printf("mmap: el pare NO veu els canvis del fill: no comparteixen memòria\n");
    else
        printf("mmap: el pare SÍ veu els canvis del fill: comparteixen memòria\n");
    if (munmap(v, sizeof *v) == -1)
        die("munmap");
    return 0;
}
