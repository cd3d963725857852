/*
 * calcul_pi_fils.c — pi amb N fils d'execució (threads) en lloc de processos.
 *
 * Slide: "Canonades (pipes)", its last words: "s'acostumen a fer servir fils
 * per fer aquest tipus de tasques (i.e. computació paral·lela)". The same sum
 * as calcul_pi_nprocessos, cut in N contiguous shares, each added by a POSIX
 * thread (pthread_create). Threads share the process's memory: each leaves its
 * partial sum in its own slot of an array, and main() reads it after
 * pthread_join() — no pipe, no fork(). Same result line as the others.
 *
 *   $ ./pi/calcul_pi_fils [N] [RECTANGLES]        (default: 2 threads, 1e9)
 *   $ ./pi/calcul_pi_nprocessos [N] [RECTANGLES]  (the same with processes)
 *
 * N is 1 to 1024. Build with -pthread (the Makefile does):
 *   cc -pthread -o calcul_pi_fils calcul_pi_fils.c
 */
#include "../include/ipc.h"
#include <pthread.h>

#define NUM_RECTS 1E09
#define MAX_RECTS 10000000000000LL      /* 1e13: hours of work, surely a typo */
#define MAX_FILS 1024

/* One thread's share: rectangles first .. last - 1, and the sum it leaves. */
struct share {
    long long first, last;
    double width, sum;
};

/* The slide's loop, run by each thread on its own share. */
static void *sum_heights(void *arg)
{
    struct share *s = arg;
    double mid, height, sum = 0.0;      /* local: the threads do not write the shared array in the loop */

    for (long long i = s->first; i < s->last; i++) {
        mid = (i + 0.5) * s->width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    s->sum = sum;                       /* main() reads it after pthread_join() */
    return NULL;
}

int main(int argc, char *argv[])
{
    static pthread_t fils[MAX_FILS];
    static struct share shares[MAX_FILS];
    long long num_rects = NUM_RECTS, nfils = 2, k;
    double width, sum = 0.0, area;
    int err;

    args(argc, argv, 0, 2, "[N] [RECTANGLES]", "Calcula pi amb N fils d'execució (per defecte 2), cadascun amb un tros dels rectangles; sense canonada: comparteixen la memòria.");
    if (argc >= 2)
        nfils = parse_count(argv[1], "nombre de fils", 1, MAX_FILS);
    if (argc == 3)
        num_rects = parse_count(argv[2], "rectangles", 1, MAX_RECTS);

    width = 1.0 / (double) num_rects;
    for (k = 0; k < nfils; k++) {       /* share k: rectangles k*n/N .. (k+1)*n/N - 1 */
        shares[k] = (struct share){ k * num_rects / nfils, (k + 1) * num_rects / nfils, width, 0.0 };
        if ((err = pthread_create(&fils[k], NULL, sum_heights, &shares[k])) != 0) {
            errno = err;                /* pthreads return the error number; they do not set errno */
            die("creant el fil %lld", k);
        }
    }
    for (k = 0; k < nfils; k++) {       /* in share order: the same bits every run */
        if ((err = pthread_join(fils[k], NULL)) != 0) {
            errno = err;
            die("esperant el fil %lld", k);
        }
        sum += shares[k].sum;
    }
    area = width * sum;
    printf("pi = %e\n", area);

    return 0;
}
