/*
 * read_vector_int.c — read a vector of 1000 ints with a single read().
 *
 * Slide: "Arxius (regular files): crides a sistema". One call reads the whole
 * array (1000 * sizeof(int) bytes) straight into memory; then it prints one
 * number per line. The file is nothing but the bytes of the ints, so any
 * 1000 * sizeof(int) bytes are a vector: from a file, a pipe or a device,
 * fewer or more bytes than that are an error, and then nothing is printed.
 *
 *   $ ./files/write_vector_int [FITXER]   (first, to write the file)
 *   $ ./files/read_vector_int [FITXER]    (default: file.data)
 *   $ cat file.data | ./files/read_vector_int /dev/stdin
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    int i, fd, vector[1000];
    const char *path = argc > 1 ? argv[1] : "file.data";

    args(argc, argv, 0, 1, "[FITXER]", "Llegeix amb una sola crida a read() els 1000 enters del fitxer FITXER, per defecte file.data, i els mostra un per línia.");
    hint(ENOENT, "executeu primer ./files/write_vector_int");
    if ((fd = open(path, O_RDONLY)) == -1)
        die("obrint %s", path);

    read_all(fd, vector, sizeof(int) * 1000, path);    /* a pipe may need more read()s */
    expect_end(fd, path);

    if (close(fd) == -1)
        die("tancant %s", path);

    for(i = 0; i < 1000; i++)
        printf("%d\n", vector[i]);
    return 0;
}
