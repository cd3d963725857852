/*
 * pi_diapositiva.c — the slide's pi loop exactly as shown, as a yardstick.
 *
 * Slide: "Canonades (pipes)", the code before calcul_pi_1proces. bench_pi.sh
 * builds it with the count fixed at compile time (-DNUM_RECTS=...) to check
 * that pi/calcul_pi_1proces is no slower than this loop at -O2, and to show
 * what -O3 -ffast-math does to it. Its index is an int, as on the slide:
 * counts must stay below 2^31. Not built by `make`.
 *
 *   $ cc -std=c11 -O2 -DNUM_RECTS=500000000 -o /tmp/pi_diapositiva bench/pi_diapositiva.c
 *   $ ./bench/cronometre /tmp/pi_diapositiva
 */
#include <stdio.h>

#ifndef NUM_RECTS
#define NUM_RECTS 1E09
#endif

int main(void)
{
    int i;
    double mid, height, width, sum = 0.0;
    double area;

    width = 1.0 / (double) NUM_RECTS;
    for(i = 0; i < NUM_RECTS; i++) {
        mid = (i + 0.5) * width;
        height = 4.0 / (1.0 + mid * mid);
        sum += height;
    }
    area = width * sum;
    printf("pi = %e\n", area);

    return 0;
}
