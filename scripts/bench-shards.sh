#!/usr/bin/env bash
# Part-file size and merge time against the number of blocks (10^3 ... 10^7), and the merge of 1000
# parts, with the release build. Writes results/shards.csv and prints a projection for 10^15 draws
# from the per-core rate in results/bench.csv (scripts/bench.sh).
#   scripts/bench-shards.sh [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
scripts/install-deps.sh bench
swift build -c release --product qkverify >&2
qk=$PWD/.build/release/qkverify
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

# median_time COMMAND...: the median wall time of ROUNDS runs, in seconds.
median_time() {
  for _ in $(seq 1 "$rounds"); do
    /usr/bin/time -f "%e" -o "$out/t" "$@" > /dev/null 2>&1
    cat "$out/t"
  done | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

echo "blocks,shards,largest_part_bytes,total_part_bytes,merge_median_seconds,rounds" > "$out/shards.csv"
for e in 3 4 5 6 7; do
  blocks=$((10 ** e))
  rm -f "$out"/*.part
  for i in 1 2; do
    "$qk" moments --dims 1 --means 0 --sigmas 1 --samples $((blocks * 10)) --block-size 10 --shard "$i/2" --out "$out/$i.part" --quiet
  done
  sizes=$(stat -c %s "$out"/*.part | sort -n)
  t=$(median_time "$qk" merge "$out"/1.part "$out"/2.part --out "$out/m.csv" --quiet)
  echo "$blocks,2,$(echo "$sizes" | tail -1),$(echo "$sizes" | awk "{ s += \$1 } END { print s }"),$t,$rounds" >> "$out/shards.csv"
  echo "blocks $blocks: parts $(echo "$sizes" | paste -sd' ') bytes, merge $t s" >&2
done

# 1000 parts of a 10^6-block run.
mkdir -p "$out/many"
seq 1 1000 | xargs -P "$(nproc)" -I{} "$qk" moments --dims 1 --means 0 --sigmas 1 --samples 10000000 --block-size 10 --threads 1 --shard "{}/1000" --out "$out/many/{}.part" --quiet
sizes=$(stat -c %s "$out"/many/*.part | sort -n)
t=$(median_time "$qk" merge "$out"/many/*.part --out "$out/m.csv" --quiet)
echo "1000000,1000,$(echo "$sizes" | tail -1),$(echo "$sizes" | awk "{ s += \$1 } END { print s }"),$t,$rounds" >> "$out/shards.csv"
echo "blocks 1000000 in 1000 parts: largest $(echo "$sizes" | tail -1) bytes, merge $t s" >&2
mkdir -p results && mv "$out/shards.csv" results/shards.csv

# The projection for 10^15 draws, from the measured one-thread rate at d = 64.
rate=$(awk -F, '$1 == "d64" && $4 == "qkverify" && $5 == 1 { print $8 }' results/bench.csv)
awk -v rate="$rate" 'BEGIN {
  hours = 1e15 / rate / 3600
  printf "10^15 draws at %.3g draws/s per core: %.0f core-hours; %.1f h on 1000 cores, %.1f h on 100\n", rate, hours, hours / 1000, hours / 100
  blocks = 1e15 / 2^20
  printf "at the default block size (2^20 draws): %.3g blocks; a part holds at most 2 log2(blocks) = %d nodes per cell\n", blocks, 2 * log(blocks) / log(2)
}'
