#!/usr/bin/env bash
# The speed levers of docs/benchmarks.md, one at a time, on the same short LeNet run:
# `./workbench bench training --parts lenet` with --limit 12800 images per epoch, --epochs 3
# (median of the two after the warm-up), --batch 64, on full MNIST (.cache/mnist). Prints a
# markdown row per lever with the load average before it. Levers other than passive and
# conv-passive run with OMP_WAIT_POLICY empty (OpenMP's default: spin, then sleep). A lever
# that changes the native binary (WORKBENCH_NATIVE) rebuilds the jar: allow a few minutes.
#
#   scripts/bench-levers.sh [--limit N] [--epochs N] [--batch N] [LEVER ...]
#
# Levers: generic, avx512, onednn-generic-x86, onednn-off, onednn-conv, onednn, passive, one-thread
# (in this order by default: fewest rebuilds); also conv-passive. Name one twice to repeat it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit=12800 epochs=3 batch=64 levers=()
while [ $# -gt 0 ]; do
  case $1 in
    --limit) limit=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) levers+=("$1"); shift ;;
  esac
done
[ ${#levers[@]} -gt 0 ] || levers=(generic avx512 onednn-generic-x86 onednn-off onednn-conv onednn passive one-thread)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "| lever | images/s | epochs after warm-up | load before |"
echo "| --- | ---: | --- | --- |"
for lever in "${levers[@]}"; do
  native=auto opts="" env=()
  case $lever in
    generic) native=generic env=(OMP_WAIT_POLICY=); what="generic binary, DL4J's own layer code" ;;
    avx512) native=avx512 env=(OMP_WAIT_POLICY=); what="avx512 binary, DL4J's own layer code" ;;
    onednn-off) env=(OMP_WAIT_POLICY=); opts=-Dworkbench.onednn=false
                what="oneDNN binary (launcher's choice), helpers off" ;;
    onednn-conv) env=(OMP_WAIT_POLICY=); opts=-Dworkbench.onednn=conv
                 what="oneDNN binary, convolution helper only" ;;
    onednn) env=(OMP_WAIT_POLICY=); what="oneDNN binary, convolution and pooling helpers, OpenMP's default waiting (spins)" ;;
    onednn-generic-x86) native=onednn env=(OMP_WAIT_POLICY=)
                        what="oneDNN build for any x86-64 (-onednn), both helpers" ;;
    passive) env=(OMP_WAIT_POLICY=passive); what="oneDNN, both helpers, OMP_WAIT_POLICY=passive (the default)" ;;
    one-thread) env=(OMP_WAIT_POLICY= OMP_NUM_THREADS=1); what="oneDNN, both helpers, OMP_NUM_THREADS=1" ;;
    conv-passive) env=(OMP_WAIT_POLICY=passive); opts=-Dworkbench.onednn=conv
                  what="convolution helper only + OMP_WAIT_POLICY=passive" ;;
    *) echo "bench-levers: unknown lever $lever" >&2; exit 2 ;;
  esac
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  line=$(env ${env[@]+"${env[@]}"} WORKBENCH_NATIVE=$native JAVA_OPTS="$opts" "$root/workbench" bench training \
      --parts lenet --limit "$limit" --epochs "$epochs" --batch "$batch" \
      --table "$out/t.md" --plot "$out/p.png" 2>"$out/err" | tail -1) || { cat "$out/err" >&2; exit 1; }
  rate=$(echo "$line" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["lenet_images_per_second"], d["lenet_epoch_images_per_second"])')
  echo "| $lever: $what | ${rate%% *} | ${rate#* } | $load |"
done
