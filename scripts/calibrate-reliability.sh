#!/usr/bin/env bash
# The reliability rule right at both ends (issue 25 item 4): the null distribution of z measured
# over seeds 1..R (default 4000) in three cells of the seed model, each a test the rule decides:
#   - the skewness test at mu = 1, d = 1, 3 x 10^4 samples: made since the rule counts the
#     estimator's curvature (sampling skewness 0.087; it said 0.132 and refused, needing 52,510);
#   - the kurtosis test at mu = 0, d = 16, 10^5 samples: made (sampling skewness 0.095);
#   - the kurtosis test at mu = 0, d = 1, 10^5 samples: refused (sampling skewness 0.46, needs
#     2.15 x 10^6 samples).
# A made test must hold its level: two-sided rejections at 0.01 and each tail at 0.005 within 3 sd
# of their binomial expectation. A refused test's z must be measurably skewed, or the refusal
# would cost power for nothing: beyond +-1.96, more in the upper tail than the lower by over 3 sd
# of the difference. Fails (exit 1) otherwise. About 2-4 minutes on 2 cores. Run by scripts/test.sh.
#   scripts/calibrate-reliability.sh [RUNS=4000]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-4000}
scripts/install-deps.sh
swift build -c release --product qkverify >&2
q=.build/release/qkverify
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

draw() {  # OUT ARGS...: the moments table of seeds 1..runs, header once
  local out=$1; shift
  "$q" moments "$@" --seed 1 --threads 1 --format csv --quiet --out /dev/null | head -1 > "$out"
  seq 1 "$runs" | xargs -P "$(nproc)" -I{} sh -c '"$0" moments "$@" --seed {} --threads 1 --format csv --quiet --out /dev/null | tail -n +2' "$q" "$@" >> "$out"
}
draw "$work/skew.csv" --dims 1 --means 1 --sigmas 1 --samples 3e4
draw "$work/kurt.csv" --dims 1,16 --means 0 --sigmas 1 --samples 1e5

judge() {  # FILE STATISTIC D EXPECT(made|refused) NAME
  awk -F, -v stat="$2" -v d="$3" -v expect="$4" -v name="$5" -v runs="$runs" '
    { sub(/\r$/, "") }  # the table is RFC 4180 CSV: CRLF line ends
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["d"] == d {
      z = $col[stat "_z"] + 0; n++
      if (z < -2.5758) low++; if (z > 2.5758) high++
      if (z < -1.96) low5++; if (z > 1.96) high5++
      untested = untested || index($col["untested"], stat) > 0
    }
    END {
      two = low + high; e2 = n * 0.01; e1 = n * 0.005
      bound2 = e2 + 3 * sqrt(e2); bound1 = e1 + 3 * sqrt(e1)
      asym = high5 - low5; sd = sqrt(high5 + low5)
      if (expect == "made") {
        bad = n != runs || untested || two > bound2 || low > bound1 || high > bound1
        printf "%-58s made:    %5d runs, %3d rejected at 0.01 (at most %.0f), tails at 0.005 %3d low %3d high (at most %.0f) %s\n",
               name, n, two, bound2, low, high, bound1, bad ? "FAIL" : "ok"
      } else {
        bad = n != runs || !untested || asym <= 3 * sd
        printf "%-58s refused: %5d runs, beyond 1.96: %3d low %3d high (difference %d, 3 sd %.0f) %s\n",
               name, n, low5, high5, asym, 3 * sd, bad ? "FAIL" : "ok"
      }
      exit bad
    }' "$1"
}
status=0
judge "$work/skew.csv" skew 1 made "skewness, mu = 1, d = 1, 3e4 samples (skewness 0.087)" || status=1
judge "$work/kurt.csv" kurt 16 made "kurtosis, mu = 0, d = 16, 1e5 samples (skewness 0.095)" || status=1
judge "$work/kurt.csv" kurt 1 refused "kurtosis, mu = 0, d = 1, 1e5 samples (skewness 0.46)" || status=1
exit $status
