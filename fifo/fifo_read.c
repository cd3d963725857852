/*
 * fifo_read.c — reader side of a named pipe (FIFO).
 *
 * Slide: "Canonades amb nom (FIFO)". Two processes that are not parent and
 * child talk through a file name. open() for reading blocks until some process
 * opens the same name for writing.
 *
 *   $ ./fifo/fifo_read [FIFO]               (default: myfifo)
 *   $ ./fifo/fifo_write [FIFO [MISSATGE]]   (in another terminal; either one first)
 *
 * The slide reads exactly 5 bytes ("test" and its '\0'); here we read until the
 * writer closes, so that any message that fits in buf arrives whole.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PERM_FILE (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)

static const char *path = "myfifo";

static void die(const char *what)
{
    fprintf(stderr, "fifo_read: %s %s: %s\n", what, path, strerror(errno));
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
        fprintf(stderr, "fifo_read: %s: exists and is not a FIFO\n", path);
        exit(EXIT_FAILURE);
    }
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
            break;                      /* end of file: every writer closed */
        got += (size_t)r;
    }
    return (ssize_t)got;
}

int main(int argc, char *argv[])
{
    char buf[20];
    ssize_t n;
    int fd;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fifo_read [FIFO]\n"
               "Llegeix un missatge de la canonada amb nom FIFO (per defecte myfifo).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "fifo_read: bad arguments (usage: fifo_read [FIFO])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each message shows at once, even in a pipe */
    make_fifo();

    printf("Obrint pipe per lectura\n");
    fd = open(path, O_RDONLY);          /* blocks until a writer opens it */
    if (fd == -1)
        die("open");
    printf("Llegint missatge\n");
    n = readn(fd, buf, sizeof buf - 1); /* until the writer closes, or buf is full */
    if (n == -1)
        die("read");
    if (n == 0) {
        fprintf(stderr, "fifo_read: %s: writer closed without writing\n", path);
        exit(EXIT_FAILURE);
    }
    if ((size_t)n == sizeof buf - 1 && memchr(buf, '\0', (size_t)n) == NULL) {
        fprintf(stderr, "fifo_read: %s: message longer than %zu bytes\n", path, sizeof buf - 2);
        exit(EXIT_FAILURE);
    }
    buf[n] = '\0';                      /* never trust the peer to end the string */
    printf("Rebut %s, tancant.\n", buf);
    if (close(fd) == -1)
        die("close");
    return EXIT_SUCCESS;
}
