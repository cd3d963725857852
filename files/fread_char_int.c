/*
 * fread_char_int.c — read back the records of fwrite_char_int with fread().
 *
 * Slide: "Arxius (regular files): llibreria estàndard". fread() takes the
 * bytes from the FILE's buffer, which stdio fills with a few big read()
 * calls. Prints "Llegit: lluis y N" for each of the 100 records.
 *
 *   $ ./files/fwrite_char_int [FILE]    (first, to write the file)
 *   $ ./files/fread_char_int [FILE]     (default: log_fopen.data)
 *
 * As read_char_int: every record is checked ("lluis" and its own index) and
 * the whole file is read before anything is printed, so a bad file gives one
 * error line, exit 1 and an empty stdout. A short count from fread() is either
 * the end of the file (feof) or a read error (ferror): both are told apart.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECORDS 100

static const char *path = "log_fopen.data";

static void die(const char *what)
{
    fprintf(stderr, "fread_char_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* The file is readable but is not what fwrite_char_int writes. */
static void bad_file(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "fread_char_int: %s: ", path);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(EXIT_FAILURE);
}

int main(int argc, char *argv[])
{
    struct { char a[6]; int k; } rec[RECORDS];
    FILE *fp;
    int i;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fread_char_int [FITXER]\n"
               "Llegeix amb fread() els 100 registres que escriu fwrite_char_int (per defecte log_fopen.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "fread_char_int: bad arguments (usage: fread_char_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fp = fopen(path, "r");
    if (fp == NULL)
        die("fopen");

    for (i = 0; i < RECORDS; i++) {
        size_t na, nk = 0;

        na = fread(rec[i].a, sizeof(char), 5, fp);
        if (na == 5)
            nk = fread(&rec[i].k, sizeof(int), 1, fp);
        if (ferror(fp))
            die("fread");
        if (i == 0 && na == 0)
            bad_file("empty file");
        if (na < 5 || nk < 1)
            bad_file("truncated after %d records", i);

        rec[i].a[5] = 0;                /* the file holds no '\0' after "lluis" */
        if (strcmp(rec[i].a, "lluis") != 0 || rec[i].k != i)
            bad_file("bad record %d: expected \"lluis\" and %d", i, i);
    }
    if (getc(fp) != EOF)                /* the file must end here */
        bad_file("trailing data after %d records", RECORDS);
    if (ferror(fp))
        die("fread");

    if (fclose(fp) == EOF)
        die("fclose");

    for (i = 0; i < RECORDS; i++)
        printf("Llegit: %s y %d\n", rec[i].a, rec[i].k);
    if (fflush(stdout) == EOF) {
        fprintf(stderr, "fread_char_int: write stdout: %s\n", strerror(errno));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
