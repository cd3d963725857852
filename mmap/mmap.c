/*
 * mmap.c — a file of ints used as an array in memory, without read()/write().
 *
 * Slide: "Arxius mapats a memòria". mmap() maps file.data (the 1000 ints that
 * write_vector_int writes) into our memory. We read it as v[i], change the
 * sign of every value, and because the mapping is MAP_SHARED the change is in
 * the file afterwards: the kernel reads and writes the pages for us.
 *
 *   $ ./files/write_vector_int [FITXER]   (first: writes 1 3 5 ... 1999)
 *   $ ./mmap/mmap [FITXER]                (default: file.data)
 *   $ ./files/read_vector_int [FITXER]    (afterwards: prints -1 -3 ... -1999)
 *
 * Run it again and the signs come back: it reads what the last run wrote.
 * If another process shrinks the file while it is mapped, touching a page past
 * the new end raises SIGBUS.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *path = "file.data";

static void die(const char *what)
{
    fprintf(stderr, "mmap: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* An error that errno does not describe: the file is not what we can map. */
static void bad_file(const char *why)
{
    fprintf(stderr, "mmap: %s: %s\n", path, why);
    exit(EXIT_FAILURE);
}

/* The first five values and the last one: "1 3 5 7 9 ... 1999". */
static void print_values(const char *title, const int *v, size_t n)
{
    size_t i;

    printf("%s:", title);
    for (i = 0; i < n && i < 5; i++)
        printf(" %d", v[i]);
    if (n > 6)
        printf(" ...");
    if (n > 5)
        printf(" %d", v[n - 1]);
    printf("\n");
}

int main(int argc, char *argv[])
{
    struct stat st;
    size_t len, n, i;
    int *v;
    int fd;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: mmap [FITXER]\n"
               "Mapa a memòria FITXER (per defecte file.data, el de write_vector_int) i, "
               "sense read() ni write(), el llegeix com un vector de sencers i en canvia el signe.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "mmap: bad arguments (usage: mmap [FITXER])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fd = open(path, O_RDWR);            /* read and write: we change the file */
    if (fd == -1)
        die("open");
    if (fstat(fd, &st) == -1)
        die("fstat");
    if (!S_ISREG(st.st_mode))
        bad_file("not a regular file");
    if (st.st_size == 0)                /* mmap() of 0 bytes fails with EINVAL */
        bad_file("empty file, nothing to map");
    if (st.st_size % (off_t)sizeof(int) != 0) {
        fprintf(stderr, "mmap: %s: size %jd bytes is not a multiple of sizeof(int) = %zu\n",
                path, (intmax_t)st.st_size, sizeof(int));
        exit(EXIT_FAILURE);
    }
    if ((uintmax_t)st.st_size > SIZE_MAX)
        bad_file("too big to map");
    len = (size_t)st.st_size;
    n = len / sizeof(int);

    /* MAP_SHARED: our stores go to the file. MAP_PRIVATE would keep them in a
     * copy of our own, and the file would not change. */
    v = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (v == MAP_FAILED)
        die("mmap");

    printf("%s: %zu sencers mapats a memòria\n", path, n);
    print_values("Llegit del mapatge", v, n);
    printf("Canvio el signe de cada sencer (v[i] = -v[i]), sense write()\n");
    for (i = 0; i < n; i++)
        if (v[i] != INT_MIN)            /* -INT_MIN does not fit in an int */
            v[i] = -v[i];
    print_values("Ara el mapatge té", v, n);

    if (msync(v, len, MS_SYNC) == -1)   /* write the pages now, not some time later */
        die("msync");
    if (munmap(v, len) == -1)
        die("munmap");
    if (close(fd) == -1)
        die("close");
    printf("Canvis desats a %s amb msync()\n", path);
    return EXIT_SUCCESS;
}
