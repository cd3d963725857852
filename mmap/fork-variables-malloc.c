/*
 * fork-variables-malloc.c — after fork(), parent and child do NOT share memory.
 *
 * Slide: "Arxius mapats a memòria" (fork-variables-malloc.c). The parent
 * reserves some variables with malloc() and forks; the child changes them and
 * prints them; the parent waits for the child and prints them again: they are
 * unchanged. fork() gave the child a copy of all of the parent's memory, at
 * the same addresses: the child changed its copy, not the parent's.
 *
 *   $ ./mmap/fork-variables-malloc
 *   $ ./mmap/fork-variables-mmap      (the same with a shared mapping; compare
 *                                      the two outputs, e.g. with diff)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct variables {
    int comptador;
    char nom[8];
    int vector[5];
};

static void die(const char *what)
{
    fprintf(stderr, "fork-variables-malloc: %s: %s\n", what, strerror(errno));
    exit(EXIT_FAILURE);
}

static void mostra(const char *qui, const struct variables *v)
{
    printf("%s comptador = %d, nom = \"%s\", vector = %d %d %d %d %d\n", qui,
           v->comptador, v->nom, v->vector[0], v->vector[1], v->vector[2],
           v->vector[3], v->vector[4]);
}

/* The child must have ended normally, with status 0. */
static void check_child(int status)
{
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "fork-variables-malloc: child killed by signal %d\n", WTERMSIG(status));
        exit(EXIT_FAILURE);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "fork-variables-malloc: child ended with status %d\n",
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        exit(EXIT_FAILURE);
    }
}

int main(int argc, char *argv[])
{
    struct variables *v;
    pid_t pid;
    int i, status;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fork-variables-malloc\n"
               "Mostra que el fill d'un fork() canvia la seva còpia de la memòria reservada "
               "amb malloc(): el pare no veu els canvis.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 1) {
        fprintf(stderr, "fork-variables-malloc: bad arguments (usage: fork-variables-malloc)\n");
        return EXIT_FAILURE;
    }

    v = malloc(sizeof *v);
    if (v == NULL)
        die("malloc");
    v->comptador = 0;
    strcpy(v->nom, "pare");
    for (i = 0; i < 5; i++)
        v->vector[i] = i + 1;
    printf("pare: reservo les variables amb malloc()\n");
    mostra("pare: abans del fork:", v);

    if (fflush(stdout) == EOF)          /* or the child would print our buffer again */
        die("fflush");
    pid = fork();
    if (pid == -1)
        die("fork");
    if (pid == 0) { // child
        printf("fill: canvio les variables\n");
        v->comptador = 1;
        strcpy(v->nom, "fill");
        for (i = 0; i < 5; i++)
            v->vector[i] = 10 * (i + 1);
        mostra("fill:", v);
        free(v);                        /* the child frees its own copy */
        exit(EXIT_SUCCESS);             /* flushes what the child printed */
    }

    // parent
    if (waitpid(pid, &status, 0) == -1)
        die("waitpid");
    check_child(status);
    mostra("pare: després de waitpid:", v);
    if (v->comptador == 0)              /* still the parent's own value */
        printf("malloc: el pare NO veu els canvis del fill: no comparteixen memòria\n");
    else
        printf("malloc: el pare SÍ veu els canvis del fill: comparteixen memòria\n");
    free(v);
    return EXIT_SUCCESS;
}
