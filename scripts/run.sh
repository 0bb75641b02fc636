#!/usr/bin/env bash
# The default verification: installs what is missing (libgsl-dev, gnuplot-nox), builds in release
# mode, and runs the whole suite into results/: tables, figures and REPORT.md.
# Extra arguments go to 'qkverify report' (e.g. scripts/run.sh --format latex).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gnuplot
swift build -c release --product qkverify >&2
exec .build/release/qkverify report "$@"
