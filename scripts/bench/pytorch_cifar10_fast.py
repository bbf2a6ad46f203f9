#!/usr/bin/python3
"""Peer for side-by-side speed runs: the workbench's cifar10-fast template in PyTorch (CPU).

pytorch_cifar10_fast.py DIR EPOCHS [THREADS] [BATCH] [LIMIT]
  DIR    an image folder with train/<class>/* and test/<class>/* (the real CIFAR-10)
  LIMIT  use at most this many training images (speed runs)
The shape of ../shared/bench/pytorch_folder.py, which covers the tutorial templates: decoded
with PIL to 32x32, scaled to 0..1, Adam 2e-3 and batch 128 unless given, no augmentation, one
line per epoch and a JSON line last (images_per_second is the median epoch's training rate,
test_accuracy after the last epoch). The layers are the template's, in its order: each 3x3
'same' convolution, then ReLU, then batch normalization (DL4J's defaults: momentum 0.9 of the
running statistics, eps 1e-5). Needs Debian's python3-torch, python3-pil, python3-numpy.
"""
import os, sys, time

import numpy as np
import torch
import torch.nn as nn
from PIL import Image

from peer_training import train

root, epochs = sys.argv[1], int(sys.argv[2])
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
batch = int(sys.argv[4]) if len(sys.argv) > 4 else 128
limit = int(sys.argv[5]) if len(sys.argv) > 5 and int(sys.argv[5]) > 0 else None
torch.set_num_threads(threads)


def load(split):
    d = os.path.join(root, split)
    classes = sorted(c for c in os.listdir(d) if os.path.isdir(os.path.join(d, c)))
    xs, ys = [], []
    for k, c in enumerate(classes):
        for f in sorted(os.listdir(os.path.join(d, c))):
            try:
                im = Image.open(os.path.join(d, c, f)).convert('RGB').resize((32, 32), Image.BILINEAR)
            except Exception:
                continue
            xs.append(np.asarray(im, np.uint8)); ys.append(k)
    x = torch.from_numpy(np.stack(xs)).permute(0, 3, 1, 2).float().div_(255)
    return x, torch.tensor(ys)


def block(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.BatchNorm2d(cout, eps=1e-5, momentum=0.1)]


net = nn.Sequential(*block(3, 32), nn.MaxPool2d(2),
                    *block(32, 48), *block(48, 48), nn.MaxPool2d(2),
                    *block(48, 96), *block(96, 96), nn.MaxPool2d(2),
                    nn.Flatten(), nn.Linear(96 * 4 * 4, 10))
t0 = time.time()
xt, yt = load('train')
xv, yv = load('test')
if limit:
    perm = torch.randperm(len(xt), generator=torch.Generator().manual_seed(1))[:limit]
    xt, yt = xt[perm], yt[perm]
print(f'loaded {len(xt)} train / {len(xv)} test in {time.time() - t0:.1f}s', flush=True)
torch.manual_seed(123)
train(net, 'cifar10-fast', xt, yt, xv, yv, epochs, batch, 2e-3, threads)
