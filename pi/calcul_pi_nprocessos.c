/*
 * calcul_pi_nprocessos.c — pi amb N processos i una sola canonada.
 *
 * Slide: "Canonades (pipes)", calcul_pi_2processos generalised to N processes
 * (the slide's exercise). The rectangles are cut in N contiguous shares; the
 * parent forks N-1 children, computes share 0 itself, and collects the
 * children's partial sums from ONE pipe that all of them write to. It adds
 * them in share order, so a run gives the same bits whichever child finishes
 * first (and the same as calcul_pi_fils with the same N). Same result line as
 * the others.
 *
 *   $ ./pi/calcul_pi_nprocessos [N] [RECTANGLES]  (default: one per CPU, 1e9)
 *   $ ./pi/calcul_pi_1proces [RECTANGLES]         (compare, with `time`)
 *
 * N is 1 to 1024; with N = 1 no child is made. A child whose share is empty
 * (more processes than rectangles) sends 0.
 */
#include "../include/ipc.h"

#define NUM_RECTS 1E09
#define MAX_RECTS 10000000000000LL      /* 1e13: hours of work, surely a typo */
#define MAX_PROCS 1024

/* One child's message: its share and the sum of its heights. 16 bytes, no
 * padding, well under PIPE_BUF: written at once, never mixed with another's. */
struct partial {
    long long k;
    double sum;
};

/* The default N: one process per CPU online (_SC_NPROCESSORS_ONLN is not
 * POSIX, but Linux, the BSDs and macOS have it), 2 where it is unknown. */
static long long online_cpus(void)
{
    long n = -1;

#ifdef _SC_NPROCESSORS_ONLN
    n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
    return n < 1 ? 2 : n > MAX_PROCS ? MAX_PROCS : n;
}

/* The slide's loop, over rectangles first .. last - 1. */
static double sum_heights(long long first, long long last, double width)
{
    double mid, height, sum = 0.0;

    for (long long i = first; i < last; i++) {
        mid = (i + 0.5) * width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    return sum;
}

int main(int argc, char *argv[])
{
    static pid_t pids[MAX_PROCS];       /* pids[k] computes share k; share 0 is ours */
    static double sums[MAX_PROCS];
    long long num_rects = NUM_RECTS, nprocs, k, got;
    volatile double parent_sum;         /* volatile: done before read(), not moved past it (README) */
    double width, sum = 0.0, area;
    struct partial p;
    int fd[2], failed = 0;
    ssize_t n;

    args(argc, argv, 0, 2, "[N] [RECTANGLES]", "Calcula pi amb N processos (per defecte, un per CPU), que envien les seves sumes parcials al pare per una sola canonada.");
    nprocs = argc >= 2 ? parse_count(argv[1], "nombre de processos", 1, MAX_PROCS) : online_cpus();
    if (argc == 3)
        num_rects = parse_count(argv[2], "rectangles", 1, MAX_RECTS);
    hint(EPIPE, "el pare ja no hi és");

    width = 1.0 / (double) num_rects;
    if (pipe(fd) == -1)
        die("pipe");
    if (fflush(stdout) == EOF)          /* nothing pending may be printed twice */
        die("escrivint la sortida");

    /* Share k: rectangles k*n/N .. (k+1)*n/N - 1 (k*n fits: 1024 * 1e13 < 2^63). */
    for (k = 1; k < nprocs; k++) {
        if ((pids[k] = fork()) == -1) {
            int saved = errno;
            while (--k >= 1)            /* the children started would work for nothing */
                if (kill(pids[k], SIGKILL) == -1 || waitpid(pids[k], NULL, 0) == -1)
                    die("aturant el fill %ld", (long)pids[k]);
            errno = saved;
            die("fork");
        }
        if (pids[k] == 0) { // child k
            set_handler(SIGPIPE, SIG_IGN);  /* a parent gone: EPIPE from write(), not a silent death */
            if (close(fd[0]) == -1)
                die("tancant la canonada");
            p.k = k;
            p.sum = sum_heights(k * num_rects / nprocs, (k + 1) * num_rects / nprocs, width);
            if (writen(fd[1], &p, sizeof p) == -1)
                die("escrivint a la canonada");
            exit(0);
        }
    }

    // parent: share 0, while the children do theirs
    if (close(fd[1]) == -1)             /* or read() would wait forever for a child that died */
        die("tancant la canonada");
    parent_sum = sum_heights(0, num_rects / nprocs, width);
    for (got = 1; got < nprocs; got++) {    /* in the order the children finish */
        if ((n = readn(fd[0], &p, sizeof p)) == -1)
            die("llegint la canonada");
        if (n < (ssize_t)sizeof p)
            break;                      /* end of file: a child died; reap() says which */
        if (p.k < 1 || p.k >= nprocs)
            fail("la canonada: missatge d'un tros %lld que no existeix", p.k);
        sums[p.k] = p.sum;
    }
    for (k = 1; k < nprocs; k++)
        if (reap(pids[k]) == -1)
            failed = 1;
    if (failed)
        return EXIT_FAILURE;            /* each failed child, or reap(), has said why */
    if (got < nprocs)
        fail("la canonada: s'ha acabat abans de rebre totes les sumes");

    sums[0] = parent_sum;
    for (k = 0; k < nprocs; k++)        /* in share order: the same bits every run */
        sum += sums[k];
    area = width * sum;
    printf("pi = %e\n", area);

    return 0;
}
