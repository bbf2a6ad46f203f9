#!/usr/bin/env bash
# LeNet training throughput, DL4J (the workbench) against PyTorch, back to back on the same
# machine, data and minibatch size; prints both figures and the ratio DL4J/PyTorch.
#
#   scripts/bench-vs-pytorch.sh [--batch N] [--epochs N] [--threads N] [--rounds N] [--data DIR]
#
# --batch 64 (both), --epochs 3 (DL4J: median of the epochs after the first; PyTorch: median of
# all, as ../shared/bench/pytorch_lenet.py reports), --threads 2 (PyTorch's; DL4J uses every
# core), --rounds 1 (pairs run alternately: DL4J, PyTorch, DL4J, ...; the ratio is of the
# medians), --data .cache/mnist (full MNIST IDX: 60,000 training images, no validation split).
# Needs Debian's python3-torch (/usr/bin/python3) and the reference script PYTORCH_LENET
# (default: ../shared/bench/pytorch_lenet.py beside the repository). docs/benchmarks.md has results.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
batch=64 epochs=3 threads=2 rounds=1 data=$root/.cache/mnist
pytorch_script=${PYTORCH_LENET:-$root/../shared/bench/pytorch_lenet.py}
while [ $# -gt 0 ]; do
  case $1 in
    --batch) batch=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-vs-pytorch: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -f "$pytorch_script" ] || { echo "bench-vs-pytorch: no $pytorch_script (set PYTORCH_LENET)" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || {
  echo "bench-vs-pytorch: /usr/bin/python3 cannot import torch (apt-get install -y python3-torch)" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds: DL4J (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  "$root/workbench" bench training --parts lenet --dataset "idx:$data" --batch "$batch" --epochs "$epochs" \
    --table "$out/table.md" --plot "$out/plot.png" | tail -1 >> "$out/dl4j.jsonl"
  echo "round $r/$rounds: PyTorch (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  /usr/bin/python3 "$pytorch_script" "$data" "$epochs" "$threads" "$batch" | tail -1 >> "$out/pytorch.jsonl"
done

/usr/bin/python3 - "$out/dl4j.jsonl" "$out/pytorch.jsonl" "$batch" "$epochs" <<'EOF'
import json, statistics, sys
dl4j = [json.loads(l)["lenet_images_per_second"] for l in open(sys.argv[1])]
torch = [json.loads(l)["images_per_second"] for l in open(sys.argv[2])]
torch_version = json.loads(open(sys.argv[2]).readlines()[-1]).get("torch")
d, t = statistics.median(dl4j), statistics.median(torch)
print(f"DL4J {d:,.0f} images/s, PyTorch {t:,.0f} images/s: ratio {d / t:.2f} "
      f"(batch {sys.argv[3]}, {sys.argv[4]} epochs, runs {dl4j} vs {[round(x) for x in torch]})", file=sys.stderr)
print(json.dumps({"dl4j_images_per_second": d, "pytorch_images_per_second": round(t, 1),
                  "ratio": round(d / t, 3), "batch": int(sys.argv[3]), "epochs": int(sys.argv[4]),
                  "dl4j_runs": dl4j, "pytorch_runs": [round(x, 1) for x in torch], "torch": torch_version}))
EOF
