/*
 * pipe2.c — una canonada (pipe) entre un pare i el seu fill.
 *
 * Slide: "Canonades (pipes)", codi pipe2.c. pipe() gives two file descriptors,
 * fd[0] to read and fd[1] to write, and fork() copies both into the child. The
 * child writes "test" (5 bytes: the word and its '\0'); the parent's read()
 * blocks until they arrive. The first two lines come in either order: the
 * scheduler decides. One terminal is enough:
 *
 *   $ ./pipes/pipe2
 *   $ ./pipes/pipe2_sense_lector      (the same pipe with nobody left to read)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    int fd[2];
    char buf[30] = "";                  /* zeroed: the string ends even if the peer's '\0' does not come */
    ssize_t n;
    pid_t pid;

    args(argc, argv, 0, 0, "", "El fill escriu \"test\" a una canonada i el pare el llegeix.");
    if (pipe(fd) == -1)
        die("pipe");
    if (fflush(stdout) == EOF)          /* nothing pending may be printed twice */
        die("escrivint la sortida");

    if ((pid = fork()) == -1)
        die("fork");
    if (pid == 0) { // child
        printf("child writing to file descriptor #%d\n", fd[1]);
        if (writen(fd[1], "test", 5) == -1)
            die("escrivint a la canonada");
        exit(0);
    } else { // parent
        if (close(fd[1]) == -1)         /* or read() would wait forever for a child that died */
            die("tancant la canonada");
        printf("parent reading from file descriptor #%d\n", fd[0]);
        if ((n = readn(fd[0], buf, 5)) == -1)
            die("llegint la canonada");
        if (n == 5)
            printf("parent read \"%s\"\n", buf);
        if (reap(pid) == -1)
            _exit(EXIT_FAILURE);        /* the child has already said why: once is enough */
    }

    return 0;
}
