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
# The same command twice into the same directory (the command, quoted in the report, names it).
"$bin" report "${grid[@]}" --out-dir "$work/a"
page=$work/a/REPORT.html
[ -s "$page" ] || fail "report wrote no REPORT.html"
cp "$page" "$work/first.html"
"$bin" report "${grid[@]}" --out-dir "$work/a"
cmp -s "$page" "$work/first.html" || fail "two runs of the same command wrote different REPORT.html"

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
grep -q '<math><mrow><mi>E</mi><mrow><mo stretchy="false">\[</mo><mi>T</mi>' "$page" || fail "the claim E[T] = d mu^2 is not MathML"
grep -q '<msqrt><mi>d</mi></msqrt>' "$page" || fail "sqrt(d) is not MathML"

# A copy of a page with a test-only script that measures it and posts the result to the frame around it.
probe_copy() {  # SOURCE DEST
  sed 's|</body>|<script>(function () {\
  const root = document.documentElement, width = root.clientWidth;\
  const figures = [...document.querySelectorAll("figure svg")].map(s => s.getBoundingClientRect());\
  const empty = figures.filter(r => r.width < 50 \|\| r.height < 50).length;\
  const maths = [...document.querySelectorAll("math")];\
  const flat = maths.filter(m => m.getBoundingClientRect().width === 0).length;\
  const wide = [...document.body.querySelectorAll("*")].filter(e => !e.closest(".table-wrap, pre, svg, math") \&\& e.getBoundingClientRect().right > width + 0.5).map(e => e.tagName + (e.className ? "." + e.className : "")).slice(0, 5);\
  parent.postMessage("PROBE scroll=" + root.scrollWidth + " client=" + width + " figures=" + figures.length + " empty=" + empty + " maths=" + maths.length + " flatmaths=" + flat + " wide=" + wide.join(",") + " END", "*");\
})();</script></body>|' "$1" > "$2"
  grep -q 'PROBE scroll=' "$2" || fail "could not make the probe page of $1"
}
# Headless Chromium lays a page out at least 500 px wide whatever --window-size says, so each width
# is an iframe of exactly that width (the report itself is loaded, script-free, for the screenshot
# and the console; the probe copy for the measurements, which the frame's page writes into its DOM).
frame() {  # PAGE WIDTH HEIGHT DEST [listen]
  local listen=""
  [ "${5:-}" = listen ] && listen='<script>addEventListener("message", e => { const p = document.createElement("pre"); p.textContent = e.data; document.body.appendChild(p); });</script>'
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">%s<iframe src="%s" style="display:block;border:0;width:%spx;height:%spx"></iframe></body></html>' \
    "$listen" "$(basename "$1")" "$2" "$3" > "$4"
}
measure() {  # PAGE WIDTH HEIGHT: prints the probe's line for PAGE at WIDTH
  local name=$(basename "$1" .html)
  probe_copy "$1" "$(dirname "$1")/$name-probe.html"
  frame "$(dirname "$1")/$name-probe.html" "$2" "$3" "$(dirname "$1")/$name-frame-$2.html" listen
  chrome --window-size="$(( $2 > 500 ? $2 : 500 )),$3" --virtual-time-budget=3000 --dump-dom "file://$(dirname "$1")/$name-frame-$2.html" 2> /dev/null \
    | grep -o 'PROBE scroll=[0-9][^<]* END' | tail -1 || true
}

chrome() { "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage "$@"; }

# The console detector must see a planted error, and the probe a planted overflow, or a clean result would mean nothing.
printf '<!DOCTYPE html><html><body><script>console.error("qk-planted-error"); undefined_function_qk();</script></body></html>' > "$work/planted.html"
chrome --enable-logging=stderr --v=0 --virtual-time-budget=2000 --dump-dom "file://$work/planted.html" > /dev/null 2> "$work/planted.log" || true
grep -q 'qk-planted-error' "$work/planted.log" && grep -q 'Uncaught' "$work/planted.log" \
  || { cat "$work/planted.log" >&2; fail "chromium's log does not show a planted console error: the console check would be blind"; }
printf '<!DOCTYPE html><html><body><p style="width:450px">wide</p></body></html>' > "$work/wide.html"
line=$(measure "$work/wide.html" 390 844)
[[ "$line" =~ scroll=([0-9]+)\ client=390\  ]] && [ "${BASH_REMATCH[1]}" -gt 390 ] \
  || fail "the probe does not see a planted overflow at 390 px ('$line'): the overflow check would be blind"

for size in 1280,900 390,844; do
  w=${size%,*} h=${size#*,}
  frame "$page" "$w" "$h" "$work/a/frame-$w.html"
  chrome --enable-logging=stderr --v=0 --window-size="$(( w > 500 ? w : 500 )),$h" --virtual-time-budget=3000 \
    --screenshot="$shots/shot-$w.png" "file://$work/a/frame-$w.html" > /dev/null 2> "$work/console-$w.log" || { cat "$work/console-$w.log" >&2; fail "chromium failed at width $w"; }
  [ -s "$shots/shot-$w.png" ] || fail "no screenshot at width $w"
  if grep -E 'CONSOLE|Uncaught' "$work/console-$w.log" >&2; then
    fail "console messages at width $w (above)"
  fi
  line=$(measure "$page" "$w" "$h")
  [ -n "$line" ] || fail "the probe page wrote no measurement at width $w"
  echo "test-html: width $w: $line"
  read -r scroll client figures empty nmath flat wide <<< "$(sed -E 's/PROBE scroll=([0-9]+) client=([0-9]+) figures=([0-9]+) empty=([0-9]+) maths=([0-9]+) flatmaths=([0-9]+) wide=(.*) END/\1 \2 \3 \4 \5 \6 \7/' <<< "$line")"
  [ "$client" -eq "$w" ] || fail "the page was laid out $client px wide, not $w"
  [ "$scroll" -le "$client" ] || fail "the page overflows horizontally at width $w: scrollWidth $scroll > $client (${wide:-})"
  [ "$figures" -eq "$svgs" ] || fail "$figures figures laid out at width $w, expected $svgs"
  [ "$empty" -eq 0 ] || fail "$empty figures are empty at width $w"
  [ "$flat" -eq 0 ] || fail "$flat MathML formulas have no width at width $w (MathML not rendered?)"
done
echo "test-html: REPORT.html ($(wc -c < "$page") bytes, $svgs inline figures, $maths formulas) renders at 1280 and 390 px: no console error, no horizontal overflow, no empty figure; the same bytes twice; screenshots in $shots"
