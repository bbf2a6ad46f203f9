"""The training loop the workbench's own PyTorch peers share (pytorch_mnist.py,
pytorch_cifar10_fast.py), in the shape of ../shared/bench/pytorch_folder.py: Adam, shuffled
minibatches, the test set's accuracy after each epoch, one line per epoch and a JSON line last
(images_per_second is the median epoch's training rate)."""
import json, time

import torch
import torch.nn.functional as F


def train(net, name, xt, yt, xv, yv, epochs, batch, lr, threads):
    opt = torch.optim.Adam(net.parameters(), lr)
    rates, acc = [], 0.0
    for e in range(epochs):
        t = time.time()
        perm = torch.randperm(len(xt))
        net.train()
        for i in range(0, len(xt), batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            F.cross_entropy(net(xt[idx]), yt[idx]).backward()
            opt.step()
        s = time.time() - t
        rates.append(len(xt) / s)
        net.eval()
        with torch.no_grad():
            correct = sum((net(xv[i:i + 500]).argmax(1) == yv[i:i + 500]).sum().item()
                          for i in range(0, len(xv), 500))
        acc = correct / len(xv)
        print(f'epoch {e + 1}: {s:.1f}s {len(xt) / s:.0f} img/s test acc {acc:.4f}', flush=True)
    print(json.dumps({"net": name, "images_per_second": sorted(rates)[len(rates) // 2], "test_accuracy": acc,
                      "threads": threads, "batch": batch, "epochs": epochs, "torch": torch.__version__}))
