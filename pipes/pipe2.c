/*
 * pipe2.c — a pipe (canonada) between a parent and its child.
 *
 * Slide: "Canonades (pipes)", codi pipe2.c. pipe() gives two file descriptors,
 * fd[0] to read and fd[1] to write, and fork() copies both into the child. The
 * child writes "test" (5 bytes: the word and its '\0'), the parent reads it.
 * The first two lines may come in either order: the scheduler decides.
 *
 *   $ ./pipes/pipe2            (parent and child, one terminal)
 *   $ ./pipes/pipe2 -s         (sense lector: nobody left to read)
 *
 * A writer whose reader has gone gets SIGPIPE, which kills it without a word.
 * The child ignores SIGPIPE, so its write() fails with EPIPE instead and it
 * says so ("pipe2: child: write pipe: Broken pipe"); the parent sees it exit
 * with status 1 and exits 1 too. -s shows it: the parent closes the read end
 * before fork(), so whichever process runs first, no reader is left.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
    fprintf(stderr, "pipe2: %s: %s\n", what, strerror(errno));
    exit(EXIT_FAILURE);
}

/* read() may return less than asked: loop until n bytes or end of file.
 * Returns the number of bytes read, or -1 on error. */
static ssize_t readn(int fd, void *buf, size_t n)
{
    char *p = buf;
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;                      /* end of file: every write end closed */
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* write() may write less than asked: loop until all of it is written. */
static int writen(int fd, const void *buf, size_t n)
{
    const char *p = buf;

    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Make a write to a pipe with no reader fail with EPIPE instead of killing us.
 * signal(SIGPIPE, SIG_IGN), as in fifo_write.c, is just as portable: signal()
 * differs between systems only for a handler. sigaction() is used here as for
 * the handlers in signals/. */
static void ignore_sigpipe(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    if (sigemptyset(&sa.sa_mask) == -1 || sigaction(SIGPIPE, &sa, NULL) == -1)
        die("child: sigaction SIGPIPE");
}

/* Wait for the child and check how it ended: 0 if it exited with status 0.
 * A child that exits 1 has already said why; one killed by a signal could not,
 * so we say it. */
static int reap(pid_t pid)
{
    int status;

    if (waitpid(pid, &status, 0) == -1)
        die("waitpid");
    if (WIFEXITED(status))
        return WEXITSTATUS(status) == 0 ? 0 : -1;
    if (WIFSIGNALED(status))
        fprintf(stderr, "pipe2: child killed by signal %d (%s)\n",
                WTERMSIG(status), strsignal(WTERMSIG(status)));
    return -1;
}

int main(int argc, char *argv[])
{
    int fd[2];
    char buf[30];
    int sense_lector = 0;
    ssize_t n = 0;
    pid_t pid;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: pipe2 [-s]\n"
               "El fill escriu \"test\" a una canonada i el pare el llegeix; "
               "amb -s no queda cap lector i l'escriptura falla (EPIPE).\n");
        return EXIT_SUCCESS;
    }
    if (argc == 2 && strcmp(argv[1], "-s") == 0) {
        sense_lector = 1;
    } else if (argc > 1) {
        fprintf(stderr, "pipe2: bad arguments (usage: pipe2 [-s])\n");
        return EXIT_FAILURE;
    }

    /* Each line leaves at once, even into a file or a pipe: the child's line is
     * out before its write(), so `parent read "test"` always comes last. */
    setvbuf(stdout, NULL, _IOLBF, 0);

    if (pipe(fd) == -1)
        die("pipe");
    if (sense_lector && close(fd[0]) == -1)
        die("close pipe");

    /* Anything still in stdout's buffer would be copied into the child and
     * printed twice. */
    if (fflush(stdout) == EOF)
        die("fflush stdout");

    pid = fork();
    if (pid == -1)
        die("fork");

    if (pid == 0) { // child
        ignore_sigpipe();
        /* Close the end we do not use. A reader sees end of file only when
         * every write end is closed, and a writer gets EPIPE only when every
         * read end is: a forgotten copy keeps the pipe "alive". */
        if (!sense_lector && close(fd[0]) == -1)
            die("child: close pipe");
        printf("child writing to file descriptor #%d\n", fd[1]);
        if (writen(fd[1], "test", 5) == -1)
            die("child: write pipe");
        exit(0);
    } else { // parent
        /* Without this close, our own write end would keep the pipe open: if
         * the child died before writing, read() would wait forever. */
        if (close(fd[1]) == -1)
            die("close pipe");
        if (!sense_lector) {
            printf("parent reading from file descriptor #%d\n", fd[0]);
            n = readn(fd[0], buf, 5);   /* blocks until the child writes */
            if (n == -1)
                die("read pipe");
            buf[n] = '\0';              /* never trust the peer to end the string */
            if (n == 5)
                printf("parent read \"%s\"\n", buf);
            if (close(fd[0]) == -1)
                die("close pipe");
        }
        if (reap(pid) == -1)
            return EXIT_FAILURE;
        if (!sense_lector && n < 5) {
            fprintf(stderr, "pipe2: read pipe: child closed it after %zd of 5 bytes\n", n);
            return EXIT_FAILURE;
        }
    }

    return 0;
}
