/*
 * exemple_sigterm.c — capturar SIGTERM i acabar normalment.
 *
 * Slide: "Els senyals" (exemple_sigterm.c). The loop counts seconds; `kill PID`
 * from another terminal sends SIGTERM, the system calls finalitzar(), which
 * sets done, and the loop ends by itself: exit status 0, not killed.
 *
 *   $ ./signals/exemple_sigterm
 *   $ kill PID                      (in another terminal; PID as printed)
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

    args(argc, argv, 0, 0, "", "Compta segons fins que rep SIGTERM (kill PID) i aleshores acaba normalment.");
    set_handler(SIGTERM, finalitzar);   /* the slide's signal(), with sigaction() */
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
