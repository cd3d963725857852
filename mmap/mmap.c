/*
 * mmap.c — a file of ints used as an array in memory, without read()/write().
 *
 * Slide: "Arxius mapats a memòria" (mmap.c). mmap() maps file.data (the 1000
 * ints that write_vector_int writes) into our memory. We read it as v[i],
 * change the sign of every value, and because the mapping is MAP_SHARED the
 * change is in the file afterwards: the kernel reads and writes the pages.
 *
 *   $ ./files/write_vector_int        (first: writes 1 3 5 ... 1999)
 *   $ ./mmap/mmap [FITXER]            (default: file.data)
 *   $ ./files/read_vector_int         (afterwards: prints -1 -3 ... -1999)
 *
 * Run it again and the signs come back: it reads what the last run wrote.
 */
#include "../include/ipc.h"
#include <limits.h>
#include <sys/mman.h>

static const char *primer = "executeu primer ./files/write_vector_int";

/* The first five values and the last one: "1 3 5 7 9 ... 1999". */
static void mostra(const char *titol, const int *v, size_t n)
{
    printf("%s:", titol);
    for (size_t i = 0; i < n && i < 5; i++)
        printf(" %d", v[i]);
    if (n > 6)
        printf(" ...");
    if (n > 5)
        printf(" %d", v[n - 1]);
    printf("\n");
}

int main(int argc, char *argv[])
{
    const char *path = "file.data";
    struct stat st;
    size_t len, n;
    int *v;
    int fd;

    args(argc, argv, 0, 1, "[FITXER]", "Mapa FITXER a memòria (per defecte file.data, el de "
         "write_vector_int) i, sense read() ni write(), en canvia el signe de cada sencer.");
    if (argc == 2)
        path = argv[1];
    hint(ENOENT, primer);

    if ((fd = open(path, O_RDWR)) == -1)        /* read and write: we change the file */
        die("obrint %s", path);
    if (fstat(fd, &st) == -1)                   /* its size: how many bytes to map */
        die("fstat %s", path);
    if (!S_ISREG(st.st_mode))
        fail("%s: no és un fitxer regular", path);
    if (st.st_size == 0)                        /* mmap() of 0 bytes fails (EINVAL) */
        fail("%s: el fitxer és buit (%s)", path, primer);
    if (st.st_size % (off_t)sizeof(int) != 0)
        fail("%s: %lld bytes no fan un vector de sencers de %zu bytes (%s)",
             path, (long long)st.st_size, sizeof(int), primer);
    len = (size_t)st.st_size;
    n = len / sizeof(int);

    /* MAP_SHARED: our stores go to the file (MAP_PRIVATE: to a copy of our own). */
    if ((v = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) == MAP_FAILED)
        die("mapant %s", path);

    printf("%s: %zu sencers mapats a memòria\n", path, n);
    mostra("Llegit del mapatge", v, n);
    printf("Canvio el signe de cada sencer (v[i] = -v[i]), sense write()\n");
    for (size_t i = 0; i < n; i++)
        if (v[i] != INT_MIN)                    /* -INT_MIN does not fit in an int */
            v[i] = -v[i];
    mostra("Ara el mapatge té", v, n);

    if (msync(v, len, MS_SYNC) == -1)           /* to the disk now, not some time later */
        die("msync %s", path);
    if (munmap(v, len) == -1)
        die("munmap %s", path);
    if (close(fd) == -1)
        die("tancant %s", path);
    printf("Canvis desats a %s amb msync()\n", path);
    return 0;
}
