"""torch.mm of two 1024x1024 float32 matrices from Python, in GFLOPS.

Runs unchanged under PyTorch 1.13 (`/usr/bin/python3 bench/python-matmul.py`, two threads as DiveLab's CPU
backend uses here) and under DiveLab (`divelab run bench/python-matmul.py`); bench/python-matmul.bench.mjs runs
both and reports them side by side. Prints one JSON line: the best and the median of the rounds.
"""
import json
import statistics
import time

import torch

if hasattr(torch, "set_num_threads"):  # PyTorch: match DiveLab's two worker threads on this machine
    torch.set_num_threads(2)

n = 1024
a = torch.randn(n, n)
b = torch.randn(n, n)
c = torch.mm(a, b)  # warm up (packing buffers, JIT tiers)
rounds = []
for _ in range(7):
    t0 = time.perf_counter()
    c = torch.mm(a, b)
    rounds.append(2 * n**3 / (time.perf_counter() - t0) / 1e9)
print(json.dumps({"gflops": max(rounds), "median": statistics.median(rounds), "rounds": rounds}))
