/*
 * calcul_pi_nprocessos.c — pi with N processes and one shared pipe.
 *
 * Slide: "Canonades (pipes)", calcul_pi_2processos generalised (issue 5). The
 * rectangles are cut in N contiguous shares; the parent forks N-1 children,
 * computes the first share itself, and collects the children's partial sums
 * from ONE pipe that all of them write to. Same result line as the others.
 *
 *   $ ./pi/calcul_pi_nprocessos [N] [rectangles]  (default: online CPUs, 1e9)
 *   $ ./pi/calcul_pi_1proces [rectangles]         (compare, with `time`)
 *
 * N is 1 to 1024; with N = 1 no child is made. A child whose share is empty
 * (more processes than rectangles) sends 0. If the parent is gone when a child
 * writes, its write() fails with EPIPE (it ignores SIGPIPE) and it says so.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define NUM_RECTS 1E09                  /* default count, the slide's */
#define MAX_RECTS 10000000000000LL      /* 1e13: hours of work, surely a typo */
#define MAX_PROCS 1024

static void die(const char *what)
{
    fprintf(stderr, "calcul_pi_nprocessos: %s: %s\n", what, strerror(errno));
    exit(EXIT_FAILURE);
}

/* Parse a rectangle count: a whole number, plain (1000000) or in the slide's
 * notation (1e9, 1E09, 2.5e9). Returns it, or 0 with *why set when s is bad. */
static long long parse_count(const char *s, const char **why)
{
    char *end;
    long long n;
    double d;

    *why = "not a number";
    if (s[0] == '-' && isdigit((unsigned char)s[1])) {
        *why = "must be at least 1";
        return 0;
    }
    if (!isdigit((unsigned char)s[0]))  /* no sign, space, "inf", "nan", ".5" */
        return 0;
    errno = 0;
    n = strtoll(s, &end, 10);
    if (*end == '\0') {                 /* a plain integer */
        if (errno == ERANGE || n > MAX_RECTS) {
            *why = "too large (at most 1e13)";
            return 0;
        }
        if (n < 1)
            *why = "must be at least 1";
        return n < 1 ? 0 : n;
    }
    if (*end != 'e' && *end != 'E' && *end != '.')
        return 0;                       /* trailing junk: 12abc, 0x10 */
    d = strtod(s, &end);                /* 1e9, 1E09, 2.5e9 */
    if (*end != '\0')
        return 0;
    if (d > (double)MAX_RECTS) {        /* also 1e999, which is HUGE_VAL */
        *why = "too large (at most 1e13)";
        return 0;
    }
    if (d != (double)(long long)d) {    /* exact: d <= 1e13 < 2^53 */
        *why = "not a whole number";
        return 0;
    }
    if (d < 1) {
        *why = "must be at least 1";
        return 0;
    }
    return (long long)d;
}

/* Parse a number of processes, 1 to MAX_PROCS. Returns it, or 0 with *why set. */
static int parse_procs(const char *s, const char **why)
{
    char *end;
    long n;

    *why = "not a number";
    if (s[0] == '-' && isdigit((unsigned char)s[1])) {
        *why = "must be at least 1";
        return 0;
    }
    if (!isdigit((unsigned char)s[0]))
        return 0;
    errno = 0;
    n = strtol(s, &end, 10);
    if (*end != '\0')
        return 0;
    if (errno == ERANGE || n > MAX_PROCS) {
        *why = "too many (at most 1024)";
        return 0;
    }
    if (n < 1) {
        *why = "must be at least 1";
        return 0;
    }
    return (int)n;
}

/* read() may return less than asked: loop until n bytes or end of file.
 * Returns the number of bytes read, or -1 on error. */
