#!/usr/bin/env bash
# Measures the verifier's calibration: R runs of a small grid with seeds 1..R, then for each test the
# share of |z| > 2, z < -3 and z > 3 (normal: 0.0455, 0.00135, 0.00135), and the share of runs with
# any failure (the family-wise false-failure rate, at most --alpha = 0.001).
#   scripts/calibrate.sh [RUNS=1000] [SAMPLES=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000}; samples=${2:-10000}
scripts/install-deps.sh
swift build -c release --product qkverify >&2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
seq 1 "$runs" | xargs -P "$(nproc)" -I{} .build/release/qkverify moments --dims 1,4,64 --means 0,1 --sigmas 1 \
  --samples "$samples" --seed {} --threads 1 --quiet --out "$dir/{}.csv"
printf "%-20s %6s %9s %9s %9s %9s\n" "test cell" "made" "|z|>2" "z<-3" "z>3" "untested"
awk -F, -v runs="$runs" -v summary="$dir/summary" '
  FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  {
    if ($col["verdict"] == "fail") failed[FILENAME] = 1
    split("mean var skew kurt", tests, " ")
    for (t = 1; t <= 4; t++) {
      name = tests[t]; key = sprintf("%-5s d=%-3s mu=%s", name, $col["d"], $col["mu"])
      if ($col[name "_p"] == "") { untested[key]++; continue }
      z = $col[name "_z"] + 0; n[key]++
      if (z > 2 || z < -2) big[key]++
      if (z < -3) low[key]++
      if (z > 3) high[key]++
    }
  }
  END {
    for (k in n) printf "%-20s %6d %9.4f %9.4f %9.4f %9d\n", k, n[k], big[k] / n[k], low[k] / n[k], high[k] / n[k], untested[k]
    for (k in untested) if (!(k in n)) printf "%-20s %6d %9s %9s %9s %9d\n", k, 0, "-", "-", "-", untested[k]
    f = 0; for (r in failed) f++
    printf "runs with a false failure at alpha 0.001: %d of %d\n", f, runs > summary
  }' "$dir"/*.csv | sort
cat "$dir/summary"
