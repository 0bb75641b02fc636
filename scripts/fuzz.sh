#!/usr/bin/env bash
# Fuzzes the formula parser (with the domain, claim and claims-file parsers on the same text) and the
# state-file reader with libFuzzer for a while (default 60 s).
# Inputs go up to 64 KiB, past the parser's length and nesting limits, so deep nesting is reachable.
# Crashes are written to fuzz-crashes/; keep each one as a regression input under
# Tests/QKVerifyTests/FuzzInputs/ once it is fixed (FuzzRegressionTests replays them all).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh
export QKVERIFY_FUZZ=1
swift build -c release --scratch-path .build-fuzz --product qkverify-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
corpus=$(mktemp -d); trap 'rm -rf "$corpus"' EXIT
cp Tests/QKVerifyTests/FuzzInputs/* "$corpus"/
mkdir -p fuzz-crashes
.build-fuzz/release/qkverify-fuzz "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=5 \
  -rss_limit_mb=2048 -artifact_prefix=fuzz-crashes/ -print_final_stats=1
