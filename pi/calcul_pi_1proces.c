/*
 * calcul_pi_1proces.c — pi as the area under 4/(1+x^2) on [0,1], one process.
 *
 * Slide: "Canonades (pipes)", codi calcul_pi_1proces.c. The midpoint rule:
 * NUM_RECTS rectangles of width 1/NUM_RECTS, each as high as the curve at its
 * middle. Every rectangle is independent of the others, which is what lets
 * calcul_pi_2processos split the work. This is the time to beat.
 *
 *   $ ./pi/calcul_pi_1proces [rectangles]       (default 1e9)
 *   $ ./pi/calcul_pi_2processos [rectangles]    (then compare)
 *
 * Put the shell's `time` in front of each to see how long it takes, as the
 * slide does.
 *
 * The count is a whole number, plain or in the slide's notation (1000, 1e9,
 * 1E09). The index is 64-bit (long long): counts above 2^31 work, where the
 * slide's int would overflow.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUM_RECTS 1E09                  /* default count, the slide's */
#define MAX_RECTS 10000000000000LL      /* 1e13: hours of work, surely a typo */

/* Parse a rectangle count: a whole number, plain (1000000) or in the slide's
 * notation (1e9, 1E09, 2.5e9). Returns it, or 0 with *why set when s is bad. */
static long long parse_count(const char *s, const char **why)
{
    char *end;
    long long n;
    double d;

    *why = "not a number";
    if (s[0] == '-' && isdigit((unsigned char)s[1])) {
        *why = "must be at least 1";
        return 0;
    }
    if (!isdigit((unsigned char)s[0]))  /* no sign, space, "inf", "nan", ".5" */
        return 0;
    errno = 0;
    n = strtoll(s, &end, 10);
    if (*end == '\0') {                 /* a plain integer */
        if (errno == ERANGE || n > MAX_RECTS) {
            *why = "too large (at most 1e13)";
            return 0;
        }
        if (n < 1)
            *why = "must be at least 1";
        return n < 1 ? 0 : n;
    }
    if (*end != 'e' && *end != 'E' && *end != '.')
        return 0;                       /* trailing junk: 12abc, 0x10 */
    d = strtod(s, &end);                /* 1e9, 1E09, 2.5e9 */
    if (*end != '\0')
        return 0;
    if (d > (double)MAX_RECTS) {        /* also 1e999, which is HUGE_VAL */
        *why = "too large (at most 1e13)";
        return 0;
    }
    if (d != (double)(long long)d) {    /* exact: d <= 1e13 < 2^53 */
        *why = "not a whole number";
        return 0;
    }
    if (d < 1) {
        *why = "must be at least 1";
        return 0;
    }
    return (long long)d;
}

int main(int argc, char *argv[])
{
    long long i, num_rects = (long long)NUM_RECTS;
    double mid, height, width, sum = 0.0;
    double area;
    const char *why;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: calcul_pi_1proces [rectangles]\n"
               "Calcula pi sumant l'àrea de rectangles (per defecte 1e9) "
               "en un sol procés.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 2) {
        fprintf(stderr, "calcul_pi_1proces: bad arguments "
                "(usage: calcul_pi_1proces [rectangles])\n");
        return EXIT_FAILURE;
    }
    if (argc == 2 && (num_rects = parse_count(argv[1], &why)) == 0) {
        fprintf(stderr, "calcul_pi_1proces: bad count '%s': %s "
                "(usage: calcul_pi_1proces [rectangles])\n", argv[1], why);
        return EXIT_FAILURE;
    }

    /* The slide's loop, with a 64-bit index compared as an integer. */
    width = 1.0 / (double) num_rects;
    for (i = 0; i < num_rects; i++) {
        mid = (i + 0.5) * width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    area = width * sum;
    printf("pi = %e\n", area);

    return 0;
}
