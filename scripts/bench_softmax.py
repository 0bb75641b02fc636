"""The numpy baseline of `qkverify softmax`: the same per-query measurement, as a user would write it.

Per query: q and N keys in R^d, coordinates iid Gaussian(mu, sigma) (numpy's default_rng, float64),
logits q.k_j; for each temperature qkverify shows (tau = 1 and sqrt(d) at mu = 0; also
sqrt(d sigma^2 (sigma^2 + mu^2)) and sqrt(d (sigma^4 + 2 mu^2 sigma^2)) where mu != 0) the weights
p = softmax(logits / tau) and the nine statistics of Sources/QKSampling/SoftmaxStatistic.swift:
max weight, entropy / log N, Jacobian Frobenius norm, saturated share (p (1 - p) < 1e-6), logit
variance (over keys, n - 1, of logits / tau), weight of key 1, sum p^2, sum p^3, squared Jacobian norm.
Averaged over queries with standard errors (sd / sqrt(n)), batch summaries merged by Chan's formula.
Vectorised over batches of queries of about 2^20 key coordinates each (qkverify's block size).

  python3 scripts/bench_softmax.py run --keys N --dims D --queries Q [--mu 0] [--sigma 1]
      [--processes P] [--seed S] [--out PATH]
    The measurement; P > 1 splits the queries over P processes (multiprocessing, independent
    SeedSequence streams), each single-threaded. Writes qkverify's CSV columns (--out, default '-').
  python3 scripts/bench_softmax.py self-check --qkverify .build/release/qkverify [--keys 64]
      [--dims 16] [--queries 20000]
    Runs both at one setting and asserts every statistic's mean agrees, |z| < 5 with both SEs.

BLAS and OpenMP are held to one thread per process (set before numpy is imported), so the
process count is the thread count.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

STATISTICS = ["max_weight", "entropy", "jacobian_norm", "saturated", "logit_var", "aligned_weight",
              "participation", "cube_sum", "jacobian_sq", "output_var"]
DRAWS_PER_BATCH = 2**20


def scales(d, mu, sigma):
    """The temperatures qkverify shows for a cell without an aligned key (SoftmaxScale.shown)."""
    s2, m2 = sigma * sigma, mu * mu
    shown = [("none", 1.0), ("sqrt_d", math.sqrt(d))]
    if mu != 0:
        shown += [("within_query", math.sqrt(d * s2 * (s2 + m2))), ("total", math.sqrt(d * (s2 * s2 + 2 * m2 * s2)))]
    return shown


def measure(logits, values, taus):
    """Per-query values, shape (len(taus), 10, batch), of the statistics for a batch of logits (batch, N)
    and the keys' values (batch, N), v_j ~ N(0, 1) as qkverify's default --value-sigma 1."""
    n = logits.shape[1]
    top = logits.max(axis=1, keepdims=True)
    spread = logits.var(axis=1, ddof=1)
    out = np.empty((len(taus), len(STATISTICS), logits.shape[0]))
    for s, tau in enumerate(taus):
        shifted = (logits - top) / tau          # the largest weight gets exp(0) = 1
        e = np.exp(shifted)
        z = e.sum(axis=1)
        p = e / z[:, None]
        p2 = p * p
        sum2 = p2.sum(axis=1)
        sum3 = (p2 * p).sum(axis=1)
        entropy = np.log(z) - (p * shifted).sum(axis=1)
        jac_sq = np.maximum(0.0, sum2 - 2 * sum3 + sum2 * sum2)
        out[s, 0] = 1 / z
        out[s, 1] = np.maximum(0.0, entropy) / math.log(n)
        out[s, 2] = np.sqrt(jac_sq)
        out[s, 3] = (p * (1 - p) < 1e-6).sum(axis=1) / n
        out[s, 4] = spread / (tau * tau)
        out[s, 5] = p[:, 0]
        out[s, 6] = sum2
        out[s, 7] = sum3
        out[s, 8] = jac_sq
        out[s, 9] = (p * values).sum(axis=1) ** 2
    return out


def merge(a, b):
    """Chan's merge of two (count, mean array, M2 array) summaries."""
    (na, ma, m2a), (nb, mb, m2b) = a, b
    if na == 0:
        return b
    n = na + nb
    delta = mb - ma
    return n, ma + delta * (nb / n), m2a + m2b + delta * delta * (na * nb / n)


