#!/usr/bin/env bash
# The test suite: installs what is missing (libgsl-dev; gnuplot-nox for the figure tests), then runs swift test.
# Extra arguments go to swift test (e.g. scripts/test.sh --filter Moments).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gnuplot
exec swift test "$@"
