/*
 * read_char_int.c — read back the records of write_char_int with read().
 *
 * Slide: "Arxius (regular files): crides a sistema". Each record is 5 chars
 * and the bytes of an int, as they were in the writer's memory; the reader
 * prints "Llegit: lluis y N" as it reads each one. Any 5 bytes and any int
 * make a record: change the writer (i * 7, another name) and this still reads
 * it. A file that ends before 100 whole records, or goes on after them, is an
 * error, reported after the records it did hold.
 *
 *   $ ./files/write_char_int [FITXER]     (first, to write the file)
 *   $ ./files/read_char_int [FITXER]      (default: file.data)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    int i, k, fd;
    char a[6];
    const char *path = argc > 1 ? argv[1] : "file.data";

    args(argc, argv, 0, 1, "[FITXER]", "Llegeix amb read() els 100 registres (5 bytes i un enter) del fitxer FITXER, per defecte file.data, i els mostra.");
    hint(ENOENT, "executeu primer ./files/write_char_int");
    if ((fd = open(path, O_RDONLY)) == -1)
        die("obrint %s", path);

    for(i = 0; i < 100; i++)
    {
        read_all(fd, a, 5, path);       /* read() until 5 bytes, or an error: see ipc.h */
        read_all(fd, &k, sizeof(int), path);

        a[5] = 0; // Equivalent a[5] = '\0'
        printf("Llegit: %s y %d\n", a, k);
    }
    expect_end(fd, path);

    if (close(fd) == -1)
        die("tancant %s", path);
    return 0;
}
