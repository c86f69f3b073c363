"""Per-op overhead from Python: `y = x + x` on a 4-element float32 tensor, in µs per op.

Runs unchanged under PyTorch 1.13 (`/usr/bin/python3 bench/python-tiny-op.py`) and under DiveLab
(`divelab run bench/python-tiny-op.py`); bench/python-tiny-op.bench.mjs runs both and reports them side by side.
Prints one JSON line: the best and the median round, and every round's value. On a shared, loaded machine the best
round is the steadier estimate of the cost itself; compare implementations only within one run.
"""
import json
import statistics
import time

import torch

x = torch.ones(4)
for _ in range(5000):  # warm up (JIT tiers in the JS engine, caches in both)
    y = x + x

N = 20000
rounds = []
for _ in range(9):
    t0 = time.perf_counter()
    for _ in range(N):
        y = x + x
    rounds.append((time.perf_counter() - t0) / N * 1e6)
print(json.dumps({"us_per_op": min(rounds), "median": statistics.median(rounds), "rounds": rounds}))
