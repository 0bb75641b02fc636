#!/usr/bin/env bash
# Softmax benchmark (#20 item 5): queries per second of `qkverify softmax` against numpy doing the same
# measurement (scripts/bench_softmax.py: q and N keys in R^d, Gaussian mu = 0, sigma = 1, float64; the
# same ten statistics at the same shown temperatures tau = 1 and sqrt(d), averaged with standard
# errors), on one core and on all cores. First a self-check: at N = 64, d = 16 every one of the 18
# means of numpy's table must agree with qkverify's within |z| < 5 (both SEs), or the script stops.
# Each round runs qkverify --threads 1, numpy with 1 process, qkverify --threads $(nproc), numpy with
# $(nproc) processes (multiprocessing, independent SeedSequence streams) for every setting, alternated
# and the order reversed every other round so machine drift cancels; BLAS/OpenMP are held to 1 thread
# per numpy process, so numpy's thread count is its process count. Wall time of the whole command
# (start-up, draws, output to a temporary file), medians over ROUNDS.
#   scripts/bench-softmax.sh [ROUNDS=5]   (about 3 minutes on 2 cores)
# Needs numpy: the system python3's if it has one, else a venv in .build/bench/venv with numpy from
# PyPI; when neither works it prints "bench-softmax: SKIPPED (reason)" and exits 0.
# Rewrites the softmax-* rows of results/bench.csv (the table scripts/bench.sh and
# bench-sequential.sh also write); its columns, for these rows:
#   workload                softmax-N<keys>-d<d>
#   d                       the dimension d
#   samples                 queries per run
#   program                 qkverify or numpy (scripts/bench_softmax.py)
#   threads                 qkverify --threads; numpy: processes, each single-threaded
#   rounds                  runs per program and setting; the median is taken
#   median_seconds          median wall time of one run
#   draws_per_second        Gaussian coordinates per second: d (N + 1) per query
#   peak_rss_mib            the largest peak RSS over the rounds (numpy with processes: of one process)
#   cores, cpu_model        nproc and /proc/cpuinfo's model name
#   qkverify_options        the setting, as qkverify softmax options
#   keys                    N, keys per query
#   queries_per_second      samples / median_seconds
#   ratio_to_numpy_1thread  queries_per_second over numpy's with 1 process at the same setting
#   cpu_seconds_median      median user + system CPU time of one run, all threads and processes: on a
#                           machine shared with other work, samples / this is per-core efficiency
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
skip() { echo "bench-softmax: SKIPPED ($1)"; exit 0; }

# name keys d queries: enough queries that a run takes over a second even on all cores.
settings=("softmax-N64-d16 64 16 80000" "softmax-N64-d128 64 128 14000"
          "softmax-N1024-d16 1024 16 5000" "softmax-N1024-d128 1024 128 800")

[ -x /usr/bin/time ] || scripts/install-deps.sh bench
nice -n 15 swift build -c release --product qkverify >&2
qk=.build/release/qkverify

# numpy: the system python3's, else a venv with numpy from PyPI.
command -v python3 > /dev/null 2>&1 || skip "no python3"
py=python3
if ! python3 -c "import numpy" > /dev/null 2>&1; then
  venv=.build/bench/venv
  if ! "$venv/bin/python" -c "import numpy" > /dev/null 2>&1; then
    rm -rf "$venv"
    python3 -m venv "$venv" > /dev/null 2>&1 || skip "python3 -m venv failed (python3-venv missing?)"
    echo "bench-softmax: installing numpy into $venv" >&2
    timeout 300 "$venv/bin/pip" install -q numpy >&2 || skip "pip install numpy failed: PyPI unreachable?"
  fi
  py=$venv/bin/python
fi
cores=$(nproc)   # before OMP_NUM_THREADS=1, which nproc obeys
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1
numpy_version=$("$py" -c "import numpy; print(numpy.__version__)")

out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "bench-softmax: $cores cores ($cpu), numpy $numpy_version, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The same statistics: numpy's table must agree with qkverify's before anything is timed.
"$py" scripts/bench_softmax.py self-check --qkverify "$qk" --keys 64 --dims 16 --queries 20000 >&2

# measure LABEL COMMAND...: one timed run; appends "label seconds maxrss_kb user sys round" to the log.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" "$@" > /dev/null 2> "$out/err" || { cat "$out/err" >&2; exit 1; }
  echo "$label $(cat "$out/time") $round" >> "$out/log"
}
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  order=("qkverify 1" "numpy 1" "qkverify $cores" "numpy $cores")
  [ $((round % 2)) -eq 0 ] && order=("numpy $cores" "qkverify $cores" "numpy 1" "qkverify 1")
  [ "$cores" -eq 1 ] && order=("${order[@]:0:2}")
  for s in "${settings[@]}"; do
    read -r name keys d n <<< "$s"
    for run in "${order[@]}"; do
      read -r program threads <<< "$run"
      if [ "$program" = qkverify ]; then
        measure "$name $keys $d $n qkverify $threads" "$qk" softmax --keys "$keys" --dims "$d" --means 0 --sigmas 1 \
          --queries "$n" --threads "$threads" --seed "$round" --quiet --out "$out/qk.csv"
      else
        measure "$name $keys $d $n numpy $threads" "$py" scripts/bench_softmax.py run --keys "$keys" --dims "$d" \
          --queries "$n" --processes "$threads" --seed "$round" --out "$out/np.csv"
      fi
    done
  done
