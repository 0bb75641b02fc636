"""The numpy way to estimate E and Var of T = q^T k, as a user would write it: vectorised chunks of
samples (about 2^20 draws each, like qkverify's blocks), chunk summaries merged by Chan's formula.
    python3 bench/numpy_qk.py D SAMPLES [SEED]   prints: draws seconds mean variance
"""
import sys
import time

import numpy as np


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: numpy_qk.py D SAMPLES [SEED]")
    d, n = int(sys.argv[1]), int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    mu, sigma = 0.0, 1.0
    rng = np.random.default_rng(seed)
    chunk = max(1, 2**20 // (2 * d))
    count, mean, m2 = 0, 0.0, 0.0
    start = time.perf_counter()
    while count < n:
        m = min(chunk, n - count)
        q = rng.normal(mu, sigma, size=(m, d))
        k = rng.normal(mu, sigma, size=(m, d))
        t = np.einsum("ij,ij->i", q, k)
        chunk_mean = t.mean()
        chunk_m2 = np.square(t - chunk_mean).sum()
        total = count + m
        delta = chunk_mean - mean
        mean += delta * m / total
        m2 += chunk_m2 + delta * delta * count * m / total
        count = total
    elapsed = time.perf_counter() - start
    print(f"{2 * d * n} {elapsed:.6f} {mean:.9g} {m2 / (n - 1):.9g}")


if __name__ == "__main__":
    main()
