/*
 * exemple_sigterm.c — catch SIGTERM and end the program normally.
 *
 * Slide: "Els senyals" (exemple_sigterm.c). The loop counts seconds. `kill PID`
 * from another terminal sends SIGTERM: the system interrupts the loop and calls
 * finalitzar(), which sets done; the loop then ends by itself and the program
 * finishes normally (exit status 0) instead of being killed.
 *
 *   $ ./signals/exemple_sigterm
 *   $ kill PID                      (in another terminal; PID as printed)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t done = 0;

static void die(const char *what)
{
    fprintf(stderr, "exemple_sigterm: %s: %s\n", what, strerror(errno));
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

static void finalitzar(int signo)
{
    static const char msg[] = "He capturat el senyal.\n";

    (void)signo;
    say(msg, sizeof msg - 1);
    done = 1;
}

int main(int argc, char *argv[])
{
    struct sigaction sa;
    int comptador = 0;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: exemple_sigterm\n"
               "Compta segons fins que rep SIGTERM (kill PID) i aleshores acaba normalment.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 1) {
        fprintf(stderr, "exemple_sigterm: no arguments expected (usage: exemple_sigterm)\n");
        return EXIT_FAILURE;
    }

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each line shows at once, even in a pipe */

    /* The slide's signal(SIGTERM, finalitzar) does the same here, but what
     * signal() does differs between systems (some reset the handler after the
     * first signal); sigaction() says it exactly and is the portable choice.
     * SA_RESTART restarts a printf() interrupted by the signal; sleep() still
     * returns early, so the loop sees done at once. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = finalitzar;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGTERM, &sa, NULL) == -1)
        die("sigaction SIGTERM");

    printf("El meu PID és %ld\n", (long)getpid());

    while (!done) {
        sleep(1);                       /* a signal cuts the second short */
        comptador++;
        printf("He esperat %d segons\n", comptador);
    }

    printf("S'ha acabat el bucle. Finalitzo normalment\n");
    return EXIT_SUCCESS;
}