static ssize_t readn(int fd, void *buf, size_t n)
{
    char *p = buf;
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;                      /* end of file: every write end closed */
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* write() may write less than asked: loop until all of it is written. */
static int writen(int fd, const void *buf, size_t n)
{
    const char *p = buf;

    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Make a write to a pipe with no reader fail with EPIPE instead of killing us.
 * signal(SIGPIPE, SIG_IGN), as in fifo_write.c, is just as portable: signal()
 * differs between systems only for a handler. sigaction() is used here as for
 * the handlers in signals/. */
static void ignore_sigpipe(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    if (sigemptyset(&sa.sa_mask) == -1 || sigaction(SIGPIPE, &sa, NULL) == -1)
        die("child: sigaction SIGPIPE");
}

/* Wait for a child and check how it ended: 0 if it exited with status 0.
 * A child that exits 1 has already said why; one killed by a signal could not,
 * so we say it. */
static int reap(pid_t pid)
{
    int status;

    if (waitpid(pid, &status, 0) == -1)
        die("waitpid");
    if (WIFEXITED(status))
        return WEXITSTATUS(status) == 0 ? 0 : -1;
    if (WIFSIGNALED(status))
        fprintf(stderr, "calcul_pi_nprocessos: child %ld killed by signal %d (%s)\n",
                (long)pid, WTERMSIG(status), strsignal(WTERMSIG(status)));
    return -1;
}

/* The slide's loop over rectangles first, first + step, ... below num_rects:
 * returns the sum of their heights. */
static double sum_heights(long long first, long long num_rects, long long step,
                          double width)
{
    long long i;
    double mid, height, sum = 0.0;

    for (i = first; i < num_rects; i += step) {
        mid = (i + 0.5) * width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    return sum;
}

int main(int argc, char *argv[])
{
    static pid_t pids[MAX_PROCS];       /* pids[k] runs share k; 0 is the parent */
    static double sums[MAX_PROCS];      /* the children's partial sums */
    long long num_rects = (long long)NUM_RECTS;
    long ncpu;
    int nprocs, k, failed = 0;
    double width, sum, area;
    volatile double parent_sum;         /* see calcul_pi_2processos.c */
    const char *why;
    size_t want;
    int fd[2];
    ssize_t n;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: calcul_pi_nprocessos [N] [rectangles]\n"
               "Calcula pi amb N processos (per defecte, un per CPU), que envien "
               "les seves sumes parcials al pare per una sola canonada.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 3) {
        fprintf(stderr, "calcul_pi_nprocessos: bad arguments "
                "(usage: calcul_pi_nprocessos [N] [rectangles])\n");
        return EXIT_FAILURE;
    }
    if (argc >= 2) {
        if ((nprocs = parse_procs(argv[1], &why)) == 0) {
            fprintf(stderr, "calcul_pi_nprocessos: bad number of processes '%s': %s "
                    "(usage: calcul_pi_nprocessos [N] [rectangles])\n", argv[1], why);
            return EXIT_FAILURE;
        }
    } else {
        /* _SC_NPROCESSORS_ONLN is not in POSIX, but Linux, the BSDs and macOS
         * have it; elsewhere fall back to 2, the slide's case. */
#ifdef _SC_NPROCESSORS_ONLN
        ncpu = sysconf(_SC_NPROCESSORS_ONLN);
#else
        ncpu = 2;
#endif
        nprocs = ncpu < 1 ? 1 : ncpu > MAX_PROCS ? MAX_PROCS : (int)ncpu;
    }
    if (argc == 3 && (num_rects = parse_count(argv[2], &why)) == 0) {
        fprintf(stderr, "calcul_pi_nprocessos: bad count '%s': %s "
                "(usage: calcul_pi_nprocessos [N] [rectangles])\n", argv[2], why);
        return EXIT_FAILURE;
    }

    width = 1.0 / (double) num_rects;
    if (pipe(fd) == -1)
        die("pipe");
    if (fflush(stdout) == EOF)          /* nothing may be printed twice */
        die("fflush stdout");

    /* Share k is rectangles k*n/N up to (k+1)*n/N: contiguous, sizes differing
     * by at most one. k*n fits: 1024 * 1e13 is far below 2^63. */
    for (k = 1; k < nprocs; k++) {
        pids[k] = fork();
        if (pids[k] == -1) {
            int saved = errno;
            /* The children already started would work for nothing: stop them
             * and reap them before giving up. */
            while (--k >= 1) {
                if (kill(pids[k], SIGKILL) == -1 || waitpid(pids[k], NULL, 0) == -1)
                    die("stop children");
            }
            errno = saved;
            die("fork");
        }
        if (pids[k] == 0) { // child k
            ignore_sigpipe();
            if (close(fd[0]) == -1)     /* the end it does not use */
                die("child: close pipe");
            sum = sum_heights(k * num_rects / nprocs, (k + 1) * num_rects / nprocs,
                              1, width);
            /* All children write to the same pipe. A write of at most PIPE_BUF
             * bytes (512 or more on every POSIX system) is atomic: the 8 bytes
             * of one double are never mixed with another child's. */
            if (writen(fd[1], &sum, sizeof sum) == -1)
                die("child: write pipe");
            exit(EXIT_SUCCESS);
        }
    }

    /* Close our write end: read() then sees end of file once every child has
     * exited, instead of waiting forever for a child that died. */
    if (close(fd[1]) == -1)
        die("close pipe");

    /* Share 0 is ours, computed BEFORE the blocking read(): volatile keeps the
     * compiler from moving it past the call (see calcul_pi_2processos.c). */
    parent_sum = sum_heights(0, num_rects / nprocs, 1, width);

    /* The children's sums, in the order they finish. */
    want = (size_t)(nprocs - 1) * sizeof sums[0];
    n = readn(fd[0], sums, want);
    if (n == -1)
        die("read pipe");
    if (close(fd[0]) == -1)
        die("close pipe");
    for (k = 1; k < nprocs; k++)
        if (reap(pids[k]) == -1)
            failed = 1;
    if (failed)
        return EXIT_FAILURE;
    if ((size_t)n != want) {
        fprintf(stderr, "calcul_pi_nprocessos: read pipe: got %zd of %zu bytes from the children\n",
                n, want);
        return EXIT_FAILURE;
    }

    sum = parent_sum;
    for (k = 0; k < nprocs - 1; k++)
        sum += sums[k];
    area = width * sum;
    printf("pi = %e\n", area);

    return 0;
}
