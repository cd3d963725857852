/*
 * exemple_sigign.c — ignorar SIGTERM amb SIG_IGN; SIGKILL l'acaba igualment.
 *
 * Slide: "Els senyals", "Coses a fer": what if we ignore SIGTERM? With
 * SIG_IGN the system drops it: `kill PID` does nothing and the counter goes
 * on. SIGKILL and SIGSTOP can be neither caught nor ignored (footnote 2): at
 * start the program asks sigaction() to, and prints its refusal. Then
 * `kill -SIGKILL PID` ends it. Ctrl+C (SIGINT) still calls finalitzar, as in
 * exemple_sigint, so it can also end normally.
 *
 *   $ ./signals/exemple_sigign
 *   $ kill PID                      (in another terminal: nothing happens)
 *   $ kill -SIGKILL PID             (this one ends it)
 */
#include "../include/ipc.h"

static volatile sig_atomic_t done = 0;  /* the only type a handler may set safely */

void finalitzar(int signo)
{
    (void)signo;
    say("He capturat el senyal.\n");    /* write(), not printf(): see ipc.h */
    done = 1;
}

/* Ask sigaction() to catch (finalitzar) or ignore (SIG_IGN) SIGNO, which
 * POSIX says may be neither: it must refuse, with EINVAL. Say what it said. */
static void prova(int signo, const char *nom, void (*accio)(int), const char *verb)
{
    struct sigaction sa = { .sa_handler = accio };

    if (sigaction(signo, &sa, NULL) == 0)
        fail("sigaction %s: acceptat, però el sistema l'hauria de refusar", nom);
    printf("El sistema no deixa %s %s: %s\n", verb, nom, strerror(errno));
}

int main(int argc, char *argv[])
{
    int comptador = 0;

    args(argc, argv, 0, 0, "", "Compta segons ignorant SIGTERM (SIG_IGN): kill PID no fa res, kill -SIGKILL PID l'acaba.");
    set_handler(SIGTERM, SIG_IGN);      /* the exercise: signal(SIGTERM, SIG_IGN) */
    set_handler(SIGINT, finalitzar);    /* Ctrl+C still ends the loop normally */
    printf("El meu PID és %ld\n", (long)getpid());
    prova(SIGKILL, "SIGKILL", finalitzar, "capturar");
    prova(SIGKILL, "SIGKILL", SIG_IGN, "ignorar");
    prova(SIGSTOP, "SIGSTOP", finalitzar, "capturar");
    prova(SIGSTOP, "SIGSTOP", SIG_IGN, "ignorar");

    while (!done)
    {
        sleep(1);                       /* SIGTERM no longer cuts it short */
        comptador++;
        printf("He esperat %d segons\n", comptador);
    }

    printf("S'ha acabat el bucle. Finalitzo normalment\n");
    return 0;
}
