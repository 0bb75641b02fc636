/* The per-core floor for qkverify: a plain single-threaded C loop over GSL drawing T = q^T k with
 * the same generator and draw order (q_i then k_i, by gsl_ran_gaussian_ziggurat), keeping only a
 * running mean and variance (Welford). Built and run by scripts/bench.sh.
 *   qk_c_loop D SAMPLES [SEED]   prints: draws seconds mean variance
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: qk_c_loop D SAMPLES [SEED]\n"); return 64; }
    long d = atol(argv[1]), n = atol(argv[2]);
    unsigned long seed = argc > 3 ? strtoul(argv[3], NULL, 10) : 1;
    if (d < 1 || n < 2) { fprintf(stderr, "qk_c_loop: D >= 1 and SAMPLES >= 2\n"); return 64; }
    const double mu = 0.0, sigma = 1.0;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    double mean = 0, m2 = 0;
    for (long s = 1; s <= n; s++) {
        double t = 0;
        for (long i = 0; i < d; i++) {
            double q = mu + sigma * gsl_ran_gaussian_ziggurat(r, 1.0);
            double k = mu + sigma * gsl_ran_gaussian_ziggurat(r, 1.0);
            t += q * k;
        }
        double delta = t - mean;
        mean += delta / s;
        m2 += delta * (t - mean);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + 1e-9 * (end.tv_nsec - start.tv_nsec);
    printf("%.0f %.6f %.9g %.9g\n", 2.0 * d * n, seconds, mean, m2 / (n - 1));
    gsl_rng_free(r);
    return 0;
}
