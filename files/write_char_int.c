/*
 * write_char_int.c — write 100 records ("lluis" and an int) with write().
 *
 * Slide: "Arxius (regular files): crides a sistema". The data go to the file
 * exactly as they are in memory: 5 chars and then the bytes of the int, so the
 * file is 100 * (5 + sizeof(int)) bytes. Two write() calls, two system calls,
 * per record: 200 in all.
 *
 *   $ ./files/write_char_int [FILE]     (default: file.data)
 *   $ ./files/read_char_int [FILE]      (afterwards, to read it back)
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
    fprintf(stderr, "write_char_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
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
    int i, fd;
    char *a = "lluis";

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: write_char_int [FITXER]\n"
               "Escriu 100 registres (\"lluis\" i un enter) amb write() a FITXER (per defecte file.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "write_char_int: bad arguments (usage: write_char_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fd = open(path,
              O_WRONLY | O_CREAT | O_TRUNC,
              S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
    if (fd == -1)
        die("open");

    for (i = 0; i < 100; i++) {
        if (writen(fd, a, 5) == -1)
            die("write");
        if (writen(fd, &i, sizeof(int)) == -1)
            die("write");
    }

    if (close(fd) == -1)
        die("close");
    return EXIT_SUCCESS;
}
