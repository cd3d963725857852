/*
 * fork-variables-fils.c — a thread shares all of its process's memory.
 *
 * The third of the trio, after the slide "Arxius mapats a memòria"
 * (fork-variables-malloc.c, fork-variables-mmap.c). The same variables,
 * reserved with malloc(), plus a global one; a thread (pthread_create)
 * changes them instead of a child. After pthread_join() main sees the
 * thread's values, with no mmap() at all: threads are not copies of a process,
 * they run in the same one, with the same memory.
 *
 *   $ ./mmap/fork-variables-fils
 *   $ ./mmap/fork-variables-malloc    (a child: not shared; compare line by line)
 *   $ ./mmap/fork-variables-mmap      (a child, shared on purpose)
 */
#include "../include/ipc.h"
#include <pthread.h>

struct variables {
    int comptador;
    char nom[8];
    int vector[5];
};

static int global = 0;

static void mostra(const char *qui, const struct variables *v)
{
    printf("%s comptador = %d, nom = \"%s\", vector = %d %d %d %d %d, global = %d\n", qui,
           v->comptador, v->nom, v->vector[0], v->vector[1], v->vector[2], v->vector[3],
           v->vector[4], global);
}

static void *fil(void *arg)
{
    struct variables *v = arg;

    printf("fil: canvio les variables\n");
    v->comptador = 1;
    strcpy(v->nom, "fil");
    for (int i = 0; i < 5; i++)
        v->vector[i] = 10 * (i + 1);
    global = 1;
    mostra("fil:", v);
    return NULL;
}

int main(int argc, char *argv[])
{
    struct variables *v;
    pthread_t tid;

    args(argc, argv, 0, 0, "", "Mostra que un fil comparteix tota la memòria del procés: "
         "main veu els canvis del fil a les variables de malloc() i a la global, sense mmap().");
    if ((v = malloc(sizeof *v)) == NULL)
        die("malloc");
    v->comptador = 0;
    strcpy(v->nom, "main");
    for (int i = 0; i < 5; i++)
        v->vector[i] = i + 1;
    printf("main: reservo les variables amb malloc(), més una variable global\n");
    mostra("main: abans del fil:", v);

    /* pthread functions do not set errno: they return the error number, which
     * we put in errno for die(). */
    if ((errno = pthread_create(&tid, NULL, fil, v)) != 0)
        die("pthread_create");
    /* Wait for the thread before reading what it wrote: reading sooner would
     * be a data race (ThreadSanitizer reports it), and could see old values. */
    if ((errno = pthread_join(tid, NULL)) != 0)
        die("pthread_join");

    mostra("main: després de pthread_join:", v);
    if (v->comptador == 0 || global == 0)
        printf("fils: main NO veu els canvis del fil: no comparteixen memòria\n");
    else
        printf("fils: main SÍ veu els canvis del fil: comparteixen memòria\n");
    free(v);
    return 0;
}
