"""Writes cases.json: pyapi call sequences with PyTorch 1.13's results (run with Debian's /usr/bin/python3).

Each case is a list of calls `[name, *args]` on the pyapi object (src/shared/tensor/pyapi.ts); an argument "$k"
refers to the result of call k. Here every pyapi name is mapped to the PyTorch code it stands for, and the result
of the last call (or the first error) is recorded as PyTorch prints it. oracle.test.ts replays the calls through
pyapi and compares. Regenerate: /usr/bin/python3 src/shared/tensor/testdata/make_cases.py
"""
import json
import math
import os

import torch

DT = {None: None, "float32": torch.float32, "float64": torch.float64, "int64": torch.int64,
      "int32": torch.int32, "uint8": torch.uint8, "bool": torch.bool}


def py_scalar(v, kind):
    return {"float": float, "int": int, "bool": bool}[kind](v)


def operand(v, kind):
    return v if kind is None else py_scalar(v, kind)


def dims(d):
    return tuple(d) if isinstance(d, list) else d


BIN = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b, "div": lambda a, b: a / b,
    "floor_divide": lambda a, b: a // b, "remainder": lambda a, b: a % b, "pow": lambda a, b: a ** b,
    "fmod": torch.fmod, "eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b, "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b,
    "logical_and": torch.logical_and, "logical_or": torch.logical_or, "logical_xor": torch.logical_xor,
    "bitwise_and": lambda a, b: a & b, "bitwise_or": lambda a, b: a | b, "bitwise_xor": lambda a, b: a ^ b,
    "maximum": torch.maximum, "minimum": torch.minimum,
}
INPLACE = {"add": "add_", "sub": "sub_", "mul": "mul_", "div": "div_", "floor_divide": "floor_divide_",
           "remainder": "remainder_", "pow": "pow_"}


def get_index(t, spec, objs):
    """The Python subscript an encoded index stands for (a lone item is not wrapped in a tuple, as in x[0])."""
    items, p = [], 0
    while p < len(spec):
        op = spec[p]; p += 1
        if op == 0:
            items.append(spec[p]); p += 1
        elif op == 1:
            items.append(slice(*spec[p:p + 3])); p += 3
        elif op == 2:
            items.append(None)
        elif op == 3:
            items.append(Ellipsis)
        else:
            items.append(objs[spec[p]]); p += 1
    items = [torch.tensor(x) if isinstance(x, list) and x and isinstance(x[0], bool) else x for x in items]
    return items[0] if len(items) == 1 else tuple(items)


def set_index(t, spec, objs, v, kind):
    t[get_index(t, spec, objs)] = operand(v, kind)
    return t


