"""How far an exported ring generator's points are from the ring's modes.

    python ring_distance.py EXPORT_DIR WEIGHTS.safetensors MODES RADIUS

Generates 1,000 points from normal noise (a fixed seed) with generator.py's
module and the given weights, in eval mode. Prints one JSON line: the mean
distance of a point to its nearest mode centre.
"""

import importlib.util
import json
import math
import sys
from pathlib import Path

import torch
from safetensors.torch import load_file

folder, weights, modes, radius = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
sys.path.insert(0, str(folder))


def load(name):
    spec = importlib.util.spec_from_file_location("exported_" + name, folder / (name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


module, config = load("generator"), load("train").CONFIG
g = getattr(module, config["generator"]["className"])()
g.load_state_dict(load_file(weights))
g.eval()
torch.manual_seed(0)
with torch.no_grad():
    points = g(torch.randn(1000, *config["noise"]["shape"]))  # [1000, 2]
angles = torch.arange(modes, dtype=torch.float32) * (2 * math.pi / modes)
centres = radius * torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)  # [M, 2]
print(json.dumps({"distance": torch.cdist(points, centres).min(dim=1).values.mean().item()}))
