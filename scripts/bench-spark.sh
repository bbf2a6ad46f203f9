#!/usr/bin/env bash
# What the Spark path costs and gives on one machine, back to back:
#  1. training: LeNet on mnist-mini, `train` (this process) against `spark train` on local[N] with
#     several averaging frequencies (the overhead of DL4J's parameter averaging through Spark);
#  2. sweeps: the same 4 LeNet trials (`--no-halving`), one after another with all cores each
#     (`sweep --parallel 1`) against Spark tasks on local[N] (`spark sweep`, N at once, 1 thread each).
# Prints a table of wall times, images/s and test accuracies (and writes it to --table).
#
#   scripts/bench-spark.sh [--epochs N] [--workers N] [--averaging "5 20"] [--table FILE]
#
# --epochs 1, --workers 2 (local[2]: this machine's 2 cores), --averaging "5 20" (minibatches each
# worker fits between averagings). Runs ./workbench (and ./workbench spark, built on first use).
# docs/benchmarks.md, "Spark", has results.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
epochs=1 workers=2 averaging="5 20" table=""
while [ $# -gt 0 ]; do
  case $1 in
    --epochs) epochs=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --averaging) averaging=$2; shift 2 ;;
    --table) table=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-spark: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$out"
rows=()
now() { date +%s.%N; }
field() { python3 -c 'import json, sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Training: one run each, the JSON line's figures plus the wall time of the whole command.
train_row() { # label, command...
  local label=$1; shift
  echo "$label (load $(load)) ..." >&2
  local start end json
  start=$(now)
  json=$("$@" 2> "$out/log.txt" | tail -1) || { tail -5 "$out/log.txt" >&2; exit 1; }
  end=$(now)
  rows+=("$(printf '| %s | %.1f | %.1f | %s | %.2f%% |' "$label" "$(echo "$end - $start" | bc)" \
    "$(echo "$json" | field seconds)" "$(echo "$json" | field images_per_second)" \
    "$(echo "$(echo "$json" | field test_accuracy) * 100" | bc -l)")")
}

"$root/workbench" spark --help > /dev/null # builds workbench-spark first, outside the timings
train_row "train (this process)" "$root/workbench" train --epochs "$epochs" --out "$out/plain"
for a in $averaging; do
  train_row "spark train local[$workers], averaging $a" "$root/workbench" spark train --master "local[$workers]" \
    --averaging "$a" --epochs "$epochs" --out "$out/spark-$a"
done

sweep_row() { # label, command...
  local label=$1; shift
  echo "$label (load $(load)) ..." >&2
  local start end json best
  start=$(now)
  json=$("$@" 2> "$out/log.txt" | tail -1) || { tail -5 "$out/log.txt" >&2; exit 1; }
  end=$(now)
  best=$(echo "$json" | python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["best"]["validation_accuracy"])')
  rows+=("$(printf '| %s | %.1f | | | best validation %.2f%% |' "$label" "$(echo "$end - $start" | bc)" \
    "$(echo "$best * 100" | bc -l)")")
}
vary=(--vary learning_rate=0.001,0.003 --vary batch_size=32,64 --epochs "$epochs" --no-halving)
sweep_row "sweep, 4 trials one after another ($(nproc) threads each)" "$root/workbench" sweep "${vary[@]}" \
  --parallel 1 --threads-per-trial "$(nproc)" --out "$out/sweep-serial"
sweep_row "spark sweep local[$workers], 4 trials ($workers at once, 1 thread each)" "$root/workbench" spark sweep \
  "${vary[@]}" --master "local[$workers]" --out "$out/sweep-spark"

{
  echo "LeNet, mnist-mini (10,000 training images, 2,000 test), $epochs epoch(s); $(nproc) cores, $(date -u +%F)"
  echo
  echo "| what | wall s | training s | images/s | test accuracy |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "${table:-/dev/null}"
