"""Runs one training-mode forward of exported model.py files and reports their BatchNorm statistics.

    python batchnorm_train_step.py CASE_DIR...

Each CASE_DIR holds an export (model.py, weights.safetensors) and in_<name>.npy
for each input. Prints one JSON line: by CASE_DIR, the first output (flattened)
and each BatchNorm's running_mean and running_var after the step, by name.
"""

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import torch


def train_step(case_dir):
    spec = importlib.util.spec_from_file_location(f"exported_{case_dir.name}", case_dir / "model.py")
    exported = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(exported)
    model = exported.load()
    model.train()
    inputs = [torch.from_numpy(np.load(case_dir / f"in_{name}.npy")) for name, _, _ in exported.INPUTS]
    with torch.no_grad():
        outputs = model(*inputs)
    output = outputs[0] if isinstance(outputs, tuple) else outputs
    statistics = {
        name: {"mean": module.running_mean.tolist(), "variance": module.running_var.tolist(), "batches": int(module.num_batches_tracked)}
        for name, module in model.named_modules()
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm)
    }
    return {"output": output.flatten().tolist(), "statistics": statistics}


print(json.dumps({arg: train_step(Path(arg)) for arg in sys.argv[1:]}))
