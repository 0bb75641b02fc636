#!/usr/bin/env bash
# Runs every command of scripts/golden/commands.txt with two qkverify binaries, each in an empty
# directory, and compares what they print (stdout, stderr, exit status) and every file they write.
# For refactors that must not change output: prints one line per command that differs, exits 1 if any.
#   scripts/compare-outputs.sh OLD_BINARY NEW_BINARY [COMMANDS_FILE]
# Figures' PNG/PDF bytes depend on gnuplot, not on qkverify; they are compared like any other file.
set -uo pipefail
old=$(realpath "$1"); new=$(realpath "$2")
list=${3:-"$(dirname "$0")/golden/commands.txt"}
# KEEP=DIR keeps both sides' outputs in DIR (old/N, new/N, old.N.out, ...) for a closer look.
if [ -n "${KEEP:-}" ]; then work=$KEEP; rm -rf "$work"; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
n=0; differ=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  for side in old new; do
    dir="$work/$side/$n"; mkdir -p "$dir"
    bin=$old; [ "$side" = new ] && bin=$new
    (cd "$dir" && Q="$bin" bash -c "${line//\$Q/\$Q}" >"$work/$side.$n.out" 2>"$work/$side.$n.err" </dev/null; echo $? >"$work/$side.$n.rc")
    # The binary's own path appears in some messages; name it alike on both sides.
    sed -i "s#$bin#QKVERIFY#g" "$work/$side.$n.out" "$work/$side.$n.err"
  done
  why=()
  cmp -s "$work/old.$n.out" "$work/new.$n.out" || why+=(stdout)
  cmp -s "$work/old.$n.err" "$work/new.$n.err" || why+=(stderr)
  cmp -s "$work/old.$n.rc" "$work/new.$n.rc" || why+=("exit $(cat "$work/old.$n.rc")->$(cat "$work/new.$n.rc")")
  diff -rq "$work/old/$n" "$work/new/$n" >/dev/null 2>&1 || why+=("files: $(diff -rq "$work/old/$n" "$work/new/$n" 2>&1 | sed "s#$work/old/$n/##; s#$work/new/$n/##" | tr '\n' ';')")
  if [ ${#why[@]} -gt 0 ]; then
    differ=$((differ + 1))
    echo "DIFFERS #$n ${why[*]}: $line"
    [ -n "${SHOW_DIFF:-}" ] && { diff "$work/old.$n.out" "$work/new.$n.out" | head -20; diff "$work/old.$n.err" "$work/new.$n.err" | head -10; }
  fi
done < "$list"
echo "compare-outputs: $n commands, $differ differ"
[ "$differ" -eq 0 ]
