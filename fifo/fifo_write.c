/*
 * fifo_write.c — writer side of a named pipe (FIFO).
 *
 * Slide: "Canonades amb nom (FIFO)". Two processes that are not parent and
 * child talk through a file name. mkfifo() creates the name; open() for
 * writing blocks until some process opens the same name for reading.
 *
 *   $ ./fifo/fifo_write [FIFO [MISSATGE]]   (default: myfifo, "test")
 *   $ ./fifo/fifo_read [FIFO]               (in another terminal; either one first)
 *
 * The message and its '\0' go out in one write(). A write of at most PIPE_BUF
 * bytes (4096 on Linux) is atomic: several writers at once never interleave.
 * If the reader goes away before everything is written, write() fails with
 * EPIPE: we ignore SIGPIPE so that this is reported as an error instead of
 * killing us silently. The FIFO stays on disk afterwards, as on the slide.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PERM_FILE (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)

static const char *path = "myfifo";

static void die(const char *what)
{
    fprintf(stderr, "fifo_write: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* Create the FIFO unless it already exists; an existing non-FIFO is an error. */
static void make_fifo(void)
{
    struct stat st;

    if (mkfifo(path, PERM_FILE) == 0)
        return;
    if (errno != EEXIST)
        die("mkfifo");
    if (stat(path, &st) == -1)
        die("stat");
    if (!S_ISFIFO(st.st_mode)) {
        fprintf(stderr, "fifo_write: %s: exists and is not a FIFO\n", path);
        exit(EXIT_FAILURE);
    }
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

int main(int argc, char *argv[])
{
    const char *msg = "test";
    int fd;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fifo_write [FIFO [MISSATGE]]\n"
               "Escriu MISSATGE (per defecte \"test\") a la canonada amb nom FIFO (per defecte myfifo).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 3 || (argc >= 2 && argv[1][0] == '-')) {
        fprintf(stderr, "fifo_write: bad arguments (usage: fifo_write [FIFO [MISSATGE]])\n");
        return EXIT_FAILURE;
    }
    if (argc >= 2)
        path = argv[1];
    if (argc == 3)
        msg = argv[2];

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each message shows at once, even in a pipe */
    if (signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
        perror("fifo_write: signal SIGPIPE");
        return EXIT_FAILURE;
    }

    make_fifo();

    printf("Obrint pipe per escriptura\n");
    fd = open(path, O_WRONLY);          /* blocks until a reader opens it */
    if (fd == -1)
        die("open");
    printf("Escrivint missatge\n");
    if (writen(fd, msg, strlen(msg) + 1) == -1)     /* the text and its '\0' */
        die("write");
    printf("Tancant\n");
    if (close(fd) == -1)
        die("close");
    return EXIT_SUCCESS;
}
