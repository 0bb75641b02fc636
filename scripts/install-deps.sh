#!/usr/bin/env bash
# Installs the system packages qkverify needs, only when they are missing.
#   scripts/install-deps.sh            GSL (libgsl-dev, pkg-config): enough to build and test
#   scripts/install-deps.sh gnuplot    also gnuplot-nox, for the figures
#   scripts/install-deps.sh bench      also GNU time, a C compiler and numpy, for scripts/bench.sh
set -euo pipefail

need=()
pkg-config --exists gsl 2>/dev/null || need+=(libgsl-dev pkg-config)
for extra in "$@"; do
  case "$extra" in
    gnuplot) command -v gnuplot >/dev/null 2>&1 || need+=(gnuplot-nox) ;;
    bench)
      [ -x /usr/bin/time ] || need+=(time)
      command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
      python3 -c "import numpy" >/dev/null 2>&1 || need+=(python3-numpy) ;;
    *) echo "install-deps.sh: unknown extra '$extra' (allowed: gnuplot, bench)" >&2; exit 64 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps.sh: need root or sudo to apt-get install ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps.sh: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
