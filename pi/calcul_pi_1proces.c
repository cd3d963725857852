/*
 * calcul_pi_1proces.c — pi com l'àrea sota 4/(1+x^2) a [0,1], en un sol procés.
 *
 * Slide: "Canonades (pipes)", codi calcul_pi_1proces.c. The midpoint rule:
 * NUM_RECTS rectangles of width 1/NUM_RECTS, each as high as the curve at its
 * middle. Every rectangle is independent of the others, which is what lets
 * the other programs of pi/ split the work. This is the time to beat: put the
 * shell's `time` in front, as the slide does.
 *
 *   $ ./pi/calcul_pi_1proces [RECTANGLES]       (default 1e9, as the slide)
 *   $ ./pi/calcul_pi_2processos [RECTANGLES]    (then compare)
 */
#include "../include/ipc.h"

#define NUM_RECTS 1E09
#define MAX_RECTS 10000000000000LL      /* 1e13: hours of work, surely a typo */

int main(int argc, char *argv[])
{
    long long i, num_rects = NUM_RECTS; /* 64-bit: counts above 2^31 (README) */
    double mid, height, width, sum = 0.0;
    double area;

    args(argc, argv, 0, 1, "[RECTANGLES]", "Calcula pi sumant l'àrea de RECTANGLES rectangles (per defecte 1e9) en un sol procés.");
    if (argc == 2)
        num_rects = parse_count(argv[1], "rectangles", 1, MAX_RECTS);

    width = 1.0 / (double) num_rects;
    for(i = 0; i < num_rects; i++) {
        mid = (i + 0.5) * width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    area = width * sum;
    printf("pi = %e\n", area);

    return 0;
}
