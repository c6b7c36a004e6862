"""One contender of `npm run bench:train`: PyTorch (CPU).

Trains one of the benchmark's models on the MNIST digits bench:train wrote as
.npy files (the same 8,000 training and 2,000 test digits nn trains on), with
the same batch, optimizer and epochs, each epoch with its test evaluation as
nn's runs do, and prints one JSON line: training samples per second and the
final test accuracy. The models are bench/train/models.nn's and
examples/resnet.nn's ResNetSmall, written as a PyTorch user would (raw scores
into CrossEntropyLoss, which is softmax and crossentropy in one).

bench:train runs it with OMP_WAIT_POLICY=PASSIVE: OpenMP's threads otherwise
spin while they wait, and on a busy 2-core machine PyTorch collapses.

    python torch_train.py --workload mlp|cnn|resnet --data DIR --epochs N [--batch 64]
"""

import argparse
import json
import os
import time

import numpy as np
import torch
from torch import nn


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(7 * 7 * 64, 128), nn.ReLU(), nn.Linear(128, 10),
    )


class BasicBlock(nn.Module):
    def __init__(self, channels, filters, stride):
        super().__init__()
        self.f = nn.Sequential(
            nn.Conv2d(channels, filters, 3, stride, padding=1, bias=False), nn.BatchNorm2d(filters), nn.ReLU(),
            nn.Conv2d(filters, filters, 3, padding=1, bias=False), nn.BatchNorm2d(filters),
        )
        self.shortcut = nn.Identity()
        if stride != 1 or channels != filters:
            self.shortcut = nn.Sequential(nn.Conv2d(channels, filters, 1, stride, bias=False), nn.BatchNorm2d(filters))

    def forward(self, x):
        return torch.relu(self.f(x) + self.shortcut(x))


def resnet_small():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
        BasicBlock(16, 16, 1), BasicBlock(16, 32, 2), BasicBlock(32, 64, 2),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10),
    )


MODELS = {"mlp": mlp, "cnn": cnn, "resnet": resnet_small}


def load(data, name):
    images = np.load(os.path.join(data, f"{name}_images.npy"))  # [N, 28, 28, 1]
    labels = np.load(os.path.join(data, f"{name}_labels.npy"))
    return torch.from_numpy(images).permute(0, 3, 1, 2).contiguous(), torch.from_numpy(labels).long()


def accuracy(model, x, y, batch=500):
    model.eval()
    with torch.no_grad():
        right = sum((model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item() for i in range(0, len(x), batch))
    return right / len(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workload", choices=MODELS, required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    x, y = load(args.data, "train")
    x_test, y_test = load(args.data, "test")
    torch.manual_seed(1)

    model = MODELS[args.workload]()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_of = nn.CrossEntropyLoss()
    started = time.perf_counter()
    for _ in range(args.epochs):
        model.train()
        order = torch.randperm(len(x))
        for i in range(0, len(x), args.batch):
            take = order[i:i + args.batch]
            optimizer.zero_grad()
            loss = loss_of(model(x[take]), y[take])
            loss.backward()
            optimizer.step()
        test_accuracy = accuracy(model, x_test, y_test)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "samples_per_second": len(x) * args.epochs / seconds,
        "test_accuracy": test_accuracy,
        "seconds": seconds,
        "versions": f"PyTorch {torch.__version__} ({torch.get_num_threads()} threads)",
    }))


if __name__ == "__main__":
    main()
