"""Autograd overhead from Python: `y = (x * x).sum(); y.backward()` on a 4-element float32 tensor, µs per iteration.

Runs unchanged under PyTorch 1.13 (`/usr/bin/python3 bench/autograd-tiny.py`) and under DiveLab
(`divelab run bench/autograd-tiny.py`); bench/autograd-tiny.bench.mjs runs both and reports them side by side.
Prints one JSON line: the best and the median round, and every round's value (see bench/python-tiny-op.py for why
the best round is reported).
"""
import json
import statistics
import time

import torch

x = torch.ones(4, requires_grad=True)
for _ in range(2000):  # warm up
    y = (x * x).sum()
    y.backward()

N = 5000
rounds = []
for _ in range(7):
    t0 = time.perf_counter()
    for _ in range(N):
        y = (x * x).sum()
        y.backward()
    rounds.append((time.perf_counter() - t0) / N * 1e6)
assert x.grad.shape == (4,)
print(json.dumps({"us_per_iter": min(rounds), "median": statistics.median(rounds), "rounds": rounds}))
