#!/usr/bin/env bash
# A sharded qkverify run over several machines with GNU parallel and ssh, then a local merge.
#
#   scripts/cluster/parallel-ssh.sh HOSTS_FILE SHARDS [moments options...]
#   e.g. scripts/cluster/parallel-ssh.sh hosts.txt 8 --dims 1,2,4,8,16,32,64,128,256,512,1024 --samples 1e8
#
# HOSTS_FILE lists one ssh login a line (GNU parallel's --sshloginfile: 'user@host', '4/host' for
# 4 jobs there, or ':' for this machine). Each host needs qkverify built at the same path as here
# ($PWD/.build/release, or QKVERIFY_BIN). Parts come back with --return; a failed shard is retried
# (--retries 2) and resumes from its checkpoint on the host that runs it again. Parts go to
# $OUT/parts/ and the table to $OUT/moments.csv (OUT=results unless QKVERIFY_OUT says otherwise;
# a relative OUT is taken from the repository).
set -euo pipefail
hosts=${1:?usage: parallel-ssh.sh HOSTS_FILE SHARDS [moments options...]}
shards=${2:?usage: parallel-ssh.sh HOSTS_FILE SHARDS [moments options...]}
shift 2
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "parallel-ssh.sh: SHARDS must be a positive integer" >&2; exit 64; }
command -v parallel >/dev/null || { echo "parallel-ssh.sh: needs GNU parallel (apt-get install parallel)" >&2; exit 1; }
hosts=$(cd "$(dirname "$hosts")" && pwd)/$(basename "$hosts")
cd "$(dirname "$0")/../.."
bin=${QKVERIFY_BIN:-$PWD/.build/release/qkverify}
out=${QKVERIFY_OUT:-results}
mkdir -p "$out/parts"
args=$(printf '%q ' "$@")

seq 1 "$shards" | parallel --will-cite --sshloginfile "$hosts" --retries 2 --halt now,fail=1 \
  --workdir "$PWD" --return "$out/parts/shard-{}.part" --cleanup \
  "mkdir -p '$out/parts' && '$bin' moments $args --shard {}/$shards --out '$out/parts/shard-{}.part' --checkpoint '$out/parts/shard-{}.ckpt' --quiet"

"$bin" merge "$out"/parts/shard-*.part --out "$out/moments.csv" --controls "$out/controls.csv"
