/*
 * write_vector_int.c — write a vector of 1000 ints with a single write().
 *
 * Slide: "Arxius (regular files): crides a sistema". One call writes the
 * whole array as it is in memory (1000 * sizeof(int) bytes): one system call
 * instead of one per element, which is what makes it cheaper.
 *
 *   $ ./files/write_vector_int [FILE]   (default: file.data)
 *   $ ./files/read_vector_int [FILE]    (afterwards, to read it back)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *path = "file.data";

static void die(const char *what)
{
    fprintf(stderr, "write_vector_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* write() may write less than asked: loop until all of it is written.
 * On a regular file the first call writes everything: one system call. */
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
    int i, fd, vector[1000];

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: write_vector_int [FITXER]\n"
               "Escriu 1000 enters (1, 3, 5, ...) amb una sola crida a write() a FITXER (per defecte file.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "write_vector_int: bad arguments (usage: write_vector_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fd = open(path,
              O_WRONLY | O_CREAT | O_TRUNC,
              S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
    if (fd == -1)
        die("open");

    for (i = 0; i < 1000; i++)
        vector[i] = 2 * i + 1;

    if (writen(fd, vector, sizeof(int) * 1000) == -1)
        die("write");

    if (close(fd) == -1)
        die("close");
    return EXIT_SUCCESS;
}
