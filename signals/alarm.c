/*
 * alarm.c — alarm(N): the system sends SIGALRM after N seconds.
 *
 * Slide: "Alguns detalls": alarm() sets a timer; when it reaches zero the
 * operating system sends SIGALRM (the slide's SIGALARM) to the process that
 * called alarm(). The handler reports it; the program then says how long it
 * really waited, measured with the monotonic clock.
 *
 *   $ ./signals/alarm [SEGONS]      (default 3; from 1 to 3600)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_SECONDS 3600

static volatile sig_atomic_t sonat = 0;

static void die(const char *what)
{
    fprintf(stderr, "alarm: %s: %s\n", what, strerror(errno));
    exit(EXIT_FAILURE);
}

/* printf() is not async-signal-safe, write() is: handlers print with this.
 * A handler cannot report a failed write, so its result is dropped; errno is
 * kept, as the handler may run between a call of main and its errno check. */
static void say(const char *msg, size_t len)
{
    int saved_errno = errno;
    ssize_t w = write(STDOUT_FILENO, msg, len);

    (void)w;
    errno = saved_errno;
}

static void alarma(int signo)
{
    static const char msg[] = "He rebut SIGALRM.\n";

    (void)signo;
    say(msg, sizeof msg - 1);
    sonat = 1;
}

int main(int argc, char *argv[])
{
    struct sigaction sa;
    struct timespec t0, t1;
    unsigned segons = 3;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: alarm [SEGONS]\n"
               "Programa alarm(SEGONS) (per defecte 3) i espera el senyal SIGALRM que envia el sistema.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2) {
        fprintf(stderr, "alarm: too many arguments (usage: alarm [SEGONS])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2) {
        char *end;
        long v;

        errno = 0;
        v = strtol(argv[1], &end, 10);
        if (end == argv[1] || *end != '\0') {
            fprintf(stderr, "alarm: SEGONS is not a whole number: %s (usage: alarm [SEGONS])\n",
                    argv[1]);
            return EXIT_FAILURE;
        }
        if (errno == ERANGE || v < 1 || v > MAX_SECONDS) {  /* alarm(0) would cancel it */
            fprintf(stderr, "alarm: SEGONS must be from 1 to %d: %s (usage: alarm [SEGONS])\n",
                    MAX_SECONDS, argv[1]);
            return EXIT_FAILURE;
        }
        segons = (unsigned)v;
    }

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each line shows at once, even in a pipe */

    /* The slide's signal(SIGALRM, alarma) would do the same here; sigaction()
     * is the portable choice, as signal() differs between systems. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = alarma;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGALRM, &sa, NULL) == -1)
        die("sigaction SIGALRM");

    printf("Programo alarm(%u): el sistema m'enviarà SIGALRM d'aquí a %u segons\n", segons, segons);
    if (clock_gettime(CLOCK_MONOTONIC, &t0) == -1)
        die("clock_gettime");
    alarm(segons);                      /* cannot fail; returns the previous timer */

    /* pause() returns after any caught signal: wait until it was SIGALRM.
     * The alarm is at least a second away, so in practice it cannot arrive
     * between the test of sonat and pause(); sigsuspend() would close even
     * that window. */
    while (!sonat)
        pause();

    if (clock_gettime(CLOCK_MONOTONIC, &t1) == -1)
        die("clock_gettime");
    printf("He esperat %.2f segons\n",
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    return EXIT_SUCCESS;
}
