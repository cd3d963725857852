/*
 * fscanf_char_int.c — read back the text records of fprintf_char_int.
 *
 * Slide: "Arxius (regular files): llibreria estàndard". fscanf() turns the
 * text back into a string and an int. Prints "Llegit: lluis y N" for each of
 * the 100 records.
 *
 *   $ ./files/fprintf_char_int [FILE]   (first, to write the file)
 *   $ ./files/fscanf_char_int [FILE]    (default: log_fopen.data)
 *
 * The slide's fscanf(fp, "%s", a) into char a[6] overflows a on any word
 * longer than 5 characters: "%5s" stores at most 5 (and the '\0'), and then
 * the next character tells whether the word was longer. "%9d" likewise keeps
 * the number within an int (an out-of-range %d is undefined behaviour).
 * As the other readers, every record is checked and the whole file is read
 * before anything is printed: a bad file gives one error line, exit 1 and an
 * empty stdout.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECORDS 100

static const char *path = "log_fopen.data";

static void die(const char *what)
{
    fprintf(stderr, "fscanf_char_int: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* The file is readable but is not what fprintf_char_int writes. */
static void bad_file(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "fscanf_char_int: %s: ", path);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(EXIT_FAILURE);
}

/* After a field the next character must be white space or the end of the
 * file; returns it (put back), or EOF. */
static int after_field(FILE *fp)
{
    int c = getc(fp);

    if (c == EOF) {
        if (ferror(fp))
            die("fscanf");
        return EOF;
    }
    if (ungetc(c, fp) == EOF)
        die("ungetc");
    return c;
}

int main(int argc, char *argv[])
{
    struct { char a[6]; int k; } rec[RECORDS];
    FILE *fp;
    int i, c, n;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: fscanf_char_int [FITXER]\n"
               "Llegeix amb fscanf() els 100 registres de text que escriu fprintf_char_int (per defecte log_fopen.data).\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "fscanf_char_int: bad arguments (usage: fscanf_char_int [FILE])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2)
        path = argv[1];

    fp = fopen(path, "r");
    if (fp == NULL)
        die("fopen");

    for (i = 0; i < RECORDS; i++) {
        /* fscanf returns the number of fields stored, or EOF when the input
         * ends (or fails) before the first one. */
        n = fscanf(fp, "%5s", rec[i].a);
        if (n == EOF && ferror(fp))
            die("fscanf");
        if (n == EOF && i == 0)
            bad_file("empty file");
        if (n == EOF)
            bad_file("truncated after %d records", i);
        c = after_field(fp);
        if (c != EOF && !isspace(c)) {
            if (isprint(c))
                bad_file("record %d: word longer than 5 characters", i);
            bad_file("not a text file (byte 0x%02x in record %d)", c, i);
        }

        n = fscanf(fp, "%9d", &rec[i].k);
        if (n == EOF && ferror(fp))
            die("fscanf");
        if (n == EOF)
            bad_file("truncated after %d records", i);
        c = after_field(fp);
        if (n != 1 || (c != EOF && !isspace(c)) ||
            strcmp(rec[i].a, "lluis") != 0 || rec[i].k != i)
            bad_file("bad record %d: expected \"lluis\" and %d", i, i);
    }
    while ((c = getc(fp)) != EOF && isspace(c))
        ;                               /* the file must end here */
    if (c != EOF)
        bad_file("trailing data after %d records", RECORDS);
    if (ferror(fp))
        die("fscanf");

    if (fclose(fp) == EOF)
        die("fclose");

    for (i = 0; i < RECORDS; i++)
        printf("Llegit: %s y %d\n", rec[i].a, rec[i].k);
    if (fflush(stdout) == EOF) {
        fprintf(stderr, "fscanf_char_int: write stdout: %s\n", strerror(errno));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
