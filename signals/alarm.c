/*
 * alarm.c — alarm(N): el sistema envia SIGALRM al cap de N segons.
 *
 * Slide: "Alguns detalls": alarm() sets a timer; when it reaches zero the
 * operating system sends SIGALRM (the slide's SIGALARM) to the process that
 * called alarm(). The handler says so; the program then prints how long it
 * really waited (monotonic clock).
 *
 *   $ ./signals/alarm [SEGONS]      (default 3; from 1 to 3600)
 */
#include "../include/ipc.h"
#include <time.h>                       /* clock_gettime() */

static volatile sig_atomic_t sonat = 0; /* the only type a handler may set safely */

void alarma(int signo)
{
    (void)signo;
    say("He rebut SIGALRM.\n");         /* write(), not printf(): see ipc.h */
    sonat = 1;
}

int main(int argc, char *argv[])
{
    unsigned segons = 3;
    sigset_t alrm, espera;
    struct timespec t0, t1;

    args(argc, argv, 0, 1, "[SEGONS]", "Programa alarm(SEGONS) (per defecte 3, d'1 a 3600) i espera el senyal SIGALRM que envia el sistema.");
    if (argc == 2)
        segons = (unsigned)parse_count(argv[1], "SEGONS", 1, 3600);  /* alarm(0) cancels */
    set_handler(SIGALRM, alarma);       /* the slide's signal(), with sigaction() */

    /* `while (!sonat) pause();` has a race: a SIGALRM that comes after the
     * test and before pause() leaves pause() waiting for ever. So SIGALRM is
     * blocked (held pending) until sigsuspend() unblocks it and sleeps in one
     * step: a signal that came earlier is delivered right there. */
    if (sigemptyset(&alrm) == -1 || sigaddset(&alrm, SIGALRM) == -1)
        die("sigaddset SIGALRM");
    if (sigprocmask(SIG_BLOCK, &alrm, &espera) == -1 || sigdelset(&espera, SIGALRM) == -1)
        die("sigprocmask SIGALRM");

    printf("Programo alarm(%u): el sistema m'enviarà SIGALRM d'aquí a %u segons\n", segons, segons);
    if (clock_gettime(CLOCK_MONOTONIC, &t0) == -1)
        die("clock_gettime");
    alarm(segons);                      /* cannot fail; returns the previous timer */
    while (!sonat)
        sigsuspend(&espera);            /* returns (-1, EINTR) once a handler has run */

    if (clock_gettime(CLOCK_MONOTONIC, &t1) == -1)
        die("clock_gettime");
    printf("He esperat %.2f segons\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
