#!/usr/bin/env bash
# The Python route, tested as a Python user gets it: builds the static binary (scripts/build-static.sh)
# and checks that it needs nothing beyond glibc and the C++ runtime (ldd, readelf -d) and runs
# outside the repository with an empty environment, and in a chroot holding only it and the
# libraries ldd lists; builds the wheel (scripts/build-wheel.sh) and has auditwheel confirm its
# manylinux tag; type-checks the package (mypy --strict); installs the wheel into a fresh virtual
# environment and runs python/tests with pytest there, which also executes examples/sqrt_d.ipynb with
# nbclient. Installs python3-venv with apt-get when venv is missing, and the Python packages from
# PyPI into virtual environments under a temporary folder; says SKIPPED and exits 0 where it cannot
# (no python3 venv, no PyPI). Ends with 'python: N passed, N failed' (the shell checks here and
# pytest's tests); exits non-zero on any failure. Run by scripts/test.sh.
#   scripts/test-python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
skip() { echo "test-python: SKIPPED: $*" >&2; exit 0; }
say() { echo "test-python: $*"; }
SECONDS=0
unset QKVERIFY_BINARY
work=$(mktemp -d /tmp/qkverify-python.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Python with venv (Debian's python3 needs python3-venv for ensurepip).
venv() { python3 -m venv "$1" >/dev/null 2>&1; }
if ! command -v python3 >/dev/null 2>&1 || ! venv "$work/probe-venv"; then
  sudo=""; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo"; } || skip "python3 with venv missing and no root or sudo to install it"
  echo "test-python: installing python3 python3-venv" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      python3 python3-venv; } >&2 || skip "could not apt-get install python3-venv"
  rm -rf "$work/probe-venv"
  venv "$work/probe-venv" || skip "python3 -m venv fails even with python3-venv installed"
fi
rm -rf "$work/probe-venv"
venv "$work/tools"
timeout 60 "$work/tools/bin/pip" download -q --no-deps -d "$work/probe" tqdm >/dev/null 2>&1 \
  || skip "PyPI is not reachable (pip download tqdm failed within 60 s)"
python=$(python3 -c 'import sys; print(sys.executable)')
say "Python $(python3 -c 'import platform; print(platform.python_version())') ($python); installing build, setuptools, wheel, auditwheel, mypy into a tools venv"
"$work/tools/bin/pip" install -q -U build setuptools wheel auditwheel mypy pandas-stubs types-tqdm >&2

checks=0
passed() { checks=$((checks + 1)); say "ok: $*"; }

# 1. The static binary.
t0=$SECONDS
scripts/build-static.sh dist/qkverify
static_seconds=$((SECONDS - t0))
bin=$repo/dist/qkverify

allowed='^(libc|libm|libpthread|libdl|librt|libstdc\+\+|libgcc_s)\.so\.[0-9]+$|^ld-linux-(x86-64|aarch64)\.so\.[0-9]+$'
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || { echo "test-python: readelf -d lists no NEEDED library: not a dynamic executable?" >&2; exit 1; }
if grep -vE "$allowed" <<<"$needed" >&2; then echo "test-python: $bin needs the libraries above (readelf -d)" >&2; exit 1; fi
ldd_out=$(ldd "$bin")
if grep -iE 'not found|gsl|swift|Foundation|icu|dispatch|BlocksRuntime' <<<"$ldd_out" >&2; then
  echo "test-python: $bin loads the libraries above (ldd)" >&2; exit 1
fi
resolved=$(awk '/=>/ { print $1; next } /ld-linux/ { sub(".*/", "", $1); print $1 }' <<<"$ldd_out")
if grep -vE "$allowed" <<<"$resolved" >&2; then echo "test-python: ldd resolves the libraries above" >&2; exit 1; fi
passed "dist/qkverify needs only $(echo $needed) (readelf -d and ldd: no GSL, Swift or Foundation library)"

mkdir "$work/run"
cp "$bin" "$work/run/qkverify"
(cd "$work/run" && env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= ./qkverify moments --dims 1,4 --means 0 --sigmas 1 \
   --samples 2e4 --out m.csv --quiet)
check_csv() {  # FILE: the moments table of --dims 1,4 --means 0 --sigmas 1 --samples 2e4
  [ "$(head -c 12 "$1")" = "d,mu,sigma,l" ] && [ "$(wc -l < "$1")" -eq 3 ] \
    && awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
                { if ($col["verdict"] != "pass" || $col["samples"] != 20000 || $col["var_theory"] != $col["d"]) exit 1 }' "$1" \
    || { echo "test-python: $1 is not the expected moments table:" >&2; cat "$1" >&2; exit 1; }
}
check_csv "$work/run/m.csv"
passed "runs from $work/run with env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= and writes the moments table"

# A chroot with only the binary and the libraries ldd lists: nothing else on the system is used.
# /proc is bind-mounted inside a private mount namespace (the Swift runtime reads its arguments there).
if [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
  jail=$work/jail
  mkdir -p "$jail/work" "$jail/proc"
  cp "$bin" "$jail/qkverify"
  for lib in $(grep -o '/[^ ]*' <<<"$ldd_out"); do mkdir -p "$jail$(dirname "$lib")"; cp -L "$lib" "$jail$lib"; done
  env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin unshare --mount sh -c \
    'mount --bind /proc "$1/proc" && chroot "$1" /qkverify moments --dims 1,4 --means 0 --sigmas 1 --samples 2e4 --out /work/m.csv --quiet' \
    sh "$jail"
  check_csv "$jail/work/m.csv"
  passed "runs in a chroot holding only the binary and $(find "$jail" -name '*.so*' | wc -l) libraries"
else
  say "SKIPPED: the chroot check (needs root and unshare --mount)"
fi

# 2. The wheel.
t0=$SECONDS
wheel=$(PYTHON=$work/tools/bin/python scripts/build-wheel.sh "$bin" | tail -1)
wheel_seconds=$((SECONDS - t0))
tag=$(basename "$wheel" .whl); tag=${tag#*-*-py3-none-}
audit=$("$work/tools/bin/auditwheel" show "$wheel" 2>&1)
tr '\n' ' ' <<<"$audit" | grep -q "is consistent with the following platform tag: \"$tag\"" \
  || { echo "$audit" >&2; echo "test-python: auditwheel does not find $(basename "$wheel") consistent with $tag" >&2; exit 1; }
passed "$(basename "$wheel"): auditwheel show finds it consistent with $tag"
(cd python && "$work/tools/bin/mypy" --strict --no-incremental --cache-dir=/dev/null qkverify)
passed "mypy --strict python/qkverify"

# 3. The wheel installed in a fresh venv; its tests and the notebook, run from outside the repository.
venv "$work/test"
say "installing the wheel, pytest, matplotlib, nbclient, nbformat, ipykernel into a fresh venv"
"$work/test/bin/pip" install -q "$wheel" pytest matplotlib nbclient nbformat ipykernel >&2
status=0
(cd "$work" && PATH=$work/test/bin:$PATH QKVERIFY_TEST_INSTALLED=1 \
  PYTHONDONTWRITEBYTECODE=1 timeout -k 10 900 "$work/test/bin/python" -m pytest -p no:cacheprovider -o junit_family=xunit2 --junitxml="$work/junit.xml" \
  --rootdir="$repo/python" "$repo/python/tests" -v) || status=$?
read -r tests failures errors skipped < <(python3 - "$work/junit.xml" <<'PY' 2>/dev/null || echo "0 0 1 0"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
print(*(suite.get(key, "0") for key in ("tests", "failures", "errors", "skipped")))
PY
)
failed=$((failures + errors))
say "build-static ${static_seconds} s, build-wheel ${wheel_seconds} s, whole suite ${SECONDS} s; $skipped pytest tests skipped"
echo "python: $((checks + tests - failed - skipped)) passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
