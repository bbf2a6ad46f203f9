#!/usr/bin/env bash
# Every template's training throughput, DL4J (the workbench) against PyTorch, back to back per
# template on the same machine, data and minibatch (issue 13); prints a markdown table with the
# ratio DL4J/PyTorch (above 1: DL4J faster) and a JSON line last.
#
#   scripts/bench-templates-vs-pytorch.sh [--templates ID,...] [--epochs N] [--limit N] [--threads N]
#       [--mnist DIR] [--cifar DIR] [--cats-dogs DIR] [--transfer-images N] [--transfer-batches N]
#
# --templates: default every one (mlp, lenet, mnist-cnn, cifar10-small, cifar10-cnn, cifar10-fast, cats-dogs,
# mobilenet-transfer). --epochs 3: both sides report the median of the epochs after the first
# (the warm-up). --limit N: training images per epoch (0: all; MNIST is then cut to its first N
# training and 1,000 test images, so both sides read the same files). --threads 2: PyTorch's;
# DL4J uses every core. --mnist .cache/mnist (IDX: scripts/fetch-mnist.sh); --cifar .cache/cifar10
# (the real CIFAR-10 as an image folder, unpacked from ../shared/data/cifar10-jpg.tar.gz where
# missing); --cats-dogs: a photo folder, decoded to 128x128 (default .cache/bench/cats-dogs, made
# from the CIFAR-10 folder: its first 500 training and 200 test cats and dogs). The minibatch is
# each template's, as `bench training --parts templates` reports it; augmentation is off on both
# sides. mobilenet-transfer runs scripts/bench-transfer-vs-pytorch.sh --parts augment on the
# cats-dogs folder (training with the frozen backbone run on every minibatch; --transfer-images
# 128 DL4J images, --transfer-batches 4 PyTorch minibatches of 32). Peers: ../shared/bench/
# pytorch_lenet.py, ../shared/bench/pytorch_folder.py, scripts/bench/pytorch_mnist.py (mlp,
# mnist-cnn), scripts/bench/pytorch_cifar10_fast.py (cifar10-fast). Needs Debian's python3-torch
# with libopenblas0-pthread (/usr/bin/python3).
# Results and the commands: docs/benchmarks.md, "Every template against PyTorch (issue 13)".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=$root/../shared
templates=mlp,lenet,mnist-cnn,cifar10-small,cifar10-cnn,cifar10-fast,cats-dogs,mobilenet-transfer
epochs=3 limit=0 threads=2 transfer_images=128 transfer_batches=4
mnist=$root/.cache/mnist cifar=$root/.cache/cifar10 cats_dogs=""
while [ $# -gt 0 ]; do
  case $1 in
    --templates) templates=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --mnist) mnist=$2; shift 2 ;;
    --cifar) cifar=$2; shift 2 ;;
    --cats-dogs) cats_dogs=$2; shift 2 ;;
    --transfer-images) transfer_images=$2; shift 2 ;;
    --transfer-batches) transfer_batches=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-templates-vs-pytorch: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$epochs" -ge 2 ] || { echo "bench-templates-vs-pytorch: --epochs at least 2 (the first is a warm-up)" >&2; exit 2; }
/usr/bin/python3 -c 'import torch, PIL, numpy' 2>/dev/null || {
  echo "bench-templates-vs-pytorch: /usr/bin/python3 cannot import torch, PIL and numpy (apt-get install -y" \
    "python3-torch python3-pil python3-numpy libopenblas0-pthread)" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
needs() { [[ ",$templates," == *",$1,"* ]]; }

# The data each family of templates trains on, made once and kept under .cache/bench.
mnist_dir=$mnist
if { needs mlp || needs lenet || needs mnist-cnn; } && [ "$limit" -gt 0 ]; then
  mnist_dir=$root/.cache/bench/mnist-$limit
  [ -f "$mnist_dir/t10k-labels-idx1-ubyte" ] || /usr/bin/python3 - "$mnist" "$mnist_dir" "$limit" <<'EOF'
import gzip, os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)
def read(p):
    return open(p, 'rb').read() if os.path.exists(p) else gzip.open(p + '.gz').read()
