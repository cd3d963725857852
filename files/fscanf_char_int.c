/*
 * fscanf_char_int.c — read back the text records of fprintf_char_int.
 *
 * Slide: "Arxius (regular files): llibreria estàndard". fscanf() turns the
 * text back into a word and an int; the reader prints "Llegit: lluis y N" as
 * it reads each of the 100 records, whatever word and number the writer put.
 * The slide's "%s" would write past char a[6] on a longer word: "%5s" stores
 * at most 5 characters and the '\0'. A file that ends early, a word or number
 * that does not parse, or more after the 100th record is an error, reported
 * after the records read before it.
 *
 *   $ ./files/fprintf_char_int [FITXER]   (first, to write the file)
 *   $ ./files/fscanf_char_int [FITXER]    (default: log_fopen.data)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    FILE *fp;
    int i, k;
    char a[6];
    const char *path = argc > 1 ? argv[1] : "log_fopen.data";

    args(argc, argv, 0, 1, "[FITXER]", "Llegeix amb fscanf() els 100 registres de text (una paraula de fins a 5 lletres i un enter) del fitxer FITXER, per defecte log_fopen.data, i els mostra.");
    hint(ENOENT, "executeu primer ./files/fprintf_char_int");
    if ((fp = fopen(path, "r")) == NULL)
        die("obrint %s", path);

    for(i = 0; i < 100; i++)
    {
        if (fscanf(fp, "%5s", a) != 1)  /* 1: the number of fields it filled */
            stdio_fail(fp, path);
        if (fscanf(fp, "%d", &k) != 1)
            stdio_fail(fp, path);

        printf("Llegit: %s y %d\n", a, k);
    }
    if (fscanf(fp, " %*c") != EOF)      /* skip blanks: anything else is extra */
        fail("%s: hi ha més dades de les esperades", path);
    if (ferror(fp))
        die("llegint %s", path);

    if (fclose(fp) == EOF)
        die("tancant %s", path);
    return 0;
}
