/*
 * calcul_pi_2processos.c — pi with two processes and a pipe.
 *
 * Slide: "Canonades (pipes)", codi calcul_pi_2processos.c. The same sum as
 * calcul_pi_1proces, split in two: the child adds the even rectangles (0, 2,
 * 4, ...) while the parent adds the odd ones (1, 3, 5, ...), each on its own
 * CPU. The child sends its partial sum (one double) through a pipe, the parent
 * adds both and prints the same line as the single process, in about half the
 * time on two idle CPUs.
 *
 *   $ ./pi/calcul_pi_2processos [rectangles]    (default 1e9)
 *   $ ./pi/calcul_pi_1proces [rectangles]       (compare)
 *
 * Put the shell's `time` in front of each: `real` halves, `user` does not.
 *
 * The count is a whole number, plain or in the slide's notation (1000, 1e9,
 * 1E09); the index is 64-bit, so counts above 2^31 work. If the parent is gone
 * when the child writes, the child's write() fails with EPIPE (it ignores
 * SIGPIPE) and it says so on stderr.
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

static void die(const char *what)
{
    fprintf(stderr, "calcul_pi_2processos: %s: %s\n", what, strerror(errno));
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

/* Wait for the child and check how it ended: 0 if it exited with status 0.
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
        fprintf(stderr, "calcul_pi_2processos: child killed by signal %d (%s)\n",
                WTERMSIG(status), strsignal(WTERMSIG(status)));
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
    long long num_rects = (long long)NUM_RECTS;
    double width, sum, area;
    volatile double parent_sum;         /* see below */
    double child_sum;
    const char *why;
    int fd[2];
    ssize_t n;
    pid_t pid;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: calcul_pi_2processos [rectangles]\n"
               "Calcula pi amb dos processos: el fill suma els rectangles parells, "
               "el pare els senars, i el fill envia la seva suma per una canonada.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2) {
        fprintf(stderr, "calcul_pi_2processos: bad arguments "
                "(usage: calcul_pi_2processos [rectangles])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2 && (num_rects = parse_count(argv[1], &why)) == 0) {
        fprintf(stderr, "calcul_pi_2processos: bad count '%s': %s "
                "(usage: calcul_pi_2processos [rectangles])\n", argv[1], why);
        return EXIT_FAILURE;
    }

    width = 1.0 / (double) num_rects;
    if (pipe(fd) == -1)
        die("pipe");
    if (fflush(stdout) == EOF)          /* nothing may be printed twice */
        die("fflush stdout");

    pid = fork();
    if (pid == -1)
        die("fork");

    if (pid == 0) { // child: the even rectangles
        ignore_sigpipe();
        if (close(fd[0]) == -1)         /* the end it does not use */
            die("child: close pipe");
        sum = sum_heights(0, num_rects, 2, width);
        if (writen(fd[1], &sum, sizeof sum) == -1)
            die("child: write pipe");
        exit(EXIT_SUCCESS);
    }

    // parent: the odd rectangles
    /* Close our write end: if the child died before writing, read() then
     * returns end of file instead of waiting forever. */
    if (close(fd[1]) == -1)
        die("close pipe");

    /*
     * Our half must be computed NOW, while the child computes its own, and not
     * after the read() below, which blocks until the child is done. Nothing
     * before the printf uses the sum, so the compiler may move a computation
     * without side effects past read(): gcc 12 -O2 did just that to this file
     * with sum_heights marked __attribute__((noinline, const)) (the call landed
     * after read() and waitpid(), just before printf), and "2 processes" took
     * the time of one: the parent sat in read() while the child worked, then
     * did its half alone. Storing the result in a volatile object forbids it:
     * the store is a side effect, so it must be done before read() is called.
     * Check with `objdump -d pi/calcul_pi_2processos`: in the parent's branch
     * the loop (divsd) comes before `call read`.
     */
    parent_sum = sum_heights(1, num_rects, 2, width);

    n = readn(fd[0], &child_sum, sizeof child_sum);  /* waits for the child */
    if (n == -1)
        die("read pipe");
    if (close(fd[0]) == -1)
        die("close pipe");
    if (reap(pid) == -1)
        return EXIT_FAILURE;
    if (n != (ssize_t)sizeof child_sum) {
        fprintf(stderr, "calcul_pi_2processos: read pipe: child sent %zd of %zu bytes\n",
                n, sizeof child_sum);
        return EXIT_FAILURE;
    }

    area = width * (parent_sum + child_sum);
    printf("pi = %e\n", area);

    return 0;
}