API = {
    "tensor": lambda data, dtype, kind: torch.tensor(data, dtype=DT[dtype]),
    "arange": lambda s, e, st, anyf, dtype: torch.arange(*(float(x) if anyf else x for x in (s, e, st)), dtype=DT[dtype]),
    "zeros": lambda shape, dtype: torch.zeros(shape, dtype=DT[dtype]),
    "ones": lambda shape, dtype: torch.ones(shape, dtype=DT[dtype]),
    "full": lambda shape, v, kind, dtype: torch.full(shape, py_scalar(v, kind), dtype=DT[dtype]),
    "eye": lambda n, m, dtype: torch.eye(n, m, dtype=DT[dtype]) if m is not None else torch.eye(n, dtype=DT[dtype]),
    "linspace": lambda s, e, n, dtype: torch.linspace(s, e, n, dtype=DT[dtype]),
    "view": lambda t, s: t.view(s), "reshape": lambda t, s: t.reshape(s),
    "transpose": lambda t, a, b: t.transpose(a, b), "t": lambda t: t.t(), "T": lambda t: t.permute(*reversed(range(t.dim()))),
    "permute": lambda t, o: t.permute(o), "expand": lambda t, s: t.expand(s),
    "squeeze": lambda t, d: t.squeeze() if d is None else t.squeeze(d), "unsqueeze": lambda t, d: t.unsqueeze(d),
    "flatten": lambda t, s, e: t.flatten(s, e), "narrow": lambda t, d, s, n: t.narrow(d, s, n),
    "select": lambda t, d, i: t[(slice(None),) * (d % max(t.dim(), 1)) + (i,)],
    "selectMethod": lambda t, d, i: t.select(d, i), "contiguous": lambda t: t.contiguous(), "clone": lambda t: t.clone(),
    "binary": lambda op, a, b, k=None: BIN[op](a, operand(b, k)),
    "rbinary": lambda op, s, k, t: BIN[op](py_scalar(s, k), t),
    "binary_": lambda op, a, b, k=None: getattr(a, INPLACE[op])(operand(b, k)),
    "unary": lambda op, t: getattr(torch, op)(t), "unary_": lambda op, t: getattr(t, op + "_")(),
    "invert": lambda t: ~t, "round": lambda t, d: torch.round(t, decimals=d),
    "clamp": lambda t, lo, lk, hi, hk: torch.clamp(t, operand(lo, lk) if lo is not None else None,
                                                   operand(hi, hk) if hi is not None else None),
    "where": lambda c, a, ak, b, bk: torch.where(c, operand(a, ak), operand(b, bk)),
    "equal": torch.equal,
    "sum": lambda t, d, k, dt: t.sum(dtype=DT[dt]) if d is None else t.sum(dims(d), keepdim=k, dtype=DT[dt]),
    "mean": lambda t, d, k, dt: t.mean() if d is None else t.mean(dims(d), keepdim=k),
    "prod": lambda t, d, k, dt: t.prod() if d is None else t.prod(d, keepdim=k),
    "amax": lambda t, d, k: t.max() if d is None else torch.amax(t, dims(d), keepdim=k),
    "amin": lambda t, d, k: t.min() if d is None else torch.amin(t, dims(d), keepdim=k),
    "maxDim": lambda t, d, k: list(t.max(d, keepdim=k)), "minDim": lambda t, d, k: list(t.min(d, keepdim=k)),
    "argmax": lambda t, d, k: t.argmax(d, keepdim=k), "argmin": lambda t, d, k: t.argmin(d, keepdim=k),
    "all": lambda t, d, k: t.all() if d is None else t.all(d, keepdim=k),
    "any": lambda t, d, k: t.any() if d is None else t.any(d, keepdim=k),
    "std": lambda t, d, c, k: t.std(unbiased=bool(c)) if d is None else t.std(dims(d), unbiased=bool(c), keepdim=k),
    "var": lambda t, d, c, k: t.var(unbiased=bool(c)) if d is None else t.var(dims(d), unbiased=bool(c), keepdim=k),
    "cumsum": lambda t, d, dt: t.cumsum(d, dtype=DT[dt]), "cumprod": lambda t, d, dt: t.cumprod(d, dtype=DT[dt]),
    "cat": lambda ts, d: torch.cat(ts, d), "stack": lambda ts, d: torch.stack(ts, d),
    "dot": torch.dot, "mv": torch.mv, "mm": torch.mm, "matmul": torch.matmul, "outer": torch.outer,
    "norm": lambda t, p, d, k: torch.norm(t, p if p is not None else "fro", dims(d), k),
    "getIndex": lambda t, spec, objs: t[get_index(t, spec, objs)],
    "setIndex": set_index,
    "item": lambda t: t.item(), "tolist": lambda t: t.tolist(),
    "to": lambda t, d, c: t.to(DT[d], copy=bool(c)),
    "nonzero": torch.nonzero,
    "index": lambda t, i: t[i],
    "rand": lambda s, d: torch.rand(s, dtype=DT[d]), "randn": lambda s, d: torch.randn(s, dtype=DT[d]),
    "randint": lambda lo, hi, s, d: torch.randint(lo, hi, s, dtype=DT[d]) if d else torch.randint(lo, hi, s),
    "normal": lambda m, sd, s, d: torch.normal(m, sd, s, dtype=DT[d]),
    "randperm": lambda n, d: torch.randperm(n, dtype=DT[d]) if d else torch.randperm(n),
    "shapeDtype": lambda t: [list(t.shape), str(t.dtype)[6:]],
    "copy_": lambda d, s: d.copy_(s), "fill_": lambda t, v, k: t.fill_(py_scalar(v, k)), "zero_": lambda t: t.zero_(),
    "detach": lambda t: t.detach(), "setRequiresGrad": lambda t, f: t.requires_grad_(f), "zerosLike": lambda t, d: torch.zeros_like(t, dtype=DT[d]),
    "strides": lambda t: list(t.stride()), "isContiguous": lambda t: t.is_contiguous(),
    "dataPtrDelta": lambda a, b: a.data_ptr() - b.data_ptr(),
    "sameStorage": lambda a, b: a.storage().data_ptr() == b.storage().data_ptr(),
    "repr": lambda t, grad_fn, requires_grad: repr(with_grad(t, grad_fn, requires_grad)),
    "setPrintOptions": lambda *a: set_print_options(*a),
}

GRAD_FN_OPS = {"MulBackward0": lambda x: x * 1, "AddBackward0": lambda x: x + 0}


def with_grad(t, grad_fn, requires_grad):
    """A tensor equal to t that has the given grad_fn (made by an identity op) or requires grad."""
    if grad_fn:
        return GRAD_FN_OPS[grad_fn](t.detach().clone().requires_grad_(True))
    return t.detach().clone().requires_grad_(bool(requires_grad))


def set_print_options(precision, threshold, edgeitems, linewidth, profile, sci_mode):
    torch.set_printoptions(precision=precision, threshold=threshold, edgeitems=edgeitems, linewidth=linewidth,
                           profile=profile, sci_mode=sci_mode)


def resolve(a, results):
    if isinstance(a, str) and a.startswith("$"):
        return results[int(a[1:])]
    if isinstance(a, list) and any(isinstance(x, str) and x.startswith("$") for x in a):
        return [resolve(x, results) for x in a]
    return a


def show(v):
    if isinstance(v, torch.Tensor):
        return {"repr": repr(v)}
    if isinstance(v, list) and v and isinstance(v[0], torch.Tensor):
        return {"reprs": [repr(x) for x in v]}
    if isinstance(v, float) and not math.isfinite(v):
        return {"value": repr(v)}
    return {"value": v}


def run(calls):
    torch.set_printoptions(profile="default", sci_mode=None)
    results = []
    try:
        for name, *args in calls:
            args = [resolve(a, results) for a in args]
            results.append(API[name](*args))
        if calls[-1][0] == "repr":
            return {"value": results[-1]}
        if calls[-1][0] == "tolist":
            return {"json": json.dumps(results[-1])}
        return show(results[-1])
    except Exception as e:  # noqa: BLE001 - the error is the expected output
        return {"error": f"{type(e).__name__}: {e}"}


from cases import CASES  # noqa: E402

def encode(a):
    """JSON has no NaN/Infinity: non-finite floats travel as the strings 'nan', 'inf', '-inf'."""
    if isinstance(a, float) and not math.isfinite(a):
        return repr(a)
    if isinstance(a, list):
        return [encode(x) for x in a]
    return a


out = [{"name": name, "calls": encode(calls), **run(calls)} for name, calls in CASES]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(out)} cases to {path}")
