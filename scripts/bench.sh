#!/usr/bin/env bash
# Throughput and memory of qkverify against the per-core floor (a plain C loop over GSL with the same
# generator) and a numpy script, alternating the programs within each round so machine drift cancels.
# Prints medians and ratios and writes results/bench.csv.
#   scripts/bench.sh [ROUNDS=5] [extra qkverify options, e.g. --rng taus2]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; shift || true
extra=("$@")
scripts/install-deps.sh bench
swift build -c release --product qkverify >&2
mkdir -p .build/bench
${CC:-cc} -O2 -o .build/bench/qk_c_loop bench/qk_c_loop.c $(pkg-config --cflags --libs gsl)
qk=.build/release/qkverify
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cores=$(nproc)
cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')

# name d samples: the fixed workloads.
workloads=("d64 64 2000000" "d1 1 50000000" "d1024 1024 100000" "d64-small 64 20000" "tiny 1 10000")

# measure LABEL COMMAND...: one timed run; appends "label seconds maxrss_kb" to the log.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" > /dev/null 2> "$out/err" || { cat "$out/err" >&2; exit 1; }
  echo "$label $(cat "$out/time")" >> "$out/log"
}

for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for w in "${workloads[@]}"; do
    read -r name d n <<< "$w"
    measure "$name qkverify 2" "$qk" moments --dims "$d" --means 0 --sigmas 1 --samples "$n" --threads 2 --quiet --out "$out/m.csv" "${extra[@]}"
    [ "$name" = tiny ] || [ "$name" = d64-small ] && continue
    measure "$name qkverify 1" "$qk" moments --dims "$d" --means 0 --sigmas 1 --samples "$n" --threads 1 --quiet --out "$out/m.csv" "${extra[@]}"
    measure "$name c-loop 1" .build/bench/qk_c_loop "$d" "$n"
    measure "$name numpy 1" python3 bench/numpy_qk.py "$d" "$n"
  done
done

# Medians, draws per second, and the table.
awk -v cores="$cores" -v cpu="$cpu" -v rounds="$rounds" -v extra="${extra[*]}" '
  BEGIN { split("d64 64 2000000|d1 1 50000000|d1024 1024 100000|d64-small 64 20000|tiny 1 10000", ws, "|")
          for (i in ws) { split(ws[i], f, " "); D[f[1]] = f[2]; N[f[1]] = f[3] } }
  { key = $1 " " $2 " " $3; t[key] = t[key] " " $4; m[key] = ($5 > m[key] ? $5 : m[key]); keys[key] = 1 }
  function median(list,   a, n, i, j, x) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    print "workload,d,samples,program,threads,rounds,median_seconds,draws_per_second,peak_rss_mib,cores,cpu_model,qkverify_options,keys,queries_per_second,ratio_to_numpy_1thread,cpu_seconds_median"
    for (key in keys) {
      split(key, k, " "); s = median(t[key]); draws = 2 * D[k[1]] * N[k[1]]
      printf "%s,%d,%d,%s,%d,%d,%.3f,%.4g,%.1f,%d,\"%s\",\"%s\",,,,\n", k[1], D[k[1]], N[k[1]], k[2], k[3], rounds, s, draws / s, m[key] / 1024, cores, cpu, extra
    }
  }' "$out/log" | { read -r header; echo "$header"; sort; } > "$out/bench.csv"
# The other benchmarks' rows (verdict-* of bench-sequential.sh, softmax-* of bench-softmax.sh) stay,
# padded to the four softmax columns if the file predates them.
if [ -f results/bench.csv ]; then
  pad=$(head -1 results/bench.csv | awk -F, '{ for (i = NF; i < 16; i++) printf "," }')
  tail -n +2 results/bench.csv | grep -Ev '^(d64|d1|d1024|d64-small|tiny),' | sed "s/\$/$pad/" >> "$out/bench.csv" || true
fi
mkdir -p results && mv "$out/bench.csv" results/bench.csv

# The ratios the targets speak of.
awk -F, 'NR > 1 { rate[$1 " " $4 " " $5] = $8; sec[$1 " " $4 " " $5] = $7; rss[$1 " " $4 " " $5] = $9 }
  END {
    for (w = 1; w <= 3; w++) {
      split("d64 d1 d1024", names, " "); n = names[w]
      printf "%-6s qkverify 2 threads %.3g draws/s: %.2fx the C loop, %.2fx numpy; 1 thread: %.2fx the C loop\n", n,
        rate[n " qkverify 2"], rate[n " qkverify 2"] / rate[n " c-loop 1"], rate[n " qkverify 2"] / rate[n " numpy 1"],
        rate[n " qkverify 1"] / rate[n " c-loop 1"]
    }
    printf "d = 1 draw rate / d = 64 draw rate (2 threads): %.2f\n", rate["d1 qkverify 2"] / rate["d64 qkverify 2"]
    printf "peak RSS, d = 64: %.1f MiB at 2e4 samples, %.1f MiB at 2e6 (100-fold); largest qkverify RSS %.1f MiB\n",
      rss["d64-small qkverify 2"], rss["d64 qkverify 2"], (rss["d1 qkverify 2"] > rss["d1024 qkverify 2"] ? rss["d1 qkverify 2"] : rss["d1024 qkverify 2"])
    printf "startup plus output, a 1 x 10^4-sample run: %.3f s\n", sec["tiny qkverify 2"]
  }' results/bench.csv
