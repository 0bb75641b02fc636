#!/usr/bin/env bash
# chi2-seeds.sh: is the default run's small chi-square of its mean and variance z's chance, or a
# dependence between cells or blocks? (issue #25 item 5)
#
# Runs `qkverify moments` on the default grid (d = 1,2,...,512 x mu = 0,0.5,1 x sigma = 0.5,1,2,
# 10^5 samples per cell, mt19937) for seeds 0..K, one thread per run, JOBS runs at a time, and
# measures, with z = (estimate - theory) / exact SE (the table's mean_se_theory, var_se_theory):
#   - seed 0 (the default run, whose table is results/moments.csv): chi2 = sum of the 180 z^2 (the
#     mean and the variance of each of the 90 cells; no exact SE is 0), chi2/m, its lower-tail p;
#   - over seeds 1..K: the mean and sd of chi2/m against 1 and the sd expected for independent cells
#     (exact within-cell corr(z_mean, z_var) = kappa3 / (n SE_mean SE_var)), the fraction of runs at or
#     below seed 0's value, each z's mean and variance, correlations between cells (same d, same
#     (mu, sigma), adjacent in block order) and within cells against the exact one, and quadratic
#     forms z' Sigma^-1 z with Sigma exact block-diagonal, estimated per cell / per d, and (K > 190) full.
# Usage: scripts/chi2-seeds.sh BIN K [DIR] [JOBS]   e.g. scripts/chi2-seeds.sh .build/release/qkverify 200
#   DIR (default chi2-seeds) keeps seed-S.csv; existing ones are reused, so an interrupted call resumes.
# Time: one run is about 21 s of CPU (1.84e9 Gaussian draws), so K = 200 takes about 35 min on an
# idle 2-core machine with JOBS = 2 (longer when it is shared: K = 134 took about 65 min at a load of
# 5-8; runs are niced to 15). The analysis
# takes under a minute (python3, standard library only).
set -euo pipefail
BIN=${1:?usage: chi2-seeds.sh BIN K [DIR] [JOBS]}
K=${2:?usage: chi2-seeds.sh BIN K [DIR] [JOBS]}
DIR=${3:-chi2-seeds}
JOBS=${4:-2}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
mkdir -p "$DIR"
seq 0 "$K" | xargs -P "$JOBS" -I{} sh -c '
  f="$2/seed-$1.csv"; [ -s "$f" ] && exit 0
  # exit status 1 (a cell failed) still writes the table; GSL_RNG_* would change the design
  env -u GSL_RNG_SEED -u GSL_RNG_TYPE nice -n 15 "$0" moments --seed "$1" --threads 1 --quiet --out "$f.tmp" >/dev/null || true
  [ -s "$f.tmp" ] && mv "$f.tmp" "$f"' "$BIN" {} "$DIR"
missing=$(for s in $(seq 0 "$K"); do [ -s "$DIR/seed-$s.csv" ] || echo "$s"; done)
[ -z "$missing" ] || { echo "chi2-seeds.sh: no table for seeds: $missing" >&2; exit 1; }
mkdir -p "$DIR/use"; for s in $(seq 0 "$K"); do ln -sf "../seed-$s.csv" "$DIR/use/seed-$s.csv"; done
python3 - "$DIR/use" 0 <<'PY'
"""Analyse the mean/variance z's of many seeded `qkverify moments` runs of the default grid.

usage: chi2-analyze.py DIR [REF_SEED]   (DIR holds seed-S.csv; REF_SEED, default 0, is the run judged)
Standard library only. z = (estimate - theory) / exact SE, from the table's *_se_theory columns
(checked against the closed forms below).
"""
import csv, glob, math, os, random, re, sys

DIR = sys.argv[1]
REF = int(sys.argv[2]) if len(sys.argv) > 2 else 0
STATS = ("mean", "var")


def cumulants(d, mu, s):
    """kappa2..kappa4 of T = q.k, Gaussian coordinates (THEORY.md section 1), and E[T]."""
    k1 = d * mu * mu
    k2 = d * (s**4 + 2 * mu * mu * s * s)
    k3 = 6 * d * mu * mu * s**4
    k4 = 6 * d * s**6 * (s * s + 4 * mu * mu)
    return k1, k2, k3, k4


