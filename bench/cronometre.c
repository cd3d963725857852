/*
 * cronometre.c — run a command and print how long it took (wall clock).
 *
 * The slides time calcul_pi with the shell's `time`; its format differs from
 * shell to shell, so bench_pi.sh uses this instead: fork(), execvp(), waitpid(),
 * and clock_gettime(CLOCK_MONOTONIC) around them. It prints seconds on stdout,
 * one line, and sends the command's own output to FITXER (or /dev/null).
 *
 *   $ ./bench/cronometre -o sortida.txt ./pi/calcul_pi_1proces 100000000
 *   0.116214
 */
#include "../include/ipc.h"
#include "rellotge.h"           /* now(): seconds, CLOCK_MONOTONIC */

#define USAGE "[-o FITXER] ORDRE [ARGUMENTS...]"

int main(int argc, char *argv[])
{
    const char *out = "/dev/null";
    int first = 1, fd, err[2], e, status;
    ssize_t r;
    double t0, t1;
    pid_t pid;

    /* Not args(): the command's own options (ls -l) are not ours. */
    prog = "cronometre";
    usage_text = USAGE;
    atexit(check_stdout);
    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: %s " USAGE "\n"
               "Executa l'ordre i escriu quants segons ha trigat (temps real, CLOCK_MONOTONIC).\n", prog);
        return EXIT_SUCCESS;
    }
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = argv[2];
        first = 3;
    }
    if (first >= argc)
        usage_error("falta l'ordre");
    if (argv[first][0] == '-')
        usage_error("opció desconeguda '%s'", argv[first]);

    if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH)) == -1)
        die("obrint %s", out);
    /* A pipe closed by a successful exec: if the child writes errno to it,
     * exec failed and the parent reports it (one error line, not two). */
    if (pipe(err) == -1)
        die("pipe");
    if (fcntl(err[1], F_SETFD, FD_CLOEXEC) == -1)
        die("fcntl");

    fflush(stdout);
    t0 = now();
    if ((pid = fork()) == -1)
        die("fork");
    if (pid == 0) {
        close(err[0]);
        if (dup2(fd, STDOUT_FILENO) == -1)
            e = errno;
        else {
            close(fd);
            execvp(argv[first], argv + first);
            e = errno;
        }
        if (write(err[1], &e, sizeof e) == -1)
            _exit(127);
        _exit(127);
    }
    close(err[1]);
    close(fd);
    do
        r = read(err[0], &e, sizeof e);
    while (r == -1 && errno == EINTR);
    close(err[0]);
    while (waitpid(pid, &status, 0) == -1)
        if (errno != EINTR)
            die("waitpid");
    t1 = now();

    if (r == (ssize_t)sizeof e) {
        errno = e;
        hint(ENOENT, "comproveu el camí de l'ordre");
        die("executant %s", argv[first]);
    }
    if (WIFSIGNALED(status))
        fail("%s: ha mort pel senyal %d (%s)", argv[first], WTERMSIG(status), strsignal(WTERMSIG(status)));
    if (WEXITSTATUS(status) != 0)
        return EXIT_FAILURE;    /* the command has said why on stderr */
    printf("%.6f\n", t1 - t0);
    return EXIT_SUCCESS;
}
