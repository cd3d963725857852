/*
 * enviar_sigusr.c — send SIGUSR1 or SIGUSR2 to a process with kill().
 *
 * Slide: "Altres senyals", "Experiment". The C function that sends a signal
 * is called kill(), like the command: it takes the PID of the process and the
 * signal to send. The receiver cannot tell who sent it ("Alguns detalls").
 *
 *   $ ./signals/sigusr                    (first, in one terminal: prints its PID)
 *   $ ./signals/enviar_sigusr PID [1|2]   (then in another; 1 = SIGUSR1, the default)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define USAGE "(usage: enviar_sigusr PID [1|2])"

/* A bad argument: say what is wrong and how to call us. */
static void usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "enviar_sigusr: %s%s%s " USAGE "\n", what, arg ? ": " : "", arg ? arg : "");
    exit(EXIT_FAILURE);
}

/* PID as a positive number that fits in pid_t. 0 and negative numbers are
 * valid for kill() but mean a whole process group (or every process we may
 * signal, for -1), never what a student means here: refuse them. */
static pid_t parse_pid(const char *s)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (end == s || *end != '\0')
        usage_error("PID is not a number", s);
    if (errno == ERANGE || v != (long)(pid_t)v)
        usage_error("PID out of range", s);
    if (v <= 0)
        usage_error("PID must be positive (0 or less would signal a process group)", s);
    return (pid_t)v;
}

int main(int argc, char *argv[])
{
    int signo = SIGUSR1;
    const char *name = "SIGUSR1";
    pid_t pid;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: enviar_sigusr PID [1|2]\n"
               "Envia el senyal SIGUSR1 (1, per defecte) o SIGUSR2 (2) al procés PID amb kill().\n");
        return EXIT_SUCCESS;
    }
    if (argc < 2)
        usage_error("missing PID", NULL);
    if (argc > 3)
        usage_error("too many arguments", NULL);

    pid = parse_pid(argv[1]);
    if (argc == 3) {
        if (strcmp(argv[2], "2") == 0) {
            signo = SIGUSR2;
            name = "SIGUSR2";
        } else if (strcmp(argv[2], "1") != 0) {
            usage_error("signal must be 1 (SIGUSR1) or 2 (SIGUSR2)", argv[2]);
        }
    }

    if (kill(pid, signo) == -1) {       /* ESRCH: no such process; EPERM: not ours */
        fprintf(stderr, "enviar_sigusr: kill %ld %s: %s\n", (long)pid, name, strerror(errno));
        return EXIT_FAILURE;
    }
    printf("He enviat %s al procés %ld.\n", name, (long)pid);
    return EXIT_SUCCESS;
}
