/*
 * calcul_pi_2processos.c — pi amb dos processos i una canonada.
 *
 * Slide: "Canonades (pipes)", codi calcul_pi_2processos.c. The same sum as
 * calcul_pi_1proces, split in two: the child adds the even rectangles (0, 2,
 * 4, ...) while the parent adds the odd ones, each on its own CPU. The child
 * sends its partial sum (one double, 8 bytes) through the pipe; the parent
 * adds both and prints the same line as one process, in about half the time
 * on two idle CPUs (`time`: `real` halves, `user` does not).
 *
 *   $ ./pi/calcul_pi_2processos [RECTANGLES]    (default 1e9, as the slide)
 *   $ ./pi/calcul_pi_1proces [RECTANGLES]       (compare)
 *
 * If the child is killed, the parent's read() sees end of file: it says how
 * the child ended and prints no result. If the parent is gone when the child
 * writes, the child's write() fails with EPIPE and it says so.
 */
#include "../include/ipc.h"

#define NUM_RECTS 1E09
#define MAX_RECTS 10000000000000LL      /* 1e13: hours of work, surely a typo */

/* The slide's loop, over rectangles first, first + 2, first + 4, ... */
static double sum_heights(long long first, long long num_rects, double width)
{
    double mid, height, sum = 0.0;

    for (long long i = first; i < num_rects; i += 2) {
        mid = (i + 0.5) * width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    return sum;
}

int main(int argc, char *argv[])
{
    long long num_rects = NUM_RECTS;
    double width, sum, child_sum, area;
    volatile double parent_sum;         /* volatile: done before read(), not moved past it (README) */
    int fd[2];
    ssize_t n;
    pid_t pid;

    args(argc, argv, 0, 1, "[RECTANGLES]", "Calcula pi amb dos processos: el fill suma els rectangles parells, el pare els senars, i el fill envia la seva suma per una canonada.");
    if (argc == 2)
        num_rects = parse_count(argv[1], "rectangles", 1, MAX_RECTS);
    hint(EPIPE, "el pare ja no hi és");

    width = 1.0 / (double) num_rects;
    if (pipe(fd) == -1)
        die("pipe");
    if (fflush(stdout) == EOF)          /* nothing pending may be printed twice */
        die("escrivint la sortida");
    if ((pid = fork()) == -1)
        die("fork");

    if (pid == 0) { // child: the even rectangles
        set_handler(SIGPIPE, SIG_IGN);  /* a parent gone: EPIPE from write(), not a silent death */
        if (close(fd[0]) == -1)
            die("tancant la canonada");
        sum = sum_heights(0, num_rects, width);
        if (writen(fd[1], &sum, sizeof sum) == -1)
            die("escrivint a la canonada");
        exit(0);
    }

    // parent: the odd rectangles, while the child does the even ones
    if (close(fd[1]) == -1)             /* or read() would wait forever for a child that died */
        die("tancant la canonada");
    parent_sum = sum_heights(1, num_rects, width);
    if ((n = readn(fd[0], &child_sum, sizeof child_sum)) == -1)  /* waits for the child */
        die("llegint la canonada");
    if (reap(pid) == -1)
        return EXIT_FAILURE;            /* the child, or reap(), has said why */
    if (n != (ssize_t)sizeof child_sum)
        fail("la canonada: el fill ha enviat %zd de %zu bytes", n, sizeof child_sum);

    area = width * (parent_sum + child_sum);
    printf("pi = %e\n", area);

    return 0;
}
