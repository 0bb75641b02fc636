#!/usr/bin/env bash
# REPORT.html in a real browser: writes a small report into a temporary directory, checks the page
# is self-contained (no script, no <img>, no network reference, every SVG the report wrote inline,
# MathML present), writes it twice to check the bytes are the same, then opens it in headless
# Chromium at 1280x900 and 390x844 and fails on a console error, on horizontal overflow (measured
# in a copy of the page that carries a small test-only script; the report itself has none), or on a
# missing or empty figure. Installs Debian's chromium when missing (as root, or through sudo); where
# it cannot, prints SKIPPED and exits 0. Run by scripts/test.sh.
#   scripts/test-html.sh [path/to/qkverify]     (default: the debug build)
#   QKVERIFY_HTML_SHOTS=DIR keeps the screenshots (shot-1280.png, shot-390.png) in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
skip() { echo "SKIPPED: test-html: $*"; exit 0; }
fail() { echo "test-html: FAILED: $*" >&2; exit 1; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo"; } || skip "chromium missing and no root or sudo to install it"
  echo "test-html: installing chromium" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >&2 \
    || skip "could not apt-get install chromium"
  browser=$(command -v chromium || true)
  [ -n "$browser" ] || skip "chromium was installed but is not on PATH"
fi
scripts/install-deps.sh gnuplot
bin=${1:-$PWD/.build/debug/qkverify}
[ -x "$bin" ] || swift build --product qkverify >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
shots=${QKVERIFY_HTML_SHOTS:-$work/shots}; mkdir -p "$shots"

grid=(--dims 4,16,64 --means 0,1 --sigmas 1 --samples 1e4 --queries 200 --distribution-samples 2000 --collapse-keys 16,256 --quiet)
"$bin" report "${grid[@]}" --out-dir "$work/a"
"$bin" report "${grid[@]}" --out-dir "$work/b"
page=$work/a/REPORT.html
[ -s "$page" ] || fail "report wrote no REPORT.html"
cmp -s "$page" "$work/b/REPORT.html" || fail "two runs of the same command wrote different REPORT.html"

# Self-contained: the figures the report drew are inline, and nothing is fetched or run.
svgs=$(ls "$work/a"/*.svg | wc -l)
[ "$svgs" -gt 0 ] || fail "the report drew no SVG figure"
for f in "$work/a"/*.svg; do [ -s "$f" ] || fail "$(basename "$f") is empty"; done
inline=$(grep -o '<svg ' "$page" | wc -l)
[ "$inline" -eq "$svgs" ] || fail "REPORT.html inlines $inline SVGs, the report wrote $svgs"
! grep -q 'Figure missing' "$page" || fail "REPORT.html says a figure is missing"
! grep -qi '<script\|<img\|<link\|<iframe\|@import\| src=' "$page" || fail "REPORT.html has a script, an image link or an external resource"
! grep -o '\(href\|url\)[=(]["'"'"']\?[a-z]*:' "$page" | grep -v 'xmlns' | grep -q . || fail "REPORT.html refers to a URL"
maths=$(grep -o '<math>' "$page" | wc -l)
[ "$maths" -gt 0 ] || fail "REPORT.html has no MathML"
grep -q '<math><mi>E</mi><mo>\[</mo><mi>T</mi><mo>\]</mo><mo>=</mo>' "$page" || fail "the claim E[T] = d mu^2 is not MathML"

# A copy of the page with a test-only script writing its measurements into the DOM.
probe=$work/a/probe.html
sed 's|</body>|<script>(function () {\
  const root = document.documentElement, width = root.clientWidth;\
  const figures = [...document.querySelectorAll("figure svg")].map(s => s.getBoundingClientRect());\
  const empty = figures.filter(r => r.width < 50 \|\| r.height < 50).length;\
  const maths = [...document.querySelectorAll("math")];\
  const flat = maths.filter(m => m.getBoundingClientRect().width === 0).length;\
  const wide = [...document.body.querySelectorAll("*")].filter(e => !e.closest(".table-wrap, pre, svg, math") \&\& e.getBoundingClientRect().right > width + 0.5).map(e => e.tagName + (e.className ? "." + e.className : "")).slice(0, 5);\
  const out = document.createElement("pre"); out.id = "qk-probe";\
  out.textContent = "PROBE scroll=" + root.scrollWidth + " client=" + width + " figures=" + figures.length + " empty=" + empty + " maths=" + maths.length + " flatmaths=" + flat + " wide=" + wide.join(",") + " END";\
  document.body.appendChild(out);\
})();</script></body>|' "$page" > "$probe"
grep -q 'qk-probe' "$probe" || fail "could not make the probe page"

chrome() { "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage "$@"; }

# The console detector must see a planted error, or a clean result would mean nothing.
printf '<!DOCTYPE html><html><body><script>console.error("qk-planted-error"); undefined_function_qk();</script></body></html>' > "$work/planted.html"
chrome --enable-logging=stderr --v=0 --virtual-time-budget=2000 --dump-dom "file://$work/planted.html" > /dev/null 2> "$work/planted.log" || true
grep -q 'qk-planted-error' "$work/planted.log" && grep -q 'Uncaught' "$work/planted.log" \
  || { cat "$work/planted.log" >&2; fail "chromium's log does not show a planted console error: the console check would be blind"; }

for size in 1280,900 390,844; do
  w=${size%,*}
  chrome --enable-logging=stderr --v=0 --window-size="$size" --virtual-time-budget=3000 \
    --screenshot="$shots/shot-$w.png" "file://$page" > /dev/null 2> "$work/console-$w.log" || { cat "$work/console-$w.log" >&2; fail "chromium failed at width $w"; }
  [ -s "$shots/shot-$w.png" ] || fail "no screenshot at width $w"
  if grep -E 'CONSOLE|Uncaught|console' "$work/console-$w.log" | grep -v 'qk-probe' >&2; then
    fail "console messages at width $w (above)"
  fi
  chrome --window-size="$size" --virtual-time-budget=3000 --dump-dom "file://$probe" 2> /dev/null > "$work/dom-$w.html" || fail "chromium could not load the probe page at width $w"
  line=$(grep -o 'PROBE [^<]* END' "$work/dom-$w.html" || true)
  [ -n "$line" ] || fail "the probe page wrote no measurement at width $w"
  echo "test-html: width $w: $line"
  read -r scroll client figures empty nmath flat wide <<< "$(sed -E 's/PROBE scroll=([0-9]+) client=([0-9]+) figures=([0-9]+) empty=([0-9]+) maths=([0-9]+) flatmaths=([0-9]+) wide=(.*) END/\1 \2 \3 \4 \5 \6 \7/' <<< "$line")"
  [ "$scroll" -le "$client" ] || fail "the page overflows horizontally at width $w: scrollWidth $scroll > $client (${wide:-})"
  [ "$figures" -eq "$svgs" ] || fail "$figures figures laid out at width $w, expected $svgs"
  [ "$empty" -eq 0 ] || fail "$empty figures are empty at width $w"
  [ "$flat" -eq 0 ] || fail "$flat MathML formulas have no width at width $w (MathML not rendered?)"
done
echo "test-html: REPORT.html ($(wc -c < "$page") bytes, $svgs inline figures, $maths formulas) renders at 1280 and 390 px: no console error, no horizontal overflow, no empty figure; the same bytes twice; screenshots in $shots"
