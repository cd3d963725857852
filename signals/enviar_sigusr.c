/*
 * enviar_sigusr.c — enviar SIGUSR1 o SIGUSR2 a un procés amb kill().
 *
 * Slide: "Altres senyals", "Experiment". The C function that sends a signal
 * is kill(), like the command: the PID of the process and the signal. The
 * receiver cannot tell who sent it ("Alguns detalls").
 *
 *   $ ./signals/sigusr                    (first, in one terminal: prints its PID)
 *   $ ./signals/enviar_sigusr PID [1|2]   (then in another; 1 = SIGUSR1, the default)
 */
#include "../include/ipc.h"
#include <limits.h>                     /* INT_MAX: the largest PID we take */

int main(int argc, char *argv[])
{
    int num = 1;                        /* 1: SIGUSR1, 2: SIGUSR2 */
    pid_t pid = 0;

    args(argc, argv, 1, 2, "PID [1|2]", "Envia el senyal SIGUSR1 (1, per defecte) o SIGUSR2 (2) al procés PID amb kill().");
    /* kill() takes 0 and negative numbers too, but they mean a whole
     * process group (-1: every process we may signal): never what is meant here. */
    if (argv[1][0] == '-' || (pid = (pid_t)parse_count(argv[1], "PID", 0, INT_MAX)) == 0)
        usage_error("PID '%s': ha de ser positiu (0 i els negatius són grups de processos)", argv[1]);
    if (argc == 3)
        num = (int)parse_count(argv[2], "senyal", 1, 2);

    hint(ESRCH, "engegueu primer ./signals/sigusr i feu servir el PID que escriu");
    if (kill(pid, num == 1 ? SIGUSR1 : SIGUSR2) == -1)
        die("enviant SIGUSR%d al procés %ld", num, (long)pid);
    printf("He enviat SIGUSR%d al procés %ld.\n", num, (long)pid);
    return 0;
}
