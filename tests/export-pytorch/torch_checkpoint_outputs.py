"""Applies a torch run's module (its model.py) with a checkpoint's weights to an input, and compares.

    python torch_checkpoint_outputs.py MODEL_DIR WEIGHTS X.npy Y.npy [OTHER_WEIGHTS]

MODEL_DIR holds the run's model.py; WEIGHTS is train.py's weights.safetensors.
Prints one JSON line: the output's shape, the largest absolute difference
from Y.npy (what nn run computed), and with OTHER_WEIGHTS (another
safetensors file, e.g. what nn export wrote) the largest difference between
the two files' float tensors and the keys only one of them has.
"""

import json
import sys

import numpy as np
import torch
from safetensors.torch import load_file

sys.path.insert(0, sys.argv[1])
from model import load  # noqa: E402

model = load(sys.argv[2])
with torch.no_grad():
    y = model(torch.from_numpy(np.load(sys.argv[3]))).numpy()
report = {"shape": list(y.shape), "difference": float(np.max(np.abs(y.astype(np.float64) - np.load(sys.argv[4]).astype(np.float64))))}
if len(sys.argv) > 5:
    a, b = load_file(sys.argv[2]), load_file(sys.argv[5])
    floats = [k for k in a if a[k].is_floating_point()]
    report["weightsDifference"] = max(float((a[k] - b[k]).abs().max()) for k in floats if k in b)
    report["keysOnlyInOne"] = sorted(set(a) ^ set(b))
    report["floatTensors"] = len(floats)
print(json.dumps(report))
