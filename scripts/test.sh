#!/usr/bin/env bash
# The test suite: installs what is missing (libgsl-dev; gnuplot-nox for the figure tests), runs swift
# test, then the suites that drive the built binary as a user would: 1000 shards on one machine
# (scripts/test-shards.sh), the variance z's level over 20,000 seeds in two skewed cells
# (scripts/calibrate-variance.sh, about 7 minutes on 2 cores), the reliability rule at both ends
# over 4000 seeds (scripts/calibrate-reliability.sh, about 3 minutes), the attention tests' false-failure
# rates over 100 and 1000 seeds (scripts/calibrate-softmax.sh, about 3 to 5 minutes), the LaTeX tables compiled with pdflatex (scripts/test-latex.sh, which
# installs TeX Live's base and recommended sets), a real single-node Slurm cluster plus GNU
# parallel (scripts/test-cluster.sh, which installs slurm-wlm, munge and parallel), every accepted
# generator at 3 x 10^7 samples with distinct block streams (scripts/test-generators.sh, a release
# build, about 3 minutes) and the Python route (scripts/test-python.sh: the static binary, the
# wheel, its pytest suite and the notebook). The last four say SKIPPED where they cannot run. Extra arguments go to swift test (e.g. scripts/test.sh --filter Moments) and skip the
# other suites.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gnuplot
swift test "$@"
if [ $# -gt 0 ]; then
  echo "test.sh: arguments given to swift test; skipping scripts/test-shards.sh, calibrate-variance.sh, calibrate-reliability.sh, calibrate-softmax.sh, test-latex.sh, test-cluster.sh, test-generators.sh and test-python.sh" >&2
  exit 0
fi
scripts/test-shards.sh
scripts/calibrate-variance.sh
scripts/calibrate-reliability.sh
scripts/calibrate-softmax.sh
scripts/test-latex.sh
scripts/test-cluster.sh
scripts/test-generators.sh
scripts/test-python.sh
scripts/test-html.sh
