/*
 * exemple_sigign.c — ignore SIGTERM with SIG_IGN; SIGKILL still ends it.
 *
 * Slide: "Els senyals", "Coses a fer": what if we ignore SIGTERM? With
 * SIG_IGN the system discards it, so `kill PID` does nothing and the counter
 * goes on. SIGKILL and SIGSTOP can be neither caught nor ignored (footnote 2):
 * at start the program asks sigaction() to do it and shows that it refuses.
 * `kill -SIGKILL PID` is then the sure way to end it. Ctrl+C (SIGINT) still
 * calls finalitzar, as in exemple_sigint.
 *
 *   $ ./signals/exemple_sigign
 *   $ kill PID                      (in another terminal: nothing happens)
 *   $ kill -SIGKILL PID             (this one ends it)
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
    fprintf(stderr, "exemple_sigign: %s: %s\n", what, strerror(errno));
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

/* Ask sigaction() to catch or ignore a signal that POSIX says may be neither:
 * it must fail with EINVAL. Print what the system answered. */
static void try_action(int signo, const char *name, void (*action)(int), const char *verb)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = action;
    sigemptyset(&sa.sa_mask);
    if (sigaction(signo, &sa, NULL) == 0) {
        fprintf(stderr, "exemple_sigign: sigaction %s: accepted, but it must be refused\n", name);
        exit(EXIT_FAILURE);
    }
    printf("El sistema no deixa %s %s: %s\n", verb, name, strerror(errno));
}

int main(int argc, char *argv[])
{
    struct sigaction sa;
    int comptador = 0;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: exemple_sigign\n"
               "Compta segons ignorant SIGTERM (SIG_IGN): kill PID no fa res, kill -SIGKILL PID l'acaba.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 1) {
        fprintf(stderr, "exemple_sigign: no arguments expected (usage: exemple_sigign)\n");
        return EXIT_FAILURE;
    }

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each line shows at once, even in a pipe */

    /* The slide's signal(SIGTERM, SIG_IGN) does the same here; sigaction()
     * is the portable choice, as its behaviour is the same on every system. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) == -1)
        die("sigaction SIGTERM");

    sa.sa_handler = finalitzar;         /* Ctrl+C still ends the loop normally */
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &sa, NULL) == -1)
        die("sigaction SIGINT");

    printf("El meu PID és %ld\n", (long)getpid());

    try_action(SIGKILL, "SIGKILL", finalitzar, "capturar");
    try_action(SIGKILL, "SIGKILL", SIG_IGN, "ignorar");
    try_action(SIGSTOP, "SIGSTOP", finalitzar, "capturar");
    try_action(SIGSTOP, "SIGSTOP", SIG_IGN, "ignorar");

    while (!done) {
        sleep(1);                       /* a caught signal cuts the second short */
        comptador++;
        printf("He esperat %d segons\n", comptador);
    }

    printf("S'ha acabat el bucle. Finalitzo normalment\n");
    return EXIT_SUCCESS;
}
