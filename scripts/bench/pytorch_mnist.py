#!/usr/bin/python3
"""Peer for side-by-side speed runs: the workbench's digit templates in PyTorch on IDX MNIST (CPU).

pytorch_mnist.py NET IDX_DIR EPOCHS [THREADS] [BATCH] [LIMIT]
  NET      mlp | mnist-cnn (the same layers as the workbench's templates)
  IDX_DIR  train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-... (raw or .gz)
  LIMIT    use at most this many training images (speed runs)
The shape of ../shared/bench/pytorch_folder.py (which covers the colour templates): inputs
scaled to 0..1 (mlp: standardized by the training set's mean and deviation, as its template
does), Adam at the template's learning rate and batch size unless given, one line per epoch
and a JSON line last (images_per_second is the median epoch's training rate, test_accuracy
after the last epoch). LeNet's peer is ../shared/bench/pytorch_lenet.py. Needs Debian's
python3-torch and python3-numpy, run with /usr/bin/python3 (with libopenblas0-pthread installed,
as scripts/bench-transfer-vs-pytorch.sh explains).
"""
import gzip, sys, time

import numpy as np
import torch
import torch.nn as nn

from peer_training import train

net_name, root, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
if net_name not in ('mlp', 'mnist-cnn'):
    sys.exit(f'pytorch_mnist.py: NET is mlp or mnist-cnn, not {net_name} (LeNet: ../shared/bench/pytorch_lenet.py)')
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
torch.set_num_threads(threads)
defaults = {'mlp': (32, 1e-3), 'mnist-cnn': (100, 1e-3)}
batch = int(sys.argv[5]) if len(sys.argv) > 5 else defaults[net_name][0]
limit = int(sys.argv[6]) if len(sys.argv) > 6 else None
lr = defaults[net_name][1]


def read(path):
    try:
        return open(path, 'rb').read()
    except FileNotFoundError:
        return gzip.open(path + '.gz').read()


def load(prefix):
    x = np.frombuffer(read(f'{root}/{prefix}-images-idx3-ubyte'), np.uint8, offset=16)
    x = x.reshape(-1, 1, 28, 28).astype(np.float32) / 255
    y = np.frombuffer(read(f'{root}/{prefix}-labels-idx1-ubyte'), np.uint8, offset=8).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def build():
    if net_name == 'mlp':  # dense 128, dense 128 (ReLU), softmax 10
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(),
                             nn.Linear(128, 10))
    # mnist-cnn: 5x5 'same' convolutions of 14 and 36, 2x2 max pooling, dense 1764, dropout 0.4
    return nn.Sequential(
        nn.Conv2d(1, 14, 5, padding='same'), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(14, 36, 5, padding='same'), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(36 * 7 * 7, 1764), nn.ReLU(), nn.Dropout(0.4), nn.Linear(1764, 10))


t0 = time.time()
xt, yt = load('train')
xv, yv = load('t10k')
if limit:
    xt, yt = xt[:limit], yt[:limit]
if net_name == 'mlp':
    mean, std = xt.mean(), xt.std()
    xt, xv = (xt - mean) / std, (xv - mean) / std
print(f'loaded {len(xt)} train / {len(xv)} test in {time.time() - t0:.1f}s', flush=True)
torch.manual_seed(123)
net = build()
train(net, net_name, xt, yt, xv, yv, epochs, batch, lr, threads)
