"""Runs exported model.py files on .npy inputs and compares their outputs with the expected ones.

    python compare_outputs.py CASE_DIR...

Each CASE_DIR holds an export (model.py, weights.safetensors), in_<name>.npy
for each input and out_<name>.npy for each expected output (model.py's
INPUTS and OUTPUTS name them). Prints one JSON line: by CASE_DIR, the
module's trainable parameter count, its buffers, and for each output its
shape, dtype and the largest absolute difference; or the error.
"""

import importlib.util
import json
import sys
import traceback
from pathlib import Path

import numpy as np
import torch


def compare(case_dir):
    spec = importlib.util.spec_from_file_location(f"exported_{case_dir.name}", case_dir / "model.py")
    exported = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(exported)
    model = exported.load()
    inputs = [torch.from_numpy(np.load(case_dir / f"in_{name}.npy")) for name, _, _ in exported.INPUTS]
    with torch.no_grad():
        outputs = model(*inputs)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    report = {
        "trainable": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "buffers": sum(b.numel() for name, b in model.named_buffers() if not name.endswith("num_batches_tracked")),
        "outputs": {},
    }
    for (name, _, _), got in zip(exported.OUTPUTS, outputs):
        want = np.load(case_dir / f"out_{name}.npy")
        got = got.numpy()
        same_shape = list(got.shape) == list(want.shape)
        difference = float(np.max(np.abs(got.astype(np.float64) - want.astype(np.float64)))) if same_shape and want.size else 0.0
        report["outputs"][name] = {"shape": list(got.shape), "expected_shape": list(want.shape), "dtype": str(got.dtype), "max_difference": difference}
    return report


results = {}
for arg in sys.argv[1:]:
    try:
        results[arg] = compare(Path(arg))
    except Exception:
        results[arg] = {"error": traceback.format_exc(limit=3)}
print(json.dumps(results))
