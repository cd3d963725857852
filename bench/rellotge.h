/*
 * rellotge.h — the clock every benchmark here reads: seconds from
 * CLOCK_MONOTONIC, which never jumps when the date is changed. Included by
 * ipc_bench.c, cronometre.c and limit_divisio.c (after ../include/ipc.h).
 */
#include <time.h>

static double now(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
        die("clock_gettime");
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
