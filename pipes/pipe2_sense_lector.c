/*
 * pipe2_sense_lector.c — una canonada sense lector: el fill rep EPIPE.
 *
 * Slide: "Canonades (pipes)", pipe2.c with the reader gone. The parent closes
 * the only read end, fd[0], before fork(), so whichever process runs first,
 * nobody can read what the child writes. A writer with no reader gets SIGPIPE,
 * which kills it without a word (a shell shows status 141); the child ignores
 * SIGPIPE, so its write() fails with EPIPE instead and it says so:
 * "pipe2_sense_lector: escrivint a la canonada: Broken pipe (...)", exit 1.
 * The parent sees the child fail and exits 1 too. One terminal:
 *
 *   $ ./pipes/pipe2_sense_lector
 *   $ ./pipes/pipe2                   (the slide's, with a reader)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    int fd[2];
    pid_t pid;

    args(argc, argv, 0, 0, "", "Com pipe2, però el pare tanca l'extrem de lectura: l'escriptura del fill falla amb EPIPE.");
    hint(EPIPE, "ningú no la llegeix: el pare n'ha tancat l'extrem de lectura");
    if (pipe(fd) == -1)
        die("pipe");
    if (close(fd[0]) == -1)             /* the only read end: from now on, no reader */
        die("tancant l'extrem de lectura");
    if (fflush(stdout) == EOF)          /* nothing pending may be printed twice */
        die("escrivint la sortida");

    if ((pid = fork()) == -1)
        die("fork");
    if (pid == 0) { // child
        set_handler(SIGPIPE, SIG_IGN);  /* EPIPE from write(), not death by SIGPIPE */
        printf("child writing to file descriptor #%d\n", fd[1]);
        check_stdout();                 /* a line that could not be printed is the first error */
        if (writen(fd[1], "test", 5) == -1)
            die("escrivint a la canonada");
        exit(0);
    } else { // parent
        if (close(fd[1]) == -1)
            die("tancant la canonada");
        if (reap(pid) == -1)
            return EXIT_FAILURE;        /* the child has said why */
    }

    return 0;
}
