#!/usr/bin/env bash
# The distributed path on a real Slurm: starts a single-node cluster on this machine (munged,
# slurmctld and slurmd, as root, everything under a temporary directory), submits a sharded run
# through scripts/cluster/slurm-array.sh, waits for the dependent merge, and compares the table byte
# for byte with an unsharded run. Then requeues a shard mid-run (scontrol requeue: SIGTERM, then the
# task runs again) and checks that it resumed from its checkpoint and still merges to the same
# bytes. Then the same sharded run through scripts/cluster/parallel-ssh.sh with GNU parallel's
# local sshlogin (':'). Stops exactly the daemons it started, by the pids in their pid files.
#
#   scripts/test-cluster.sh [path/to/qkverify]      (default: the debug build)
#
# Needs root (or passwordless sudo for apt-get) to install slurm-wlm, munge and parallel when
# missing; where it cannot, it says so and exits 0 without testing ("SKIPPED").
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
skip() { echo "test-cluster: SKIPPED: $*" >&2; exit 0; }

[ "$(id -u)" -eq 0 ] || skip "the single-node cluster runs its daemons as root; run as root"
missing=()
for tool in slurmctld:slurm-wlm munged:munge parallel:parallel; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-cluster: installing ${missing[*]}" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2 \
    || skip "could not apt-get install ${missing[*]}"
fi
bin=${1:-$repo/.build/debug/qkverify}
[ -x "$bin" ] || swift build --product qkverify >/dev/null
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d /tmp/qkverify-cluster.XXXXXX)
chmod 755 "$work"
pids=()
stop_daemons() {
  for pidfile in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munged.pid; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
cleanup() { stop_daemons; rm -rf "$work"; }
trap cleanup EXIT

# munge, with its own key, socket and pid file.
mkdir -p "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" \
  || skip "munged does not start here (see $work/munge/munged.log)"

# A minimal slurm.conf: this host, its cores, no cgroups.
host=$(hostname -s)
cpus=$(nproc)
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/state" "$work/spool" "$work/log"
cat > "$work/slurm.conf" <<CONF
ClusterName=qkverify-test
SlurmctldHost=$host
SlurmUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=30
MpiDefault=none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -f "$SLURM_CONF" || skip "slurmctld does not start here (see $work/log/slurmctld.log)"
slurmd -f "$SLURM_CONF" || skip "slurmd does not start here (see $work/log/slurmd.log)"
for _ in $(seq 1 100); do
  sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix)' && break
  sleep 0.2
done
sinfo -h -o %t | grep -qE '^(idle|mix)' || { cat "$work/log/slurmd.log" >&2; echo "test-cluster: the node never became idle" >&2; exit 1; }

# wait_job ID: waits until job ID (and every task of it) has left the queue.
wait_job() {
  for _ in $(seq 1 1200); do
    [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && return 0
    sleep 0.25
  done
  echo "test-cluster: job $1 did not finish in 5 minutes" >&2; squeue >&2; exit 1
}

grid=(--dims 1,4,16 --means 0,1 --sigmas 1 --samples 200000 --block-size 1000)
"$bin" moments "${grid[@]}" --quiet --out "$work/reference.csv" --controls "$work/reference-controls.csv"

# 1. Four shards as a Slurm array, merged by a dependent job.
merge_job=$(QKVERIFY_BIN=$bin QKVERIFY_OUT=$work/slurm CPUS_PER_TASK=1 scripts/cluster/slurm-array.sh 4 "${grid[@]}")
wait_job "$merge_job"
cmp "$work/reference.csv" "$work/slurm/moments.csv"
cmp "$work/reference-controls.csv" "$work/slurm/controls.csv"
echo "test-cluster: a 4-shard Slurm array and its merge job give the unsharded table byte for byte" >&2

# 2. A shard requeued mid-run resumes from its checkpoint.
long=(--dims 64 --means 0,1 --sigmas 1 --samples 4000000 --block-size 2000)
"$bin" moments "${long[@]}" --quiet --out "$work/long-reference.csv"
merge_job=$(QKVERIFY_BIN=$bin QKVERIFY_OUT=$work/requeue CPUS_PER_TASK=1 scripts/cluster/slurm-array.sh 2 "${long[@]}" --checkpoint-every 0.2)
array_job=$((merge_job - 1))
for _ in $(seq 1 400); do [ -s "$work/requeue/parts/shard-1.ckpt" ] && break; sleep 0.05; done
[ -s "$work/requeue/parts/shard-1.ckpt" ] || { echo "test-cluster: shard 1 never saved a checkpoint" >&2; exit 1; }
scontrol requeue "${array_job}_1"
wait_job "$merge_job"
grep -q "resuming from $work/requeue/parts/shard-1.ckpt" "$work/requeue/logs/shard-1.log" \
  || { cat "$work/requeue/logs/shard-1.log" >&2; echo "test-cluster: the requeued shard did not resume from its checkpoint" >&2; exit 1; }
grep -q "interrupted; saved" "$work/requeue/logs/shard-1.log"
cmp "$work/long-reference.csv" "$work/requeue/moments.csv"
echo "test-cluster: a shard requeued mid-run saved its checkpoint on SIGTERM, resumed from it, and the merge is byte-identical" >&2

# 3. The same sharded run with GNU parallel on this machine's local sshlogin.
echo ":" > "$work/hosts"
QKVERIFY_BIN=$bin QKVERIFY_OUT=$work/parallel scripts/cluster/parallel-ssh.sh "$work/hosts" 3 "${grid[@]}" 2>"$work/parallel.log" \
  || { cat "$work/parallel.log" >&2; exit 1; }
cmp "$work/reference.csv" "$work/parallel/moments.csv"
cmp "$work/reference-controls.csv" "$work/parallel/controls.csv"
echo "test-cluster: 3 shards through parallel-ssh.sh (local sshlogin) give the unsharded table byte for byte" >&2

stop_daemons
for pidfile in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munged.pid; do
  [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && { echo "test-cluster: $pidfile still running" >&2; exit 1; }
done
echo "test-cluster: passed; stopped the 3 daemons it started"
