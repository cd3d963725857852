/*
 * fprintf_char_int.c — write the 100 records as text with fprintf().
 *
 * Slide: "Arxius (regular files): llibreria estàndard". The numbers are
 * written in a human representation ("lluis", a newline, "37", a newline):
 * the file can be read with cat or an editor, unlike the binary ones, and its
 * size no longer depends on sizeof(int).
 *
 *   $ ./files/fprintf_char_int [FITXER]   (default: log_fopen.data)
 *   $ ./files/fscanf_char_int [FITXER]    (afterwards, to read it back)
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    FILE *fp;
    int i;

    char *a = "lluis";
    const char *path = argc > 1 ? argv[1] : "log_fopen.data";

    args(argc, argv, 0, 1, "[FITXER]", "Crea (o buida) el fitxer FITXER, per defecte log_fopen.data, i hi escriu amb fprintf() 100 registres en text: \"lluis\" i un enter.");
    if ((fp = fopen(path, "w")) == NULL)
        die("obrint %s", path);

    for(i = 0; i < 100; i++)
    {
        if (fprintf(fp, "%s\n", a) < 0)
            die("escrivint %s", path);
        if (fprintf(fp, "%d\n", i) < 0)
            die("escrivint %s", path);
    }

    if (fclose(fp) == EOF)              /* writes out the buffer: it can fail */
        die("tancant %s", path);
    return 0;
}
