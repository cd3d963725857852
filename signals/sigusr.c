/*
 * sigusr.c — wait in pause() for SIGUSR1 / SIGUSR2 and say which one came.
 *
 * Slide: "Altres senyals" (sigusr.c). SIGUSR1 and SIGUSR2 are left for user
 * programs, so that one process can notify another. pause() blocks the
 * process until a signal arrives; the handler reports it and the loop waits
 * again. End it with Ctrl+C or `kill PID`.
 *
 *   $ ./signals/sigusr
 *   $ ./signals/enviar_sigusr PID [1|2]   (in another terminal; PID as printed)
 *
 * A signal that arrives after printf() but before pause() is still handled
 * (its line is printed), but pause() then waits for the next one, so that
 * round's "Espero senyal!" only shows after it; sigsuspend() closes this
 * window, the slide keeps pause() for simplicity. Two signals of the same kind
 * sent before the first is handled merge into one: signals are not counted.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void die(const char *what)
{
    fprintf(stderr, "sigusr: %s: %s\n", what, strerror(errno));
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

static void sigusr(int signo)
{
    static const char msg1[] = "He rebut SIGUSR1.\n";
    static const char msg2[] = "He rebut SIGUSR2.\n";

    if (signo == SIGUSR1)
        say(msg1, sizeof msg1 - 1);
    if (signo == SIGUSR2)
        say(msg2, sizeof msg2 - 1);
}

int main(int argc, char *argv[])
{
    struct sigaction sa;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: sigusr\n"
               "Espera amb pause() els senyals SIGUSR1 i SIGUSR2 i diu quin ha rebut.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 1) {
        fprintf(stderr, "sigusr: no arguments expected (usage: sigusr)\n");
        return EXIT_FAILURE;
    }

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each line shows at once, even in a pipe */

    /* The slide's signal(SIGUSR1, sigusr) does the same here, but what
     * signal() does differs between systems (some reset the handler after the
     * first signal); sigaction() says it exactly and is the portable choice.
     * SA_RESTART restarts a printf() interrupted by a signal; pause() always
     * returns after the handler. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigusr;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGUSR1, &sa, NULL) == -1)
        die("sigaction SIGUSR1");
    if (sigaction(SIGUSR2, &sa, NULL) == -1)
        die("sigaction SIGUSR2");

    printf("El meu PID és %ld\n", (long)getpid());

    while (1) {
        printf("Espero senyal!\n");
        pause();                        /* returns only after a handler has run */
    }
}