done

# Medians, rates and ratios: the softmax-* rows.
awk -v cores="$cores" -v cpu="$cpu" -v rounds="$rounds" '
  { key = $1 " " $2 " " $3 " " $4 " " $5 " " $6; t[key] = t[key] " " $7; m[key] = ($8 > m[key] ? $8 : m[key]); keys[key] = 1
    c[key] = c[key] " " ($9 + $10) }
  function median(list,   a, n, i, j, x) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (key in keys) { split(key, k, " "); if (k[5] == "numpy" && k[6] == 1) base[k[1]] = k[4] / median(t[key]) }
    for (key in keys) {
      split(key, k, " "); s = median(t[key]); qps = k[4] / s
      printf "%s,%d,%d,%s,%d,%d,%.3f,%.4g,%.1f,%d,\"%s\",\"softmax --keys %d --dims %d --means 0 --sigmas 1\",%d,%.1f,%.3f,%.2f\n",
        k[1], k[3], k[4], k[5], k[6], rounds, s, k[3] * (k[2] + 1) * qps, m[key] / 1024, cores, cpu, k[2], k[3], k[2], qps, qps / base[k[1]], median(c[key])
    }
  }' "$out/log" | sort -t, -k1,1V -k4,4r -k5,5n > "$out/softmax.csv"

# Into results/bench.csv, beside the other benchmarks' rows (padding them if the file predates the
# four softmax columns).
header="workload,d,samples,program,threads,rounds,median_seconds,draws_per_second,peak_rss_mib,cores,cpu_model,qkverify_options,keys,queries_per_second,ratio_to_numpy_1thread,cpu_seconds_median"
pad=""
if [ -f results/bench.csv ]; then
  old=$(head -1 results/bench.csv)
  case "$header," in
    "$old",*) pad=$(echo "$old" | awk -F, '{ for (i = NF; i < 16; i++) printf "," }') ;;
    *) echo "bench-softmax: results/bench.csv has an unknown header; not touching it" >&2; exit 1 ;;
  esac
fi
mkdir -p results
{ echo "$header"
  [ -f results/bench.csv ] && { tail -n +2 results/bench.csv | grep -v '^softmax-' | sed "s/\$/$pad/" || true; }
  cat "$out/softmax.csv"
} > "$out/bench.csv"
mv "$out/bench.csv" results/bench.csv

echo "bench-softmax: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end" >&2
awk -F, '$7 < 1 { printf "bench-softmax: warning: %s %s %s threads took %s s, under a second: raise its queries\n", $1, $4, $5, $7 }' "$out/softmax.csv" >&2
# The summary: rates from the medians, and the ratio qkverify / numpy paired within each round (the
# two ran back to back), its median over the rounds, which machine drift disturbs less.
awk -v cores="$cores" '
  function median(list,   a, n, i, j, x) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { if (!($1 in seen)) { seen[$1] = 1; names[++count] = $1; queries[$1] = $4 }
    t[$1 " " $5 " " $6] = t[$1 " " $5 " " $6] " " $7; paired[$1 " " $5 " " $6 " " $11] = $7; rounds[$11] = 1
    cpu[$1 " " $5 " " $6 " " $11] = $9 + $10 }
  END {
    for (i = 1; i <= count; i++) {
      w = names[i]; r1 = ""; rc = ""; e1 = ""; ec = ""
      for (r in rounds) { r1 = r1 " " paired[w " numpy 1 " r] / paired[w " qkverify 1 " r]
                          rc = rc " " paired[w " numpy " cores " " r] / paired[w " qkverify " cores " " r]
                          e1 = e1 " " cpu[w " numpy 1 " r] / cpu[w " qkverify 1 " r]
                          ec = ec " " cpu[w " numpy " cores " " r] / cpu[w " qkverify " cores " " r] }
      printf "%-19s qkverify %7.1f q/s on 1 thread, %7.1f on %d; numpy %7.1f on 1 process, %7.1f on %d\n", w,
        queries[w] / median(t[w " qkverify 1"]), queries[w] / median(t[w " qkverify " cores]), cores,
        queries[w] / median(t[w " numpy 1"]), queries[w] / median(t[w " numpy " cores]), cores
      printf "%-19s qkverify / numpy, median of per-round pairs: wall %.2f on 1, %.2f on %d; per CPU second %.2f on 1, %.2f on %d\n", "",
        median(r1), median(rc), cores, median(e1), median(ec), cores
    }
  }' "$out/log"
