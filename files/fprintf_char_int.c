/*
 * fprintf_char_int.c — write the 100 records as text with fprintf().
 *
 * Slide: "Arxius (regular files): llibreria estàndard". The numbers are
 * written in a human representation ("lluis", a newline, "37", a newline):
 * the file can be read with cat or an editor, unlike the binary ones, and its
 * size no longer depends on sizeof(int).
 *
 *   $ ./files/fprintf_char_int [FILE]   (default: log_fopen.data)
 *   $ ./files/fscanf_char_int [FILE]    (afterwards, to read it back)
 *
 * fopen(..., "w") creates the file with mode 0666 less the umask.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *path = "log_fopen.data";

static void die(const char *what)
{
    fprintf(stderr, "fprintf_char_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

int main(int argc, char *argv[])
{
    FILE *fp;
    int i;

    char *a = "lluis";

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fprintf_char_int [FITXER]\n"
               "Escriu 100 registres (\"lluis\" i un enter) en text amb fprintf() a FITXER (per defecte log_fopen.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "fprintf_char_int: bad arguments (usage: fprintf_char_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fp = fopen(path, "w");
    if (fp == NULL)
        die("fopen");

    for (i = 0; i < 100; i++) {
        if (fprintf(fp, "%s\n", a) < 0)
            die("fprintf");
        if (fprintf(fp, "%d\n", i) < 0)
            die("fprintf");
    }

    if (fclose(fp) == EOF)              /* writes out the buffer: it can fail */
        die("fclose");
    return EXIT_SUCCESS;
}
