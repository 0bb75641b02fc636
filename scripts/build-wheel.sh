#!/usr/bin/env bash
# Builds the Python wheel dist/qkverify-VERSION-py3-none-manylinux_X_Y_ARCH.whl: the package in
# python/ with the static binary as package data (qkverify/bin/qkverify, mode 755). The package is
# pure Python, hence py3-none; the platform tag is the binary's: manylinux_X_Y for the highest
# GLIBC_X.Y symbol version it needs, and its machine. VERSION is the binary's --version. Prints
# the wheel's path on its last line.
#
#   scripts/build-wheel.sh [BINARY]     (default: dist/qkverify, built by scripts/build-static.sh if missing)
#
# Builds offline with setuptools (no build isolation) using $PYTHON (default python3) when it has
# build, setuptools and wheel; otherwise in a virtual environment .build-wheel/venv, installing
# them from PyPI once.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-dist/qkverify}
if [ ! -x "$bin" ]; then
  [ $# -eq 0 ] || { echo "build-wheel: $bin is not an executable" >&2; exit 1; }
  scripts/build-static.sh "$bin" >&2
fi
SECONDS=0

glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1)
[ -n "$glibc" ] || { echo "build-wheel: $bin names no GLIBC_ symbol version (is it a dynamic glibc executable?)" >&2; exit 1; }
glibc=${glibc#GLIBC_}
case "$(readelf -h "$bin" | sed -n 's/^ *Machine: *//p')" in
  *X86-64*) arch=x86_64 ;;
  *AArch64*) arch=aarch64 ;;
  *) echo "build-wheel: $bin is for a machine without a manylinux tag here" >&2; exit 1 ;;
esac
platform=manylinux_${glibc%%.*}_${glibc#*.}_$arch
version=$("$bin" --version)

stage=.build-wheel/src
rm -rf "$stage"
mkdir -p "$stage/qkverify/bin"
cp python/pyproject.toml python/README.md "$stage/"
find python/qkverify -maxdepth 1 -type f \( -name '*.py' -o -name py.typed \) -exec cp {} "$stage/qkverify/" \;
printf '"""The package'"'"'s version: the packaged binary'"'"'s `qkverify --version`."""\n\n__version__ = "%s"\n' "$version" \
  > "$stage/qkverify/_version.py"
install -m 755 "$bin" "$stage/qkverify/bin/qkverify"
printf '[bdist_wheel]\nplat_name = %s\n' "$platform" > "$stage/setup.cfg"   # pure Python, so py3-none; the platform is the binary's

python=${PYTHON:-python3}
if ! "$python" -c 'import build, setuptools, wheel' 2>/dev/null; then
  if [ ! -x .build-wheel/venv/bin/python ]; then
    echo "build-wheel: installing build, setuptools and wheel into .build-wheel/venv" >&2
    "$python" -m venv .build-wheel/venv >&2
    .build-wheel/venv/bin/pip install -q -U build setuptools wheel >&2
  fi
  python=.build-wheel/venv/bin/python
fi
mkdir -p dist
rm -f dist/qkverify-*.whl
"$python" -m build --wheel --no-isolation --outdir dist "$stage" >&2
wheel=$(ls dist/qkverify-*.whl)
[ "$(basename "$wheel")" = "qkverify-$version-py3-none-$platform.whl" ] \
  || { echo "build-wheel: built $wheel, expected qkverify-$version-py3-none-$platform.whl" >&2; exit 1; }
echo "build-wheel: glibc $glibc -> tag py3-none-$platform; $(($(stat -c %s "$wheel") / 1000000)) MB (${SECONDS} s)" >&2
echo "$wheel"
