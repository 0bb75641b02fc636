#!/usr/bin/env bash
# A sharded qkverify run on a Slurm cluster: one array task per shard, then a dependent merge job.
#
#   scripts/cluster/slurm-array.sh SHARDS [moments options...]
#   e.g. scripts/cluster/slurm-array.sh 16 --dims 1,2,4,8,16,32,64,128,256,512 --samples 1e8 --seed 7
#
# Run it from the repository on the cluster's login node, after 'swift build -c release' (the
# binary must be on a shared file system). Parts go to $OUT/parts/, logs to $OUT/logs/, the table
# to $OUT/moments.csv and the controls to $OUT/controls.csv (OUT=results unless QKVERIFY_OUT says
# otherwise; QKVERIFY_BIN names another binary). Each task resumes from its own checkpoint if Slurm
# requeues it (scontrol requeue, or a node failure); its log is appended to, not replaced.
# Set SBATCH_PARTITION, SBATCH_TIMELIMIT, SBATCH_ACCOUNT in the environment as your site wants.
# Prints the merge job's id on standard output.
set -euo pipefail
shards=${1:?usage: slurm-array.sh SHARDS [moments options...]}
shift
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "slurm-array.sh: SHARDS must be a positive integer" >&2; exit 64; }
cd "$(dirname "$0")/../.."
bin=${QKVERIFY_BIN:-$PWD/.build/release/qkverify}
out=${QKVERIFY_OUT:-results}
[ -x "$bin" ] || { echo "slurm-array.sh: build first: swift build -c release (or set QKVERIFY_BIN)" >&2; exit 1; }
mkdir -p "$out/parts" "$out/logs"
out=$(cd "$out" && pwd)
args=$(printf '%q ' "$@")

array_job=$(sbatch --parsable --array="1-$shards" --cpus-per-task="${CPUS_PER_TASK:-8}" --requeue --open-mode=append \
  --job-name=qkverify-shard --output="$out/logs/shard-%a.log" --wrap \
  "'$bin' moments $args --threads \"\$SLURM_CPUS_PER_TASK\" --shard \"\$SLURM_ARRAY_TASK_ID/$shards\" \
   --out '$out'/parts/shard-\$SLURM_ARRAY_TASK_ID.part --checkpoint '$out'/parts/shard-\$SLURM_ARRAY_TASK_ID.ckpt --progress")

merge_job=$(sbatch --parsable --dependency="afterok:$array_job" --job-name=qkverify-merge --output="$out/logs/merge.log" --wrap \
  "'$bin' merge '$out'/parts/shard-*.part --out '$out'/moments.csv --controls '$out'/controls.csv")
echo "submitted shards as job $array_job; the merge (job $merge_job) runs when all $shards succeed" >&2
echo "$merge_job"
