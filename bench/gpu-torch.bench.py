"""PyTorch CUDA reference for bench/gpu.sh: float32 matmul with TF32 off, and add, timed with CUDA events.
Prints one JSON line per measurement, or {"error": ...} when CUDA is unavailable."""
import json
import sys

try:
    import torch
except ImportError:
    print(json.dumps({"error": "no torch"}))
    sys.exit(0)
if not torch.cuda.is_available():
    print(json.dumps({"error": "torch has no CUDA device"}))
    sys.exit(0)
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False


def timed(fn, reps):
    fn()
    torch.cuda.synchronize()
    out = []
    for _ in range(reps):
        s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        s.record()
        fn()
        e.record()
        torch.cuda.synchronize()
        out.append(s.elapsed_time(e))
    return out


dev = torch.cuda.get_device_name(0)
for n in [int(x) for x in sys.argv[1].split(",")]:
    a, b = torch.rand(n, n, device="cuda"), torch.rand(n, n, device="cuda")
    c = torch.empty(n, n, device="cuda")
    print(json.dumps({"impl": "torch-cuda", "device": dev, "op": "matmul", "n": n, "ms": timed(lambda: torch.mm(a, b, out=c), 10)}))
for n in [int(x) for x in sys.argv[2].split(",")]:
    a, b = torch.rand(n, device="cuda"), torch.rand(n, device="cuda")
    c = torch.empty(n, device="cuda")
    print(json.dumps({"impl": "torch-cuda", "device": dev, "op": "add", "n": n, "ms": timed(lambda: torch.add(a, b, out=c), 20)}))
