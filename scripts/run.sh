#!/usr/bin/env bash
# The default verification: installs what is missing, builds in release mode, and writes results/.
# Extra arguments go to the qkverify command (e.g. scripts/run.sh --threads 1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product qkverify >&2
exec .build/release/qkverify moments --controls results/controls.csv "$@"
