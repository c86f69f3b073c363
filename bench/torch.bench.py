"""Child process of `npm run bench` for PyTorch: `python3 bench/torch.bench.py <op> <size> <reps>` prints
{"ms": [...]} like divelab.bench.ts. Kernels write into preallocated outputs (out=), as DiveLab's do."""
import json
import sys
import time

import torch

torch.set_num_threads(2)
op, size, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def timed(warm, f):
    for _ in range(warm):
        f()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        out.append((time.perf_counter() - t0) * 1000)
    return out


if op == "matmul":
    a, b = torch.rand(size, size) * 2 - 1, torch.rand(size, size) * 2 - 1
    c = torch.empty(size, size)
    ms = timed(1 if size >= 1024 else 3, lambda: torch.mm(a, b, out=c))
elif op in ("add", "mul"):
    a, b, c = torch.rand(size), torch.rand(size), torch.empty(size)
    fn = torch.add if op == "add" else torch.mul
    ms = timed(2, lambda: fn(a, b, out=c))
elif op == "sum":
    a = torch.rand(size)
    ms = timed(2, lambda: a.sum())
elif op == "cumsum":
    a, c = torch.rand(size), torch.empty(size)
    ms = timed(2, lambda: torch.cumsum(a, 0, out=c))
elif op == "tiny":
    a, b = torch.arange(float(size)), torch.arange(float(size))
    calls = 20000

    def loop():
        for _ in range(calls):
            a + b

    ms = [t * 1000 / calls for t in timed(3, loop)]
else:
    raise SystemExit(f"unknown op {op}")
print(json.dumps({"ms": ms, "info": {"torch": torch.__version__, "threads": torch.get_num_threads()}}))
