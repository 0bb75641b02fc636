#!/usr/bin/env bash
# Builds a qkverify that runs on any x86_64 or aarch64 Linux with glibc: release, with the Swift
# runtime and Foundation linked statically (--static-swift-stdlib) and GSL linked from its static
# archives, in its own scratch path (.build-static), then strips it into dist/qkverify. It needs
# only glibc (libc, libm, ld-linux) and the C++ runtime (libstdc++, libgcc_s) at run time; the
# script prints the glibc version it needs (its highest GLIBC_x.y symbol version), which
# scripts/build-wheel.sh turns into the wheel's manylinux tag.
#
#   scripts/build-static.sh [OUT]      (default OUT: dist/qkverify)
#
# How GSL gets linked statically: the CGSL system-library target asks pkg-config for 'gsl', and the
# module map autolinks -lgsl -lgslcblas into every object, before any -Xlinker flag, so
# '-Xlinker -Bstatic -lgsl' comes too late. Instead PKG_CONFIG_PATH points SwiftPM at a gsl.pc
# whose -L names a folder holding only libgsl.a and libgslcblas.a; SwiftPM puts that -L before
# the system's, so every -lgsl finds the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
out=${1:-dist/qkverify}
scratch=.build-static
SECONDS=0

libdir=$(pkg-config --variable=libdir gsl)
for archive in libgsl.a libgslcblas.a; do
  [ -f "$libdir/$archive" ] || { echo "build-static: $libdir/$archive missing (libgsl-dev ships it)" >&2; exit 1; }
done
mkdir -p "$scratch/gsl-static/lib" "$scratch/gsl-static/pkgconfig"
ln -sf "$libdir/libgsl.a" "$libdir/libgslcblas.a" "$scratch/gsl-static/lib/"
cat > "$scratch/gsl-static/pkgconfig/gsl.pc" <<PC
Name: GSL
Description: GNU Scientific Library, linked from its static archives (written by scripts/build-static.sh)
Version: $(pkg-config --modversion gsl)
Libs: -L$PWD/$scratch/gsl-static/lib -lgsl -lgslcblas -lm
Cflags: $(pkg-config --cflags gsl)
PC

PKG_CONFIG_PATH=$PWD/$scratch/gsl-static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH} \
  swift build -c release --product qkverify --static-swift-stdlib --scratch-path "$scratch" >&2
built=$scratch/release/qkverify

# Refuse a binary that still needs a shared library beyond glibc and the C++ runtime.
needed=$(readelf -d "$built" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
extra=$(grep -vE '^(libc|libm|libpthread|libdl|librt|libstdc\+\+|libgcc_s)\.so\.[0-9]+$|^ld-linux-(x86-64|aarch64)\.so\.[0-9]+$' <<<"$needed" || true)
[ -z "$extra" ] || { echo "build-static: $built still needs $(echo $extra)" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
strip -o "$out.tmp" "$built"
mv -f "$out.tmp" "$out"
glibc=$(objdump -T "$out" | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1)
glibcxx=$(objdump -T "$out" | grep -o 'GLIBCXX_[0-9][0-9.]*' | sort -uV | tail -1)
size=$(stat -c %s "$out")
echo "build-static: $out ($((size / 1000000)) MB, stripped); needs glibc ${glibc#GLIBC_} ($glibc), libstdc++ $glibcxx; NEEDED: $(echo $needed) (${SECONDS} s)"
