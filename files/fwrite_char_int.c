/*
 * fwrite_char_int.c — write the 100 records of write_char_int with fwrite().
 *
 * Slide: "Arxius (regular files): llibreria estàndard". Same bytes as
 * write_char_int, but fwrite() only copies them into the FILE's own buffer in
 * this process; stdio calls write() when that buffer is full and at fclose().
 * So 200 fwrite() calls cost a handful of system calls, and a write error may
 * only show up at fclose(): its result is checked too.
 *
 *   $ ./files/fwrite_char_int [FILE]    (default: log_fopen.data)
 *   $ ./files/fread_char_int [FILE]     (afterwards, to read it back)
 *
 * fopen(..., "w") creates the file with mode 0666 less the umask (the
 * write() examples pass the slide's S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *path = "log_fopen.data";

static void die(const char *what)
{
    fprintf(stderr, "fwrite_char_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

int main(int argc, char *argv[])
{
    FILE *fp;
    int i;

    char *a = "lluis";

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fwrite_char_int [FITXER]\n"
               "Escriu 100 registres (\"lluis\" i un enter) amb fwrite() a FITXER (per defecte log_fopen.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "fwrite_char_int: bad arguments (usage: fwrite_char_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fp = fopen(path, "w");
    if (fp == NULL)
        die("fopen");

    for (i = 0; i < 100; i++) {
        /* A short count means the buffer could not be written out. */
        if (fwrite(a, sizeof(char), 5, fp) != 5)
            die("fwrite");
        if (fwrite(&i, sizeof(int), 1, fp) != 1)
            die("fwrite");
    }

    if (fclose(fp) == EOF)              /* writes out the buffer: it can fail */
        die("fclose");
    return EXIT_SUCCESS;
}
