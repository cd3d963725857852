/*
 * sigusr.c — esperar SIGUSR1 o SIGUSR2 amb pause() i dir quin ha arribat.
 *
 * Slide: "Altres senyals" (sigusr.c). SIGUSR1 and SIGUSR2 are left to user
 * programs, so that one process can notify another. pause() blocks the
 * process until a signal comes; the handler says which, and the loop waits
 * again. It never ends by itself: Ctrl+C or `kill PID` ends it.
 *
 *   $ ./signals/sigusr
 *   $ ./signals/enviar_sigusr PID [1|2]   (in another terminal; PID as printed)
 *
 * A signal that comes after printf() but before pause() is still handled,
 * but pause() then waits for the next one (alarm.c shows the race-free
 * sigsuspend()). Two signals of one kind sent before the first is handled
 * merge into one: signals are not counted.
 */
#include "../include/ipc.h"

void sigusr(int signo)
{
    if (signo == SIGUSR1)
        say("He rebut SIGUSR1.\n");     /* write(), not printf(): see ipc.h */
    if (signo == SIGUSR2)
        say("He rebut SIGUSR2.\n");
}

int main(int argc, char *argv[])
{
    args(argc, argv, 0, 0, "", "Espera amb pause() els senyals SIGUSR1 i SIGUSR2 i diu quin ha rebut.");
    set_handler(SIGUSR1, sigusr);       /* the slide's signal(), with sigaction() */
    set_handler(SIGUSR2, sigusr);
    if (printf("El meu PID és %ld\n", (long)getpid()) < 0)
        die("escrivint la sortida");    /* we never exit: stdout is checked here */

    while (1)
    {
        printf("Espero senyal!\n");
        pause();                        /* returns after a handler has run */
    }

    return 0;
}
