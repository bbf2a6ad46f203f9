#!/usr/bin/env bash
# MobileNet v1 0.75 (the mobilenet-transfer template), DL4J (the workbench) against PyTorch, back to
# back on the same machine: the backbone's inference (feature computation), a training step with the
# backbone frozen (DL4J: with flip augmentation, the path where the backbone runs every minibatch), a
# training step fine-tuning from block 12, and one image's network time. Prints both sides' figures
# and the ratios DL4J/PyTorch (above 1: DL4J faster).
#
#   scripts/bench-transfer-vs-pytorch.sh [--dataset folder:DIR] [--data DIR] [--images N] [--threads N]
#                                        [--batches N] [--parts P,...]
#
# --dataset: photos for `./workbench bench transfer` (default: its generated folder); --data: a data
# folder with MobileNet installed (default: a temporary one holding a copy of
# ../shared/data/mobilenet_v1_0.75_224_imagenet.h5); --images 128 (DL4J's per-minibatch runs);
# --threads 2 (PyTorch's; DL4J uses every core); --batches 4 (PyTorch's timed minibatches of 32);
# --parts (bench transfer's, default all). Needs Debian's python3-torch with OpenBLAS
# (apt-get install -y python3-torch libopenblas0-pthread: with the reference BLAS that python3-torch
# pulls in alone, PyTorch's convolutions are several times slower). docs/benchmarks.md has results.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dataset="" data="" images=128 threads=2 batches=4 parts=total,warm,augment,finetune,predict
pytorch_script=$root/scripts/bench/pytorch_mobilenet.py
while [ $# -gt 0 ]; do
  case $1 in
    --dataset) dataset=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --images) images=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-transfer-vs-pytorch: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
/usr/bin/python3 -c 'import torch' 2>/dev/null || {
  echo "bench-transfer-vs-pytorch: /usr/bin/python3 cannot import torch (apt-get install -y python3-torch libopenblas0-pthread)" >&2
  exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -z "$data" ]; then
  model=$root/../shared/data/mobilenet_v1_0.75_224_imagenet.h5
  [ -f "$model" ] || { echo "bench-transfer-vs-pytorch: no $model; give --data DIR with MobileNet installed" >&2; exit 2; }
  data=$out/data
  mkdir -p "$data/models/mobilenet-v1-0.75"
  cp "$model" "$data/models/mobilenet-v1-0.75/"
fi
args=(bench transfer --data "$data" --images "$images" --parts "$parts" --table "$out/transfer.md")
[ -z "$dataset" ] || args+=(--dataset "$dataset")

echo "DL4J (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"$root/workbench" "${args[@]}" | tail -1 > "$out/dl4j.json"
echo "PyTorch (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
/usr/bin/python3 "$pytorch_script" "$threads" 32 "$batches" | tail -1 > "$out/pytorch.json"
echo "done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2

/usr/bin/python3 - "$out/dl4j.json" "$out/pytorch.json" <<'EOF'
import json, sys
d, t = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
pairs = [  # what, DL4J key, PyTorch key, higher is better
    ("backbone inference (features), images/s", "features_cold_images_per_second", "inference_images_per_second", True),
    ("training, backbone frozen, per minibatch, images/s", "augment_images_per_second", "frozen_train_images_per_second", True),
    ("training, fine-tuning from block 12, images/s", "finetune_images_per_second", "finetune_images_per_second", True),
    ("one image, network only, ms", "predict_network_median_ms", "predict_median_ms", False),
]
ratios = {}
print("| measure | DL4J | PyTorch | DL4J/PyTorch speed |\n| --- | ---: | ---: | ---: |")
for label, dk, tk, higher in pairs:
    dv, tv = d.get(dk), t.get(tk)
    ratio = None if not dv or not tv else round(dv / tv if higher else tv / dv, 3)
    ratios[dk] = ratio
    failed = d.get(dk.replace("_images_per_second", "_error"))
    shown = dv if dv is not None else ("failed" if failed else "-")
    print(f"| {label} | {shown} | {tv} | {ratio if ratio is not None else '-'} |")
print(json.dumps({"ratios": ratios, "dl4j": d, "pytorch": t}))
EOF