def simulate(job):
    """(count, mean, M2) over `queries` queries, arrays of shape (scales, statistics)."""
    keys, d, queries, mu, sigma, seed = job
    rng = np.random.default_rng(seed)
    taus = [tau for _, tau in scales(d, mu, sigma)]
    batch = max(1, DRAWS_PER_BATCH // (keys * d))
    summary = (0, 0.0, 0.0)
    done = 0
    while done < queries:
        m = min(batch, queries - done)
        q = rng.normal(mu, sigma, size=(m, d))
        k = rng.normal(mu, sigma, size=(m, keys, d))
        logits = np.matmul(k, q[:, :, None])[:, :, 0]   # (m, N): q . k_j
        values = measure(logits, rng.standard_normal(size=logits.shape), taus)
        mean = values.mean(axis=2)
        m2 = np.square(values - mean[:, :, None]).sum(axis=2)
        summary = merge(summary, (m, mean, m2))
        done += m
    return summary


def run(keys, d, queries, mu=0.0, sigma=1.0, processes=1, seed=1):
    """The table's rows: dicts with qkverify's softmax columns."""
    if keys < 2 or d < 1 or queries < 2 or processes < 1:
        raise SystemExit("bench_softmax.py: need keys >= 2, dims >= 1, queries >= 2, processes >= 1")
    seeds = np.random.SeedSequence(seed).spawn(processes)
    shares = [queries // processes + (1 if i < queries % processes else 0) for i in range(processes)]
    jobs = [(keys, d, n, mu, sigma, s) for n, s in zip(shares, seeds) if n > 0]
    if len(jobs) == 1:
        parts = [simulate(jobs[0])]
    else:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
            parts = pool.map(simulate, jobs)
    total = (0, 0.0, 0.0)
    for part in parts:
        total = merge(total, part)
    n, mean, m2 = total
    se = np.sqrt(m2 / (n - 1) / n)
    rows = []
    for s, (name, tau) in enumerate(scales(d, mu, sigma)):
        row = {"d": d, "mu": mu, "sigma": sigma, "keys": keys, "scale": name, "tau": tau, "queries": n}
        for i, stat in enumerate(STATISTICS):
            row[stat] = float(mean[s, i])
            row[stat + "_se"] = float(se[s, i])
        rows.append(row)
    return rows


def columns():
    return ["d", "mu", "sigma", "keys", "scale", "tau", "queries"] + [c for s in STATISTICS for c in (s, s + "_se")]


def write(rows, path):
    lines = [",".join(columns())] + [",".join(repr(r[c]) if isinstance(r[c], float) else str(r[c]) for c in columns()) for r in rows]
    text = "\n".join(lines) + "\n"
    if path == "-":
        sys.stdout.write(text)
    else:
        with open(path, "w") as f:
            f.write(text)


def read(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
        return [dict(zip(header, line.strip().split(","))) for line in f if line.strip()]


def self_check(qkverify, keys, d, queries, mu, sigma):
    """Both implementations at one setting: every statistic's means within |z| < 5 (both SEs)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "qk.csv")
        subprocess.run([qkverify, "softmax", "--keys", str(keys), "--dims", str(d), "--means", repr(mu),
                        "--sigmas", repr(sigma), "--queries", str(queries), "--seed", "7", "--quiet", "--out", out],
                       check=True)
        theirs = {r["scale"]: r for r in read(out)}
    ours = {r["scale"]: r for r in run(keys, d, queries, mu, sigma, processes=2, seed=11)}
    if sorted(theirs) != sorted(ours):
        raise SystemExit(f"self-check: scales differ: qkverify {sorted(theirs)}, numpy {sorted(ours)}")
    worst, failures = 0.0, []
    print(f"self-check: N = {keys}, d = {d}, mu = {mu}, sigma = {sigma}, {queries} queries each "
          "(qkverify seed 7; numpy 2 processes, seed 11)")
    print(f"  {'scale':<7} {'statistic':<15} {'qkverify':>24} {'numpy':>24} {'z':>7}")
    for scale in ours:
        for stat in STATISTICS:
            a, sa = float(theirs[scale][stat]), float(theirs[scale][stat + "_se"])
            b, sb = ours[scale][stat], ours[scale][stat + "_se"]
            combined = math.hypot(sa, sb)
            if combined == 0:
                z = 0.0 if a == b else math.inf
            else:
                z = (a - b) / combined
            worst = max(worst, abs(z))
            if not abs(z) < 5:
                failures.append(f"{scale} {stat}")
            print(f"  {scale:<7} {stat:<15} {a:12.6g} +- {sa:<9.2g} {b:12.6g} +- {sb:<9.2g} {z:7.2f}")
    print(f"self-check: largest |z| = {worst:.2f} over {len(ours) * len(STATISTICS)} means "
          f"({'all < 5: agree' if not failures else 'FAILED: ' + ', '.join(failures)})")
    if failures:
        raise SystemExit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    c = sub.add_parser("self-check")
    c.add_argument("--qkverify", required=True)
    for p, (keys, d, queries) in ((r, (None, None, None)), (c, (64, 16, 20000))):
        p.add_argument("--keys", type=int, required=keys is None, default=keys)
        p.add_argument("--dims", type=int, required=d is None, default=d)
        p.add_argument("--queries", type=int, required=queries is None, default=queries)
        p.add_argument("--mu", type=float, default=0.0)
        p.add_argument("--sigma", type=float, default=1.0)
    r.add_argument("--processes", type=int, default=1)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--out", default="-")
    args = parser.parse_args()
    if args.command == "run":
        write(run(args.keys, args.dims, args.queries, args.mu, args.sigma, args.processes, args.seed), args.out)
    else:
        self_check(args.qkverify, args.keys, args.dims, args.queries, args.mu, args.sigma)


if __name__ == "__main__":
    main()
