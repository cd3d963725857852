/*
 * exemple_sigint.c — Ctrl+C (SIGINT) també crida finalitzar().
 *
 * Slide: "Els senyals", "Coses a fer": modify exemple_sigterm.c so that
 * Control+C calls finalitzar. The terminal sends SIGINT on Ctrl+C; the same
 * handler is installed for SIGTERM and SIGINT, so either one ends the loop and
 * the program finishes normally (exit status 0).
 *
 *   $ ./signals/exemple_sigint      (then press Ctrl+C)
 *   $ kill -SIGINT PID              (or this, in another terminal; PID as printed)
 */
#include "../include/ipc.h"

static volatile sig_atomic_t done = 0;  /* the only type a handler may set safely */

void finalitzar(int signo)
{
    (void)signo;
    say("He capturat el senyal.\n");    /* write(), not printf(): see ipc.h */
    done = 1;
}

int main(int argc, char *argv[])
{
    int comptador = 0;

    args(argc, argv, 0, 0, "", "Compta segons fins que rep SIGINT (Ctrl+C) o SIGTERM i aleshores acaba normalment.");
    set_handler(SIGTERM, finalitzar);   /* the slide's signal(), with sigaction() */
    set_handler(SIGINT, finalitzar);    /* the exercise: Ctrl+C calls it too */
    printf("El meu PID és %ld\n", (long)getpid());

    while (!done)
    {
        sleep(1);                       /* a signal cuts the second short */
        comptador++;
        printf("He esperat %d segons\n", comptador);
    }

    printf("S'ha acabat el bucle. Finalitzo normalment\n");
    return 0;
}
