/*
 * fread_char_int.c — read back the records of fwrite_char_int with fread().
 *
 * Slide: "Arxius (regular files): llibreria estàndard". fread() takes the
 * bytes from the FILE's buffer, which stdio fills with a few big read()
 * calls. Prints "Llegit: lluis y N" as it reads each of the 100 records: any
 * 5 bytes and any int, so a changed writer's file reads too. A file that
 * ends early, or goes on after them, is an error after the records it held.
 *
 *   $ ./files/fwrite_char_int [FITXER]    (first, to write the file)
 *   $ ./files/fread_char_int [FITXER]     (default: log_fopen.data)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    FILE *fp;
    int i, k;
    char a[6];
    const char *path = argc > 1 ? argv[1] : "log_fopen.data";

    args(argc, argv, 0, 1, "[FITXER]", "Llegeix amb fread() els 100 registres (5 bytes i un enter) del fitxer FITXER, per defecte log_fopen.data, i els mostra.");
    hint(ENOENT, "executeu primer ./files/fwrite_char_int");
    if ((fp = fopen(path, "r")) == NULL)
        die("obrint %s", path);

    for(i = 0; i < 100; i++)
    {
        if (fread(a, sizeof(char), 5, fp) != 5)
            stdio_fail(fp, path);       /* the end of the file, or a read error */
        if (fread(&k, sizeof(int), 1, fp) != 1)
            stdio_fail(fp, path);

        a[5] = 0; // Equivalent a[5] = '\0'
        printf("Llegit: %s y %d\n", a, k);
    }
    if (fgetc(fp) != EOF)
        fail("%s: hi ha més dades de les esperades", path);
    if (ferror(fp))
        die("llegint %s", path);

    if (fclose(fp) == EOF)
        die("tancant %s", path);
    return 0;
}
