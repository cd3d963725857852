/*
 * read_char_int.c — read back the 100 records of write_char_int with read().
 *
 * Slide: "Arxius (regular files): crides a sistema". Each record is 5 chars
 * and the bytes of an int, as they were in the writer's memory. Prints
 * "Llegit: lluis y N" for each one.
 *
 *   $ ./files/write_char_int [FILE]     (first, to write the file)
 *   $ ./files/read_char_int [FILE]      (default: file.data)
 *
 * The file has no header: only its contents say whether it is ours. So every
 * record is checked ("lluis" and its own index, 0..99) and the whole file is
 * read and checked before anything is printed: a missing, empty, truncated,
 * foreign or too long file gives one error line and exit 1, and stdout stays
 * empty instead of showing garbage records.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RECORDS 100

static const char *path = "file.data";

static void die(const char *what)
{
    fprintf(stderr, "read_char_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* The file is readable but is not what write_char_int writes. */
static void bad_file(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "read_char_int: %s: ", path);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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
            break;                      /* end of file */
        got += (size_t)r;
    }
    return (ssize_t)got;
}

int main(int argc, char *argv[])
{
    struct { char a[6]; int k; } rec[RECORDS];
    int i, fd;
    char extra;
    ssize_t r;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: read_char_int [FITXER]\n"
               "Llegeix amb read() els 100 registres que escriu write_char_int (per defecte file.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "read_char_int: bad arguments (usage: read_char_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fd = open(path, O_RDONLY);
    if (fd == -1)
        die("open");

    for (i = 0; i < RECORDS; i++) {
        ssize_t ra, rk = 0;

        ra = readn(fd, rec[i].a, 5);
        if (ra == 5)
            rk = readn(fd, &rec[i].k, sizeof(int));
        if (ra == -1 || rk == -1)
            die("read");
        if (i == 0 && ra == 0)
            bad_file("empty file");
        if (ra < 5 || rk < (ssize_t)sizeof(int))
            bad_file("truncated after %d records", i);

        rec[i].a[5] = 0;                /* the file holds no '\0' after "lluis" */
        if (strcmp(rec[i].a, "lluis") != 0 || rec[i].k != i)
            bad_file("bad record %d: expected \"lluis\" and %d", i, i);
    }
    r = readn(fd, &extra, 1);           /* the file must end here */
    if (r == -1)
        die("read");
    if (r == 1)
        bad_file("trailing data after %d records", RECORDS);

    if (close(fd) == -1)
        die("close");

    for (i = 0; i < RECORDS; i++)
        printf("Llegit: %s y %d\n", rec[i].a, rec[i].k);
    if (fflush(stdout) == EOF) {
        fprintf(stderr, "read_char_int: write stdout: %s\n", strerror(errno));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
