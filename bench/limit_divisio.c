/*
 * limit_divisio.c — how fast can this CPU divide? The bound of the pi loop.
 *
 * Each rectangle of calcul_pi costs one division, 4.0 / (1.0 + mid * mid), and
 * a division is the slowest of its operations. Two loops of ITERACIONS double
 * divisions (the scalar divsd on x86-64), built like the pi programs (-O2):
 *  - dependent: x = c / x; each division waits for the previous one, so the
 *    time per division is its latency;
 *  - independent: s += c / d; d += 1; no division waits for another, so the
 *    time per division is the divider's throughput: the fastest a scalar pi
 *    loop can go per rectangle on one CPU. The sum is one chain of additions,
 *    which the compiler may not reorder without -ffast-math, so the loop stays
 *    scalar (one division at a time), as the pi loop does at -O2.
 * Median of 3 runs, CLOCK_MONOTONIC, printed in ns per division.
 *
 *   $ ./bench/limit_divisio [ITERACIONS]      (default 100000000)
 *   $ sh bench/bench_pi.sh                     (puts it beside calcul_pi)
 */
#include "../include/ipc.h"
#include "rellotge.h"           /* now(): seconds, CLOCK_MONOTONIC */

static volatile double sink;    /* keeps the results alive: the loops are not dropped */

static double dependent(long long n, double c)
{
    double x = 1.1, t0 = now();

    for (long long i = 0; i < n; i++)
        x = c / x;              /* x, c/x, x, ...: bounded, every step waits */
    sink = x;
    return now() - t0;
}

static double independent(long long n, double c)
{
    double s = 0.0, d = 1.0, t0 = now();

    for (long long i = 0; i < n; i++) {
        s += c / d;             /* the divisor does not depend on a division */
        d += 1.0;
    }
    sink = s;
    return now() - t0;
}

static double median3(double a, double b, double c)
{
    return a > b ? (b > c ? b : a > c ? c : a) : (a > c ? a : b > c ? c : b);
}

int main(int argc, char *argv[])
{
    long long n = 100000000;
    double c = 1.21 + (double)argc * 1e-9, dep, ind;     /* not a compile-time constant */

    args(argc, argv, 0, 1, "[ITERACIONS]",
         "Mesura quants nanosegons triga una divisió de doubles, dependent i independent.");
    if (argc == 2)
        n = parse_count(argv[1], "iteracions", 1, 100000000000LL);
    dependent(n / 10, c);       /* warm-up: let the CPU reach its clock speed */
    dep = median3(dependent(n, c), dependent(n, c), dependent(n, c));
    ind = median3(independent(n, c), independent(n, c), independent(n, c));
    printf("divisions dependents: %.3f ns per divisió (latència)\n", dep * 1e9 / (double)n);
    printf("divisions independents: %.3f ns per divisió (throughput)\n", ind * 1e9 / (double)n);
    return EXIT_SUCCESS;
}
