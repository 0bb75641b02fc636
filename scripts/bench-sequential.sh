#!/usr/bin/env bash
# Time to verdict, fixed sample size against --sequential, same claims and seed, on --dims 1,16,64
# --means 0 --sigmas 1: a grossly wrong variance (d^2), one 1% off (1.01 d), and a true one
# confirmed within 1%. The fixed design is the one 'qkverify plan --detect 0.01' asks for (it can
# detect a 1% error); the sequential run may go up to the same sample size. Medians of ROUNDS runs,
# release build, 2 threads. Rewrites the verdict-* rows of results/bench.csv and prints the ratios.
#   scripts/bench-sequential.sh [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
scripts/install-deps.sh bench
swift build -c release --product qkverify >&2
qk=.build/release/qkverify
grid=(--dims 1,16,64 --means 0 --sigmas 1 --threads 2 --quiet)
n=$("$qk" plan --dims 1,16,64 --means 0 --sigmas 1 --detect 0.01 | sed -n 's/.*--samples \([0-9]*\)$/\1/p')
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cores=$(nproc)
cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')

# median LABEL COMMAND...: the median wall time of ROUNDS runs (exit status 0, 1 or 5 are verdicts).
median() {
  local label=$1; shift
  for _ in $(seq 1 "$rounds"); do
    /usr/bin/time -f "%e" -o "$out/t" "$@" > /dev/null 2>&1 || [ $? -le 5 ]
    tail -1 "$out/t"   # GNU time writes "Command exited with non-zero status N" first
  done | sort -n | awk -v label="$label" '{ a[NR] = $1 } END { print label, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
{
  median "verdict-gross fixed" "$qk" check --var 'd^2' "${grid[@]}" --samples "$n"
  median "verdict-gross sequential" "$qk" check --var 'd^2' "${grid[@]}" --sequential --max-samples "$n"
  median "verdict-1pct fixed" "$qk" check --var '1.01*d' "${grid[@]}" --samples "$n"
  median "verdict-1pct sequential" "$qk" check --var '1.01*d' "${grid[@]}" --sequential --max-samples "$n"
  median "verdict-confirm fixed" "$qk" check --var 'd' "${grid[@]}" --samples "$n" --tolerance 0.01
  median "verdict-confirm sequential" "$qk" check --var 'd' "${grid[@]}" --sequential --max-samples "$n" --tolerance 0.01
} > "$out/log"
cat "$out/log" >&2
header=$(head -1 results/bench.csv)
pad=$(echo "$header" | awk -F, '{ for (i = 12; i < NF; i++) printf "," }')   # bench-softmax.sh's columns, empty here
{ echo "$header"; tail -n +2 results/bench.csv | grep -v '^verdict-' || true
  awk -v n="$n" -v rounds="$rounds" -v cores="$cores" -v cpu="$cpu" -v pad="$pad" '{
    printf "%s,64,%d,qkverify-%s,2,%d,%.3f,,,%d,\"%s\",\"check --dims 1,16,64 --means 0 --sigmas 1\"%s\n", $1, n, $2, rounds, $3, cores, cpu, pad }' "$out/log"
} > "$out/bench.csv"
mv "$out/bench.csv" results/bench.csv
awk '{ t[$1 " " $2] = $3 } END {
  split("verdict-gross verdict-1pct verdict-confirm", w, " ")
  for (i = 1; i <= 3; i++) printf "%-16s fixed %.2f s, sequential %.2f s: %.1fx sooner\n", w[i], t[w[i] " fixed"], t[w[i] " sequential"], t[w[i] " fixed"] / t[w[i] " sequential"] }' "$out/log"
echo "fixed design: --samples $n per cell (plan --detect 0.01)"
