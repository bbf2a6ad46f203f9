#!/usr/bin/python3
"""PyTorch peer of the mobilenet-transfer template, for speed only (CPU).

pytorch_mobilenet.py [THREADS] [BATCH] [BATCHES] [RUNS]
  THREADS  torch.set_num_threads (default 2)
  BATCH    minibatch of the inference and training measurements (default 32, the template's)
  BATCHES  timed minibatches of each measurement, after one untimed (default 4)
  RUNS     timed single-image predictions, after five untimed (default 30)
MobileNet v1 at width 0.75 and 224x224x3 written layer for layer as Keras builds it (a 3x3
stride-2 convolution of 24 filters, then 13 depthwise-separable blocks: 3x3 depthwise and 1x1
pointwise convolutions without bias, each followed by batch normalization and relu6), global
average pooling to 768 features, dropout 0.2 and a new 2-class output: the template's graph.
Weights and images are random: the speed of a network does not depend on what it sees.
Measures, in images/s: inference of the whole graph (what computing the frozen backbone's
features costs); a training step with the backbone frozen (in eval mode, no gradients; the
template's path with augmentation, where the backbone runs every minibatch); a training step
fine-tuning from block 12 (blocks 12 and 13 train, their batch norm in training mode); and
the latency of one image (median and 90th percentile, in ms). Adam 1e-3, as the template.
Prints one line per measurement and a JSON line last. Needs Debian's python3-torch.
"""
import json, statistics, sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
batch = int(sys.argv[2]) if len(sys.argv) > 2 else 32
batches = int(sys.argv[3]) if len(sys.argv) > 3 else 4
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 30
torch.set_num_threads(threads)
torch.manual_seed(123)

# (pointwise filters, depthwise stride) of blocks 1..13 at width 0.75 (Keras: 64*0.75=48, ...)
BLOCKS = [(48, 1), (96, 2), (96, 1), (192, 2), (192, 1), (384, 2), (384, 1), (384, 1), (384, 1), (384, 1),
          (384, 1), (768, 2), (768, 1)]
FINE_TUNE_FROM = 12


def conv_bn(cin, cout, kernel, stride, groups=1):
    return [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False),
            nn.BatchNorm2d(cout, eps=1e-3), nn.ReLU6(inplace=True)]


class MobileNetTransfer(nn.Module):
    def __init__(self, classes=2):
        super().__init__()
        self.conv1 = nn.Sequential(*conv_bn(3, 24, 3, 2))
        blocks, cin = [], 24
        for cout, stride in BLOCKS:
            blocks.append(nn.Sequential(*conv_bn(cin, cin, 3, stride, groups=cin), *conv_bn(cin, cout, 1, 1)))
            cin = cout
        self.blocks = nn.ModuleList(blocks)
        self.dropout = nn.Dropout(0.2)
        self.output = nn.Linear(cin, classes)

    def features(self, x):
        x = self.conv1(x)
        for block in self.blocks:
            x = block(x)
        return F.adaptive_avg_pool2d(x, 1).flatten(1)

    def forward(self, x):
        return self.output(self.dropout(self.features(x)))


def prepare(net, trainable_from):
    """Freezes conv1 and the blocks before `trainable_from` (1-based; 14: the whole backbone)."""
    frozen = [net.conv1] + list(net.blocks[:trainable_from - 1])
    trainable = list(net.blocks[trainable_from - 1:]) + [net.dropout, net.output]
    for m in frozen:
        m.eval()
        for p in m.parameters():
            p.requires_grad_(False)
    for m in trainable:
        m.train()
        for p in m.parameters():
            p.requires_grad_(True)
    return torch.optim.Adam([p for p in net.parameters() if p.requires_grad], 1e-3)


def rate(step):
    step()  # untimed: allocations, oneDNN primitives
    t = time.perf_counter()
    for _ in range(batches):
        step()
    return batch * batches / (time.perf_counter() - t)


net = MobileNetTransfer()
x = torch.rand(batch, 3, 224, 224) * 2 - 1
y = torch.randint(0, 2, (batch,))
result = {"net": "mobilenet_v1_0.75_224 + dropout 0.2 + dense 2", "threads": threads, "batch": batch,
          "batches": batches, "torch": torch.__version__,
          "parameters": sum(p.numel() for p in net.parameters())}

net.eval()
with torch.no_grad():
    result["inference_images_per_second"] = round(rate(lambda: net(x)), 1)
print(f"inference: {result['inference_images_per_second']} images/s", flush=True)


def train_step(optimizer):
    def step():
        optimizer.zero_grad()
        F.cross_entropy(net(x), y).backward()
        optimizer.step()
    return step


result["frozen_train_images_per_second"] = round(rate(train_step(prepare(net, len(BLOCKS) + 1))), 1)
print(f"training, backbone frozen: {result['frozen_train_images_per_second']} images/s", flush=True)
result["finetune_images_per_second"] = round(rate(train_step(prepare(net, FINE_TUNE_FROM))), 1)
print(f"training, fine-tuning from block {FINE_TUNE_FROM}: {result['finetune_images_per_second']} images/s",
      flush=True)

net.eval()
one = x[:1].clone()
times = []
with torch.no_grad():
    for i in range(5 + runs):
        t = time.perf_counter()
        net(one).softmax(1)
        if i >= 5:
            times.append((time.perf_counter() - t) * 1000)
times.sort()
result["predict_median_ms"] = round(statistics.median(times), 2)
result["predict_p90_ms"] = round(times[min(len(times) - 1, -(-90 * len(times) // 100) - 1)], 2)
print(f"one image: {result['predict_median_ms']} ms median, {result['predict_p90_ms']} ms 90th percentile "
      f"(network only)", flush=True)
print(json.dumps(result))
