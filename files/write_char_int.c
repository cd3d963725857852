/*
 * write_char_int.c — write 100 records ("lluis" and an int) with write().
 *
 * Slide: "Arxius (regular files): crides a sistema". The data go to the file
 * exactly as they are in memory: 5 chars and then the bytes of the int, so the
 * file is 100 * (5 + sizeof(int)) bytes. Two write() calls, two system calls,
 * per record: 200 in all.
 *
 *   $ ./files/write_char_int [FITXER]     (default: file.data)
 *   $ ./files/read_char_int [FITXER]      (afterwards, to read it back)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    int i, fd;
    char *a = "lluis";
    const char *path = argc > 1 ? argv[1] : "file.data";

    args(argc, argv, 0, 1, "[FITXER]", "Crea (o buida) el fitxer FITXER, per defecte file.data, i hi escriu amb write() 100 registres: \"lluis\" i un enter.");
    if ((fd = open(path,
                   O_WRONLY | O_CREAT | O_TRUNC,
                   S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH)) == -1)
        die("obrint %s", path);

    for(i = 0; i < 100; i++)
    {
        if (writen(fd, a, 5) == -1)     /* write() that finishes the job: see ipc.h */
            die("escrivint %s", path);
        if (writen(fd, &i, sizeof(int)) == -1)
            die("escrivint %s", path);
    }

    if (close(fd) == -1)
        die("tancant %s", path);
    return 0;
}
