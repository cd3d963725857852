/*
 * fork-variables-mmap.c — after fork(), parent and child DO share a mapping.
 *
 * Slide: "Arxius mapats a memòria" (fork-variables-mmap.c). The same as
 * fork-variables-malloc, but the variables live in a MAP_SHARED mapping made
 * with the system call mmap() before fork(): parent and child see the same
 * pages, so after waitpid() the parent prints the child's values.
 *
 *   $ ./mmap/fork-variables-mmap
 *   $ ./mmap/fork-variables-malloc    (the same with malloc(); compare the two
 *                                      outputs, e.g. with diff)
 *
 * MAP_ANONYMOUS (memory that is not backed by any file) is not in POSIX.1-2008,
 * but every Unix has it and POSIX.1-2024 added it. With _POSIX_C_SOURCE set,
 * glibc and musl show it only with _DEFAULT_SOURCE, and macOS only with
 * _DARWIN_C_SOURCE. It is the cleanest way to share memory with a child: the
 * alternatives (shm_open(), which needs a name to remove afterwards; mapping a
 * temporary file; mapping /dev/zero, not in POSIX either) take more code for
 * the same lesson.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE                 /* MAP_ANONYMOUS on glibc and musl */
#define _DARWIN_C_SOURCE                /* MAP_ANONYMOUS on macOS */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
    fprintf(stderr, "fork-variables-mmap: %s: %s\n", what, strerror(errno));
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
        fprintf(stderr, "fork-variables-mmap: child killed by signal %d\n", WTERMSIG(status));
        exit(EXIT_FAILURE);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "fork-variables-mmap: child ended with status %d\n",
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
        printf("Ús: fork-variables-mmap\n"
               "Mostra que pare i fill d'un fork() comparteixen la memòria mapada amb "
               "mmap(MAP_SHARED): el pare veu els canvis del fill.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 1) {
        fprintf(stderr, "fork-variables-mmap: bad arguments (usage: fork-variables-mmap)\n");
        return EXIT_FAILURE;
    }

    /* Shared, and not backed by a file: fd -1, offset 0. Zero-filled. */
    v = mmap(NULL, sizeof *v, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (v == MAP_FAILED)
        die("mmap");
    v->comptador = 0;
    strcpy(v->nom, "pare");
    for (i = 0; i < 5; i++)
        v->vector[i] = i + 1;
    printf("pare: reservo les variables amb mmap(MAP_SHARED | MAP_ANONYMOUS)\n");
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
        if (munmap(v, sizeof *v) == -1) /* only the child's view: the pages stay */
            die("munmap");
        exit(EXIT_SUCCESS);             /* flushes what the child printed */
    }

    // parent
    if (waitpid(pid, &status, 0) == -1)
        die("waitpid");
    check_child(status);
    mostra("pare: després de waitpid:", v);
    if (v->comptador == 0)              /* still the parent's own value */
        printf("mmap: el pare NO veu els canvis del fill: no comparteixen memòria\n");
    else
        printf("mmap: el pare SÍ veu els canvis del fill: comparteixen memòria\n");
    if (munmap(v, sizeof *v) == -1)
        die("munmap");
    return EXIT_SUCCESS;
}
