"""Measures train.py's metrics on batches given as .npy files.

    python run_metrics.py METRICS_PY CASE_JSON...

METRICS_PY holds train.py's metrics (train-metrics.ts). Each CASE_JSON is
{"metric": name, "batches": [{"target": npy, "prediction": npy, "inputs": [npy, ...]}, ...]}.
Prints one JSON line: by CASE_JSON, the metric's results by name.
"""

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import torch

spec = importlib.util.spec_from_file_location("train_metrics", sys.argv[1])
metrics = importlib.util.module_from_spec(spec)
spec.loader.exec_module(metrics)


def load(path):
    return torch.from_numpy(np.load(path))


def measure(case_path):
    case = json.loads(Path(case_path).read_text())
    name = case["metric"]
    if name in metrics.ACCUMULATED:
        accumulator = metrics.ACCUMULATED[name]()
        for batch in case["batches"]:
            accumulator.add(load(batch["target"]), load(batch["prediction"]), [load(p) for p in batch["inputs"]])
        return accumulator.results()
    total, count = 0.0, 0
    for batch in case["batches"]:
        s, c = metrics.METRICS[name](load(batch["target"]), load(batch["prediction"]))
        total, count = total + s, count + c
    return {name: total / max(1, count)}


print(json.dumps({arg: measure(arg) for arg in sys.argv[2:]}))
