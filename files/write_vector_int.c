/*
 * write_vector_int.c — write a vector of 1000 ints with a single write().
 *
 * Slide: "Arxius (regular files): crides a sistema". One call writes the
 * whole array as it is in memory (1000 * sizeof(int) bytes): one system call
 * instead of one per element, which is what makes it cheaper.
 *
 *   $ ./files/write_vector_int [FITXER]   (default: file.data)
 *   $ ./files/read_vector_int [FITXER]    (afterwards, to read it back)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    int i, fd, vector[1000];
    const char *path = argc > 1 ? argv[1] : "file.data";

    args(argc, argv, 0, 1, "[FITXER]", "Crea (o buida) el fitxer FITXER, per defecte file.data, i hi escriu 1000 enters (1, 3, 5, ...) amb una sola crida a write().");
    if ((fd = open(path,
                   O_WRONLY | O_CREAT | O_TRUNC,
                   S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH)) == -1)
        die("obrint %s", path);

    for(i = 0; i < 1000; i++)
        vector[i] = 2 * i + 1;

    if (writen(fd, &vector, sizeof(int) * 1000) == -1)  /* on a file, one write() */
        die("escrivint %s", path);

    if (close(fd) == -1)
        die("tancant %s", path);
    return 0;
}
