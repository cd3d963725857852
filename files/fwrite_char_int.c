/*
 * fwrite_char_int.c — write the 100 records of write_char_int with fwrite().
 *
 * Slide: "Arxius (regular files): llibreria estàndard". Same bytes as
 * write_char_int, but fwrite() only copies them into the FILE's own buffer in
 * this process; stdio calls write() when that buffer is full and at fclose().
 * So 200 fwrite() calls cost a handful of system calls, and a write error may
 * only show at fclose(): its result is checked too.
 *
 *   $ ./files/fwrite_char_int [FITXER]    (default: log_fopen.data)
 *   $ ./files/fread_char_int [FITXER]     (afterwards, to read it back)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    FILE *fp;
    int i;

    char *a = "lluis";
    const char *path = argc > 1 ? argv[1] : "log_fopen.data";

    args(argc, argv, 0, 1, "[FITXER]", "Crea (o buida) el fitxer FITXER, per defecte log_fopen.data, i hi escriu amb fwrite() 100 registres: \"lluis\" i un enter.");
    if ((fp = fopen(path, "w")) == NULL)
        die("obrint %s", path);

    for(i = 0; i < 100; i++)
    {
        if (fwrite(a, sizeof(char), 5, fp) != 5)
            die("escrivint %s", path);
        if (fwrite(&i, sizeof(int), 1, fp) != 1)
            die("escrivint %s", path);
    }

    if (fclose(fp) == EOF)              /* writes out the buffer: it can fail */
        die("tancant %s", path);
    return 0;
}
