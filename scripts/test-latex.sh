#!/usr/bin/env bash
# The LaTeX tables compile and fit the page: writes tables.tex with 'report --format latex' on the
# default grid (with the default collapse, N = 16 to 65536: its 28-row table) and on three small
# ones (2,8,32; 16,64,256; 2,3,5 with means 0,1; their collapse at N = 16, 256, 4096, as
# N = 65536 costs a minute of the debug build's CPU a report), in a one- and a two-column article, and the table of 'moments --format latex', compiles each inside a minimal article with pdflatex, and fails
# on any error or overfull box. Installs texlive-latex-base and texlive-latex-recommended when
# missing; where it cannot, says SKIPPED and exits 0. Run by scripts/test.sh.
#   scripts/test-latex.sh [path/to/qkverify]      (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
skip() { echo "test-latex: SKIPPED: $*" >&2; exit 0; }
if ! command -v pdflatex >/dev/null 2>&1 || ! kpsewhich booktabs.sty >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo"; } || skip "pdflatex missing and no root or sudo to install it"
  echo "test-latex: installing texlive-latex-base texlive-latex-recommended" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      texlive-latex-base texlive-latex-recommended; } >&2 || skip "could not apt-get install TeX Live"
fi
bin=${1:-$PWD/.build/debug/qkverify}
[ -x "$bin" ] || swift build --product qkverify >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

check() {  # NAME GRID...: write tables.tex for this grid, compile it in a one- and a two-column
           # article, fail on errors and overfull boxes
  local name=$1; shift
  mkdir -p "$work/$name"
  "$bin" report "$@" --samples 1e4 --queries 200 --distribution-samples 2000 --format latex --quiet --out-dir "$work/$name"
  for columns in onecolumn twocolumn; do
    cat > "$work/$name/paper-$columns.tex" <<TEX
\\documentclass[$columns]{article}
\\usepackage{booktabs,dcolumn,array,amsmath}
\\begin{document}
\\input{tables.tex}
\\end{document}
TEX
    (cd "$work/$name" && pdflatex -interaction=nonstopmode -halt-on-error "paper-$columns.tex" > /dev/null 2>&1) \
      || { tail -30 "$work/$name/paper-$columns.log" >&2; echo "test-latex: $name: pdflatex failed ($columns)" >&2; exit 1; }
    if grep -n "Overfull\|Underfull \\\\hbox (badness 10000)" "$work/$name/paper-$columns.log" >&2; then
      echo "test-latex: $name: a table does not fit the page ($columns)" >&2; exit 1
    fi
  done
  echo "test-latex: $name grid: tables.tex compiles with pdflatex in a one- and a two-column article, no overfull box ($(grep -c 'begin{table' "$work/$name/tables.tex") tables)"
}
check default
check small --dims 2,8,32 --means 0,1 --sigmas 1 --collapse-keys 16,256,4096
check three --dims 16,64,256 --collapse-keys 16,256,4096
check odd --dims 2,3,5 --means 0,1 --collapse-keys 16,256,4096

# moments --format latex prints one table a paper can \input.
mkdir -p "$work/moments"
"$bin" moments --dims 1,16,256 --means 0,1 --sigmas 1 --samples 1e4 --quiet --out "$work/moments/m.csv" --format latex > "$work/moments/tables.tex"
cp "$work/default/paper-twocolumn.tex" "$work/moments/paper.tex"
(cd "$work/moments" && pdflatex -interaction=nonstopmode -halt-on-error paper.tex > /dev/null 2>&1) \
  || { tail -30 "$work/moments/paper.log" >&2; echo "test-latex: moments --format latex: pdflatex failed" >&2; exit 1; }
if grep -n "Overfull" "$work/moments/paper.log" >&2; then echo "test-latex: moments --format latex does not fit the page" >&2; exit 1; fi
echo "test-latex: moments --format latex compiles with pdflatex, no overfull box"