for prefix, count in (('train', n), ('t10k', min(n, 1000))):
    for kind, header, size in (('images-idx3-ubyte', 16, 784), ('labels-idx1-ubyte', 8, 1)):
        data = bytearray(read(f'{src}/{prefix}-{kind}')[:header + count * size])
        data[4:8] = count.to_bytes(4, 'big')  # the item count in the header
        open(f'{dst}/{prefix}-{kind}', 'wb').write(data)
EOF
fi
if { needs cifar10-small || needs cifar10-cnn || needs cifar10-fast || { [ -z "$cats_dogs" ] && { needs cats-dogs || needs mobilenet-transfer; }; }; } \
    && [ ! -d "$cifar/train" ]; then
  [ -f "$shared/data/cifar10-jpg.tar.gz" ] || {
    echo "bench-templates-vs-pytorch: no CIFAR-10 folder $cifar and no $shared/data/cifar10-jpg.tar.gz; give --cifar DIR" >&2
    exit 2; }
  echo "unpacking $shared/data/cifar10-jpg.tar.gz into $cifar" >&2
  mkdir -p "$cifar" && tar xzf "$shared/data/cifar10-jpg.tar.gz" -C "$cifar"
fi
if [ -z "$cats_dogs" ]; then
  cats_dogs=$root/.cache/bench/cats-dogs
  if [ "$(cat "$cats_dogs/source" 2>/dev/null)" != "$cifar" ] && { needs cats-dogs || needs mobilenet-transfer; }; then
    rm -rf "$cats_dogs"
    for split in train:500 test:200; do
      for class in cat dog; do
        mkdir -p "$cats_dogs/${split%:*}/$class"
        find "$cifar/${split%:*}/$class" -maxdepth 1 -type f | sort | sed -n "1,${split#*:}p" \
          | xargs -r cp -t "$cats_dogs/${split%:*}/$class"
      done
    done
    echo "$cifar" > "$cats_dogs/source"
  fi
fi

IFS=, read -r -a ids <<< "$templates"
for id in "${ids[@]}"; do
  case $id in
    mlp|lenet|mnist-cnn) dataset=idx:$mnist_dir dir=$mnist_dir label="MNIST" ;;
    cifar10-small|cifar10-cnn|cifar10-fast) dataset=folder:$cifar dir=$cifar label="CIFAR-10" ;;
    cats-dogs|mobilenet-transfer) dataset=folder:$cats_dogs dir=$cats_dogs label="CIFAR cats and dogs" ;;
    *) echo "bench-templates-vs-pytorch: unknown template $id" >&2; exit 2 ;;
  esac
  echo "$id" >> "$out/ids"
  echo "$label" > "$out/$id.label"
  if [ "$id" = mobilenet-transfer ]; then
    echo "$id: DL4J and PyTorch (load $(load))" >&2
    "$root/scripts/bench-transfer-vs-pytorch.sh" --dataset "$dataset" --parts augment --images "$transfer_images" \
      --batches "$transfer_batches" --threads "$threads" 2> >(sed "s/^/$id: /" >&2) | tail -1 > "$out/$id.transfer.json" \
      || echo "$id: failed" >&2
    continue
  fi
  echo "$id: DL4J (load $(load))" >&2
  "$root/workbench" bench training --parts templates --templates "$id" --dataset "$dataset" --epochs "$epochs" \
    --limit "$limit" --table "$out/$id.md" --plot "$out/$id.png" 2> >(sed "s/^/$id: /" >&2) \
    | tail -1 > "$out/$id.dl4j.json" || { echo "$id: DL4J failed" >&2; continue; }
  batch=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["templates"][0]["batch"])' \
    "$out/$id.dl4j.json")
  echo "$id: PyTorch, batch $batch (load $(load))" >&2
  case $id in
    lenet) peer=("$shared/bench/pytorch_lenet.py" "$dir" "$epochs" "$threads" "$batch") ;;
    mlp|mnist-cnn) peer=("$root/scripts/bench/pytorch_mnist.py" "$id" "$dir" "$epochs" "$threads" "$batch") ;;
    cifar10-fast) peer=("$root/scripts/bench/pytorch_cifar10_fast.py" "$dir" "$epochs" "$threads" "$batch" "$limit") ;;
    *) peer=("$shared/bench/pytorch_folder.py" "$id" "$dir" "$epochs" "$threads" "$batch")
       [ "$limit" -eq 0 ] || peer+=("$limit") ;;
  esac
  /usr/bin/python3 "${peer[@]}" > "$out/$id.torch.txt" 2> >(sed "s/^/$id: /" >&2) || echo "$id: PyTorch failed" >&2
  sed "s/^/$id: PyTorch /" "$out/$id.torch.txt" | grep -v '^.*: PyTorch {' >&2 || true
