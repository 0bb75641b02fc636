#!/usr/bin/env bash
# A sharded qkverify run on a Slurm cluster: one array task per shard, then a dependent merge job.
#
#   scripts/cluster/slurm-array.sh SHARDS [moments options...]
#   e.g. scripts/cluster/slurm-array.sh 16 --dims 1,2,4,...,4096 --samples 1e8 --seed 7
#
# Run it from the repository on the cluster's login node, after 'swift build -c release' (the
# binary must be on a shared file system). Parts go to results/parts/, the table to
# results/moments.csv. Each task resumes from its own checkpoint if Slurm requeues it.
# Set SBATCH_PARTITION, SBATCH_TIMELIMIT, SBATCH_ACCOUNT in the environment as your site wants.
set -euo pipefail
shards=${1:?usage: slurm-array.sh SHARDS [moments options...]}
shift
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "slurm-array.sh: SHARDS must be a positive integer" >&2; exit 64; }
cd "$(dirname "$0")/../.."
bin="$PWD/.build/release/qkverify"
[ -x "$bin" ] || { echo "slurm-array.sh: build first: swift build -c release" >&2; exit 1; }
mkdir -p results/parts results/logs
args=$(printf '%q ' "$@")

array_job=$(sbatch --parsable --array="1-$shards" --cpus-per-task="${CPUS_PER_TASK:-8}" --requeue \
  --job-name=qkverify-shard --output=results/logs/shard-%a.log --wrap \
  "'$bin' moments $args --threads \"\$SLURM_CPUS_PER_TASK\" --shard \"\$SLURM_ARRAY_TASK_ID/$shards\" \
   --out results/parts/shard-\$SLURM_ARRAY_TASK_ID.part --checkpoint results/parts/shard-\$SLURM_ARRAY_TASK_ID.ckpt --progress")

sbatch --parsable --dependency="afterok:$array_job" --job-name=qkverify-merge --output=results/logs/merge.log --wrap \
  "'$bin' merge results/parts/shard-*.part --out results/moments.csv --controls results/controls.csv"
echo "submitted shards as job $array_job; the merge runs when all $shards succeed" >&2
