/*
 * read_vector_int.c — read a vector of 1000 ints with a single read().
 *
 * Slide: "Arxius (regular files): crides a sistema". One call reads the whole
 * array (1000 * sizeof(int) bytes) straight into memory; then it prints one
 * number per line.
 *
 *   $ ./files/write_vector_int [FILE]   (first, to write the file)
 *   $ ./files/read_vector_int [FILE]    (default: file.data)
 *
 * The file is nothing but the bytes of the ints, so any file of exactly that
 * size is a valid vector (mmap/mmap changes the values on purpose): only the
 * size can be checked. fstat() checks it before the one read(), so an empty,
 * truncated or too long file gives one error line and exit 1, and nothing is
 * printed.
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

static const char *path = "file.data";

static void die(const char *what)
{
    fprintf(stderr, "read_vector_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* The file is readable but is not what write_vector_int writes. */
static void bad_file(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "read_vector_int: %s: ", path);
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
    int i, fd, vector[1000];
    struct stat st;
    ssize_t r;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: read_vector_int [FITXER]\n"
               "Llegeix amb una sola crida a read() els 1000 enters que escriu write_vector_int (per defecte file.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "read_vector_int: bad arguments (usage: read_vector_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fd = open(path, O_RDONLY);
    if (fd == -1)
        die("open");

    /* Only a regular file has a meaningful size; for anything else (a
     * directory, say) let read() report what is wrong. */
    if (fstat(fd, &st) == -1)
        die("fstat");
    if (S_ISREG(st.st_mode) && st.st_size != (off_t)sizeof vector) {
        if (st.st_size == 0)
            bad_file("empty file");
        bad_file("%s: %lld bytes, expected %zu (1000 ints)",
                 st.st_size < (off_t)sizeof vector ? "truncated" : "trailing data",
                 (long long)st.st_size, sizeof vector);
    }

    r = readn(fd, vector, sizeof(int) * 1000);
    if (r == -1)
        die("read");
    if (r < (ssize_t)sizeof vector)     /* it shrank meanwhile, or not a regular file */
        bad_file("truncated: %zd bytes, expected %zu (1000 ints)", r, sizeof vector);

    if (close(fd) == -1)
        die("close");

    for (i = 0; i < 1000; i++)
        printf("%d\n", vector[i]);
    if (fflush(stdout) == EOF) {
        fprintf(stderr, "read_vector_int: write stdout: %s\n", strerror(errno));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