def product_cumulants(mu, s):
    """The same cumulants of one product q k from raw moments E[(qk)^r] = E[q^r]^2 (independent check)."""
    def normal_raw(r):  # E[X^r], X ~ N(mu, s^2)
        tot = 0.0
        for j in range(0, r + 1, 2):
            dfact = 1
            for i in range(j - 1, 0, -2):
                dfact *= i
            tot += math.comb(r, j) * mu ** (r - j) * s**j * dfact
        return tot
    m = [1.0] + [normal_raw(r) ** 2 for r in range(1, 5)]
    c2 = m[2] - m[1] ** 2
    c3 = m[3] - 3 * m[2] * m[1] + 2 * m[1] ** 3
    c4 = m[4] - 4 * m[3] * m[1] - 3 * m[2] ** 2 + 12 * m[2] * m[1] ** 2 - 6 * m[1] ** 4
    return m[1], c2, c3, c4


def load(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


files = {}
for p in glob.glob(os.path.join(DIR, "seed-*.csv")):
    s = int(re.search(r"seed-(\d+)\.csv$", p).group(1))
    files[s] = p
seeds = sorted(files)
ref_rows = load(files[REF])
cells = [(int(r["d"]), float(r["mu"]), float(r["sigma"])) for r in ref_rows]
n = int(ref_rows[0]["samples"])
C = len(cells)
m = 2 * C

# exact SEs and the exact within-cell correlation of (z_mean, z_var): Cov(xbar, s^2) = kappa3 / n
se_exact, rho_exact = [], []
worst = 0.0
for (d, mu, s), r in zip(cells, ref_rows):
    k1, k2, k3, k4 = cumulants(d, mu, s)
    p1, p2, p3, p4 = product_cumulants(mu, s)
    for a, b in ((k1, d * p1), (k2, d * p2), (k3, d * p3), (k4, d * p4)):
        worst = max(worst, abs(a - b) / max(1e-300, abs(a)) if a else abs(b))
    sm = math.sqrt(k2 / n)
    sv = math.sqrt(k4 / n + 2 * k2 * k2 / (n - 1))
    for a, b in ((sm, float(r["mean_se_theory"])), (sv, float(r["var_se_theory"]))):
        worst = max(worst, abs(a / b - 1))
    se_exact.append((sm, sv))
    rho_exact.append((k3 / n) / (sm * sv))

print(f"grid: {C} cells (d x mu x sigma), n = {n} samples per cell, m = {m} z's per run "
      f"(mean and variance of every cell; every exact SE > 0)")
print(f"closed-form check: cumulants from THEORY.md vs raw-moment expansion and the table's "
      f"*_se_theory columns agree to {worst:.1e} (relative)")


def zs(rows):
    out = []
    for (sm, sv), r in zip(se_exact, rows):
        out.append((float(r["mean_est"]) - float(r["mean_theory"])) / float(r["mean_se_theory"]))
        out.append((float(r["var_est"]) - float(r["var_theory"])) / float(r["var_se_theory"]))
    return out


Z = {}
for s in seeds:
    rows = load(files[s])
    assert [(int(r["d"]), float(r["mu"]), float(r["sigma"])) for r in rows] == cells, files[s]
    assert all(int(r["samples"]) == n and int(r["seed"]) == s for r in rows), files[s]
    Z[s] = zs(rows)


def chi2(z):
    return sum(x * x for x in z)


def quad_block(z):
    """z' Sigma^-1 z with Sigma block-diagonal: cells independent, exact 2x2 correlation within a cell."""
    q = 0.0
    for c, rho in enumerate(rho_exact):
        a, b = z[2 * c], z[2 * c + 1]
        q += (a * a - 2 * rho * a * b + b * b) / (1 - rho * rho)
    return q


def chi2_cdf(x, k):
    """P(chi2_k <= x): regularized lower incomplete gamma P(k/2, x/2) by its series / continued fraction."""
    a, x = k / 2.0, x / 2.0
    if x <= 0:
        return 0.0
    lg = math.lgamma(a)
    if x < a + 1:
        term = tot = 1.0 / a
        ap = a
        for _ in range(10000):
            ap += 1
            term *= x / ap
            tot += term
            if abs(term) < abs(tot) * 1e-15:
                break
        return tot * math.exp(-x + a * math.log(x) - lg)
    b, c, dd = x + 1 - a, 1e300, 1 / (x + 1 - a)
    h = dd
    for i in range(1, 10000):
        an = -i * (i - a)
        b += 2
        dd = an * dd + b
        dd = 1e-300 if abs(dd) < 1e-300 else dd
        c = b + an / c
        c = 1e-300 if abs(c) < 1e-300 else c
        dd = 1 / dd
        de = dd * c
        h *= de
        if abs(de - 1) < 1e-15:
            break
    return 1 - math.exp(-x + a * math.log(x) - lg) * h


def mean_sd(v):
    mu = sum(v) / len(v)
    return mu, math.sqrt(sum((x - mu) ** 2 for x in v) / (len(v) - 1))


# ---- 1. the reference run
zr = Z[REF]
c2 = chi2(zr)
print(f"\n1. seed {REF}: chi2 = {c2:.2f} over m = {m}, chi2/m = {c2 / m:.4f}; "
      f"lower-tail p under chi2({m}) = {chi2_cdf(c2, m):.4f}")
zm = [zr[i] for i in range(0, m, 2)]
zv = [zr[i] for i in range(1, m, 2)]
print(f"   split: mean z's sum {chi2(zm):.2f} (/{C} = {chi2(zm) / C:.3f}), "
      f"variance z's sum {chi2(zv):.2f} (/{C} = {chi2(zv) / C:.3f})")
qb = quad_block(zr)
print(f"   with the exact within-cell correlation (block-diagonal Sigma): z'S^-1 z = {qb:.2f}, "
      f"/m = {qb / m:.4f}, lower-tail p = {chi2_cdf(qb, m):.4f}")

# ---- the null distribution of chi2/m if cells are independent and each (z_mean, z_var) is bivariate
# normal with the exact correlation: sum over cells of (1+rho) X1 + (1-rho) X2, X ~ chi2(1)
var_null = sum(4 + 4 * r * r for r in rho_exact)
print(f"\n   exact within-cell corr(z_mean, z_var) = kappa3/(n SE_mean SE_var): "
      f"max {max(rho_exact):.3f}, mean {sum(rho_exact) / C:.3f}, zero at mu = 0")
print(f"   => if cells are independent: E[chi2/m] = 1, sd(chi2/m) = {math.sqrt(var_null) / m:.4f} "
      f"(sqrt(2/m) = {math.sqrt(2 / m):.4f})")
rng = random.Random(12345)
R = 20000
sim = []
for _ in range(R):
    t = 0.0
    for rho in rho_exact:
        u, v = rng.gauss(0, 1), rng.gauss(0, 1)
        t += (1 + rho) * u * u + (1 - rho) * v * v
    sim.append(t / m)
p_sim = sum(1 for x in sim if x <= c2 / m) / R
print(f"   P(chi2/m <= {c2 / m:.4f}) under that model (Monte Carlo, {R} draws) = {p_sim:.4f}")

# ---- 2. the seeds other than the reference
others = [s for s in seeds if s != REF]
K = len(others)
cs = [chi2(Z[s]) / m for s in others]
mu_c, sd_c = mean_sd(cs)
below = sum(1 for x in cs if x <= c2 / m)
print(f"\n2. seeds {others[0]}..{others[-1]} ({K} runs): chi2/m mean {mu_c:.4f} "
      f"(+- {sd_c / math.sqrt(K):.4f}), sd {sd_c:.4f} (independent: {math.sqrt(var_null) / m:.4f}), "
      f"min {min(cs):.3f}, max {max(cs):.3f}")
print(f"   fraction with chi2/m <= {c2 / m:.4f}: {below}/{K} = {below / K:.4f}")
print(f"   first seeds: " + ", ".join(f"{s}: {chi2(Z[s]) / m:.3f}" for s in others[:5]))
# the first few seeds after the reference, split by statistic: their ranks (1 = lowest) among all
# other seeds, and Fisher's combination of their lower-tail p's under chi2(C), per statistic
first = others[:3]
for lab, off in (("mean", 0), ("var", 1)):
    val = {s: sum(Z[s][i] ** 2 for i in range(off, m, 2)) for s in others}
    order = sorted(others, key=lambda s: val[s])
    ranks = [order.index(s) + 1 for s in first]
    ps = [chi2_cdf(val[s], C) for s in first]
    h = -sum(math.log(p) for p in ps)  # Fisher: 2h ~ chi2(2 len) ; upper tail in closed form
    pf = math.exp(-h) * sum(h**j / math.factorial(j) for j in range(len(ps)))
    print(f"   {lab} z's of seeds {first[0]}..{first[-1]}: chi2/{C} = " + ", ".join(f"{val[s] / C:.3f}" for s in first)
          + f"; ranks among the {K}: {ranks}; Fisher lower-tail p = {pf:.4f} (seed {REF}: "
          + f"{sum(zr[i] ** 2 for i in range(off, m, 2)) / C:.3f})")
pv = sorted(chi2_cdf(chi2(Z[s]), m) for s in others)
ks = max(max((i + 1) / K - p, p - i / K) for i, p in enumerate(pv))
print(f"   lower-tail p's of chi2 under chi2({m}): KS distance from uniform {ks:.4f} "
      f"(5% critical value about {1.36 / math.sqrt(K):.4f})")
for lab, idx in (("mean", range(0, m, 2)), ("var", range(1, m, 2))):
    cc = [sum(Z[s][i] ** 2 for i in idx) / C for s in others]
    a, b = mean_sd(cc)
    print(f"   {lab} z's only: chi2/{C} mean {a:.4f} +- {b / math.sqrt(K):.4f}, sd {b:.4f} "
          f"(sqrt(2/{C}) = {math.sqrt(2 / C):.4f})")

# per-z mean and variance over the seeds
print(f"\n   per z over {K} seeds (each should be mean 0 +- {1 / math.sqrt(K):.3f}, variance 1 "
      f"+- about {math.sqrt(2 / (K - 1)):.3f}):")
stat = []
for i in range(m):
    v = [Z[s][i] for s in others]
    a, b = mean_sd(v)
    stat.append((a, b * b))
for lab, off in (("mean", 0), ("var", 1)):
    ms = [stat[i][0] for i in range(off, m, 2)]
    vs = [stat[i][1] for i in range(off, m, 2)]
    print(f"   z_{lab}: per-cell means: average {sum(ms) / C:+.4f}, sd {mean_sd(ms)[1]:.4f} "
          f"(expected {1 / math.sqrt(K):.4f}); per-cell variances: average {sum(vs) / C:.4f}, "
          f"sd {mean_sd(vs)[1]:.4f}, min {min(vs):.3f}, max {max(vs):.3f}")
# variance of z by (statistic, d), (statistic, mu), (statistic, sigma), pooled
for key, lab in ((0, "d"), (1, "mu"), (2, "sigma")):
    vals = sorted(set(c[key] for c in cells))
    for st, off in (("mean", 0), ("var", 1)):
        parts = []
        for v in vals:
            idx = [2 * c + off for c in range(C) if cells[c][key] == v]
            pool = [Z[s][i] for s in others for i in idx]
            parts.append(f"{v:g}:{sum(x * x for x in pool) / len(pool):.3f}")
        print(f"   E[z_{st}^2] by {lab}: " + " ".join(parts))

# ---- correlations between z's over seeds
def corr(i, j):
    a = [Z[s][i] for s in others]
    b = [Z[s][j] for s in others]
    ma, mb = sum(a) / K, sum(b) / K
    sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    saa = sum((x - ma) ** 2 for x in a)
    sbb = sum((y - mb) ** 2 for y in b)
    return sab / math.sqrt(saa * sbb)


within = [(corr(2 * c, 2 * c + 1), rho_exact[c], cells[c]) for c in range(C)]
dev = [(w - r) * math.sqrt(K) for w, r, _ in within]
big = max(within, key=lambda t: t[1])
print(f"\n   within a cell, corr(z_mean, z_var) over seeds vs exact: largest exact {big[1]:.3f} "
      f"at d,mu,sigma = {big[2]} measured {big[0]:.3f}; "
      f"sum of squared (measured-exact)*sqrt(K) = {sum(x * x for x in dev):.1f} over {C} cells "
      f"(about chi2({C}) if right)")
groups = {"same d": [], "same (mu,sigma)": [], "adjacent in run order": [], "other": []}
allc = []
for a in range(m):
    for b in range(a + 1, m):
        ca, cb = a // 2, b // 2
        if ca == cb:
            continue
        r = corr(a, b)
        allc.append(r)
        if abs(ca - cb) == 1:
            groups["adjacent in run order"].append(r)
        if cells[ca][0] == cells[cb][0]:
            groups["same d"].append(r)
        elif cells[ca][1:] == cells[cb][1:]:
            groups["same (mu,sigma)"].append(r)
        else:
            groups["other"].append(r)
print(f"   between cells ({len(allc)} pairs of z's): if independent each corr ~ N(0, 1/(K-1)), sd {1 / math.sqrt(K - 1):.4f}")
for g, v in groups.items():
    a, b = mean_sd(v)
    print(f"     {g:24s} {len(v):6d} pairs: mean {a:+.4f} (+- {b / math.sqrt(len(v)):.4f}), sd {b:.4f}, "
          f"max |r| {max(abs(x) for x in v):.3f}")
# implied sd of chi2/m from the measured correlations: Var(sum z^2) = sum_ij 2 r_ij^2 (normal z)
# (the off-diagonal r^2 carries 1/K sampling noise each, subtracted)
tot = 2 * m + sum(4 * (r * r - 1 / (K - 1)) for r, _, _ in within)
off = sum(4 * (r * r - 1 / (K - 1)) for r in allc)
print(f"   Var(chi2) implied by measured correlations (normal z, noise-corrected): within-cell "
      f"{tot:.1f}, between-cell {off:+.1f} => sd(chi2/m) about {math.sqrt(max(tot + off, 0)) / m:.4f}")

# dependence in z^2 rather than z (a scale shared by a run's cells would not show in corr(z_a, z_b)):
# Var(chi2) over seeds = sum of the per-z variances of z^2 + the covariances between different z^2's
sq = {s: [x * x for x in Z[s]] for s in others}
per = sum(mean_sd([sq[s][i] for s in others])[1] ** 2 for i in range(m))
tot_v = mean_sd([sum(sq[s]) for s in others])[1] ** 2
cellsum = {s: [sq[s][2 * c] + sq[s][2 * c + 1] for c in range(C)] for s in others}
per_cell = sum(mean_sd([cellsum[s][c] for s in others])[1] ** 2 for c in range(C))
print(f"   z^2 over seeds: Var(chi2) = {tot_v:.1f}; sum of the {m} Var(z^2) = {per:.1f} (normal z: {2 * m}); "
      f"sum of the {C} per-cell Var(z_mean^2 + z_var^2) = {per_cell:.1f} (exact rho: {var_null:.1f}); "
      f"so the covariances between cells add {tot_v - per_cell:+.1f} (0 if cells are independent; "
      f"the sample variance itself has relative sd about {math.sqrt(2 / (K - 1)):.2f})")
a = [sum(sq[s][i] for i in range(0, m, 2)) for s in others]
b = [sum(sq[s][i] for i in range(1, m, 2)) for s in others]
ma, mb = sum(a) / K, sum(b) / K
r = sum((x - ma) * (y - mb) for x, y in zip(a, b)) / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
print(f"   corr over seeds of (sum of z_mean^2, sum of z_var^2) = {r:+.3f} (independent cells: about "
      f"{sum(2 * t * t for t in rho_exact) / (2 * C):+.3f} from the within-cell rho, sd {1 / math.sqrt(K - 1):.3f})")

# ---- 3. proper test for the reference run with a full Sigma estimated from the other seeds
def solve(A, bvec):
    N = len(A)
    M = [row[:] + [bvec[i]] for i, row in enumerate(A)]
    for col in range(N):
        piv = max(range(col, N), key=lambda r: abs(M[r][col]))
        M[col], M[piv] = M[piv], M[col]
        for r in range(N):
            if r != col:
                f = M[r][col] / M[col][col]
                if f:
                    M[r] = [x - f * y for x, y in zip(M[r], M[col])]
    return [M[i][N] / M[i][i] for i in range(N)]


if K > m + 10:
    S = [[sum(Z[s][i] * Z[s][j] for s in others) / K for j in range(m)] for i in range(m)]
    x = solve(S, zr)
    q = sum(a * b for a, b in zip(zr, x))
    # Hotelling: z ~ N(0, Sigma) independent of S = W/K, W ~ Wishart_m(K, Sigma): q (K-m+1)/(K m) ~ F(m, K-m+1)
    f = q * (K - m + 1) / (K * m)
    # F cdf via the incomplete beta is not in the standard library: Monte Carlo of F(m, K-m+1)
    d1, d2 = m, K - m + 1
    fs = [(rng.gammavariate(d1 / 2, 2) / d1) / (rng.gammavariate(d2 / 2, 2) / d2) for _ in range(200000)]
    pf = sum(1 for y in fs if y <= f) / len(fs)
    print(f"\n3. seed {REF} with Sigma estimated (uncentred) from the {K} other seeds: z'S^-1 z = {q:.1f}; "
          f"Hotelling F = {f:.4f} on ({d1}, {d2}) df, lower-tail p = {pf:.4f}")
else:
    print(f"\n3. full-Sigma test skipped: needs more than m + 10 = {m + 10} other seeds (have {K})")
print(f"   block-diagonal exact Sigma (cells independent, exact within-cell rho): "
      f"z'S^-1 z / m = {qb / m:.4f}, p = {chi2_cdf(qb, m):.4f}")
qs = [quad_block(Z[s]) / m for s in others]
a, b = mean_sd(qs)
print(f"   the same form over the {K} other seeds: mean {a:.4f}, sd {b:.4f} (chi2(m)/m: 1, {math.sqrt(2 / m):.4f}); "
      f"fraction <= seed {REF}'s {qb / m:.4f}: {sum(1 for x in qs if x <= qb / m) / K:.4f}")

# ---- block-structured Sigma estimated from the seeds: the z's of one d (9 cells x 2 = 18) form one
# block, blocks independent. Calibrated empirically: each other seed's form is computed with Sigma
# estimated from the remaining seeds (leave one out), the reference's from all the other seeds.
def inv_quad(S, z):
    x = solve(S, z)
    return sum(a * b for a, b in zip(z, x))


def block_form(z, pool, blocks):
    q = 0.0
    for idx in blocks:
        S = [[sum(Z[s][i] * Z[s][j] for s in pool) / len(pool) for j in idx] for i in idx]
        q += inv_quad(S, [z[i] for i in idx])
    return q


dvals = sorted(set(c[0] for c in cells))
for name, blocks in (("per cell (2x2)", [[2 * c, 2 * c + 1] for c in range(C)]),
                     ("per d (18x18: the 9 cells of one d)",
                      [[2 * c + o for c in range(C) if cells[c][0] == dv for o in (0, 1)] for dv in dvals])):
    if K < 3 * max(len(b) for b in blocks):
        print(f"   Sigma estimated {name}: skipped (too few seeds)")
        continue
    qref = block_form(zr, others, blocks) / m
    loo = [block_form(Z[s], [t for t in others if t != s], blocks) / m for s in others]
    a, b = mean_sd(loo)
    print(f"   Sigma estimated {name} from the seeds: seed {REF} z'S^-1 z / m = {qref:.4f}; "
          f"other seeds (leave-one-out) mean {a:.4f}, sd {b:.4f}; fraction <= seed {REF}: "
          f"{sum(1 for x in loo if x <= qref) / K:.4f}")
PY
