#!/usr/bin/env bash
# A sharded qkverify run over several machines with GNU parallel and ssh, then a local merge.
#
#   scripts/cluster/parallel-ssh.sh HOSTS_FILE SHARDS [moments options...]
#   e.g. scripts/cluster/parallel-ssh.sh hosts.txt 8 --dims 1,2,4,...,1024 --samples 1e8
#
# HOSTS_FILE lists one ssh login a line (GNU parallel's --sshloginfile: 'user@host' or '4/host' for
# 4 jobs there). Each host needs qkverify built at the same path as here ($PWD/.build/release).
# Parts come back with --return; a failed shard is retried (--retries 2) and resumes from its
# checkpoint on the host that runs it again.
set -euo pipefail
hosts=${1:?usage: parallel-ssh.sh HOSTS_FILE SHARDS [moments options...]}
shards=${2:?usage: parallel-ssh.sh HOSTS_FILE SHARDS [moments options...]}
shift 2
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "parallel-ssh.sh: SHARDS must be a positive integer" >&2; exit 64; }
command -v parallel >/dev/null || { echo "parallel-ssh.sh: needs GNU parallel (apt-get install parallel)" >&2; exit 1; }
cd "$(dirname "$0")/../.."
bin="$PWD/.build/release/qkverify"
mkdir -p results/parts
args=$(printf '%q ' "$@")

seq 1 "$shards" | parallel --sshloginfile "$hosts" --retries 2 --halt now,fail=1 \
  --workdir "$PWD" --return "results/parts/shard-{}.part" --cleanup \
  "mkdir -p results/parts && '$bin' moments $args --shard {}/$shards --out results/parts/shard-{}.part --checkpoint results/parts/shard-{}.ckpt --quiet"

"$bin" merge results/parts/shard-*.part --out results/moments.csv --controls results/controls.csv
