#!/usr/bin/env bash
# 1000 shards on one machine: splits a small run into 1000 shard processes, merges the parts in
# shuffled order and in two levels (10 merged parts of 100 shards, then the table), and compares the
# table byte for byte with unsharded runs on 1, 2 and 3 threads. Run by scripts/test.sh after the
# Swift tests; usable alone: scripts/test-shards.sh [path/to/qkverify] (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-$PWD/.build/debug/qkverify}
[ -x "$bin" ] || swift build --product qkverify >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grid=(--dims 1,3,16 --means 0,1 --sigmas 1 --samples 10000 --block-size 20 --quiet)
shards=1000
SECONDS=0

for t in 1 2 3; do "$bin" moments "${grid[@]}" --threads "$t" --out "$work/threads-$t.csv"; done
cmp "$work/threads-1.csv" "$work/threads-2.csv"
cmp "$work/threads-1.csv" "$work/threads-3.csv"

mkdir "$work/parts"
seq 1 "$shards" | xargs -P 2 -I{} "$bin" moments "${grid[@]}" --threads 1 --shard "{}/$shards" --out "$work/parts/{}.part"
[ "$(ls "$work/parts" | wc -l)" -eq "$shards" ]
largest=$(stat -c %s "$work"/parts/*.part | sort -n | tail -1)

# One level, parts in shuffled order.
ls "$work"/parts/*.part | shuf --random-source=<(yes) > "$work/shuffled"
xargs -a "$work/shuffled" "$bin" merge --quiet --out "$work/merged.csv"
cmp "$work/threads-1.csv" "$work/merged.csv"

# Two levels: ten merged parts of 100 consecutive shards each, merged in shuffled order.
for g in $(seq 0 9); do
  seq $((g * 100 + 1)) $((g * 100 + 100)) | shuf --random-source=<(yes) | sed "s|^|$work/parts/|; s|$|.part|" \
    | xargs "$bin" merge --quiet --part "$work/level-$g.part"
done
ls "$work"/level-*.part | shuf --random-source=<(yes) | xargs "$bin" merge --quiet --out "$work/two-level.csv"
cmp "$work/threads-1.csv" "$work/two-level.csv"

# A merge of an incomplete set is refused.
if "$bin" merge "$work"/level-[0-8].part --quiet --out "$work/refused.csv" 2>"$work/err"; then
  echo "test-shards: a merge without shards 901-1000 was accepted" >&2; exit 1
fi
grep -q "shard 901/1000, 902/1000" "$work/err"

echo "test-shards: 1000 shards, largest part $largest bytes; one-level, shuffled and two-level merges byte-identical to 1-, 2- and 3-thread runs (${SECONDS} s)"