done
echo "done (load $(load))" >&2

/usr/bin/python3 - "$out" "$epochs" "$threads" <<'EOF'
import json, os, re, statistics, sys
out, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def read_json(path):
    try:
        return json.loads(open(path).read().strip().splitlines()[-1])
    except (OSError, IndexError, ValueError):
        return None

rows, results, backend, torch_version, transfer = [], [], None, None, False
print("| template | data | batch | images per epoch | DL4J images/s | PyTorch images/s | DL4J/PyTorch |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
for tid in open(f"{out}/ids").read().split():
    label = open(f"{out}/{tid}.label").read().strip()
    if tid == "mobilenet-transfer":
        t = read_json(f"{out}/{tid}.transfer.json") or {}
        d, p = t.get("dl4j", {}), t.get("pytorch", {})
        dv, tv = d.get("augment_images_per_second"), p.get("frozen_train_images_per_second")
        ratio = round(dv / tv, 2) if dv and tv else None
        backend = backend or d.get("backend")
        torch_version = torch_version or p.get("torch")
        transfer = True
        print(f"| {tid} (frozen backbone on every minibatch) | {label}, 224x224 | 32 | {d.get('augment_images', '-')} "
              f"| {dv or '-'} | {tv or '-'} | {ratio or '-'} |")
        results.append({"template": tid, "dl4j_images_per_second": dv, "pytorch_images_per_second": tv,
                        "ratio": ratio})
        continue
    d = read_json(f"{out}/{tid}.dl4j.json")
    row = d["templates"][0] if d else {}
    backend = backend or (d or {}).get("backend")
    # PyTorch's epochs as it printed them; the median of those after the first, as DL4J's
    try:
        text = open(f"{out}/{tid}.torch.txt").read()
    except OSError:
        text = ""
    rates = [float(r) for r in re.findall(r"^epoch \d+: [\d.]+s (\d+) img/s", text, re.M)]
    tv = round(statistics.median(rates[1:]), 1) if len(rates) > 1 else None
    p = read_json(f"{out}/{tid}.torch.txt") or {}
    torch_version = torch_version or p.get("torch")
    dv = row.get("images_per_second")
    ratio = round(dv / tv, 2) if dv and tv else None
    print(f"| {tid} | {label}, {row.get('input', '-')} | {row.get('batch', '-')} | "
          f"{row.get('images_per_epoch', '-')} | {dv or 'failed'} | {tv or 'failed'} | {ratio or '-'} |")
    results.append({"template": tid, "dataset": row.get("dataset"), "batch": row.get("batch"),
                    "images_per_epoch": row.get("images_per_epoch"), "dl4j_images_per_second": dv,
                    "dl4j_epochs": row.get("epoch_images_per_second"), "pytorch_images_per_second": tv,
                    "pytorch_epochs": rates, "ratio": ratio})
print()
print(f"DL4J: {backend}; PyTorch {torch_version}, {threads} threads; {epochs} epochs each, the median of those "
      f"after the first" + ("; mobilenet-transfer: bench transfer's augment part (DL4J, batch 32, flip augmentation, "
      "the second of two epochs) and pytorch_mobilenet.py's frozen training step (minibatches of 32 after an "
      "untimed one)." if transfer else "."))
print(json.dumps({"epochs": epochs, "threads": threads, "backend": backend, "torch": torch_version,
                  "templates": results}))
EOF
