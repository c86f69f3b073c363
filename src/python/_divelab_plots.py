"""Samples for the plot panel: values and autograd derivatives of a function the student typed.

The panel sends `eval` requests that call these functions; each returns a dict of plain numbers and lists, which
the engine sends back as JSON (non-finite values become None, since JSON has no NaN). A whole grid costs one
forward and one backward pass, so the panel can then move the tangent point or the probe without new requests.
"""
import base64
import math

import torch

_NAMES = {
    name: getattr(torch, name)
    for name in ("sin", "cos", "tan", "tanh", "exp", "log", "sqrt", "abs", "relu", "sigmoid", "clamp", "maximum", "minimum", "where")
    if hasattr(torch, name)
}


class PlotInputError(ValueError):
    """The function typed in the panel can't be plotted; the message says why."""


def _evaluate(expr, variables):
    env = {"torch": torch, "math": math, "pi": math.pi, "e": math.e, **_NAMES, **variables}
    try:
        code = compile(expr, "<function>", "eval")
    except SyntaxError as err:
        raise PlotInputError(f"syntax error in f: {err.msg} (column {err.offset})") from None
    try:
        value = eval(code, env)
    except NameError as err:
        raise PlotInputError(f"{err}; use x (or x1, x2) and torch functions such as torch.sin") from None
    if not isinstance(value, torch.Tensor):
        if isinstance(value, (int, float)):
            value = torch.full_like(next(iter(variables.values())), float(value))
        else:
            raise PlotInputError(f"f must give a number or a tensor, not {type(value).__name__}")
    return value


def _check_shape(value, like):
    if tuple(value.shape) != tuple(like.shape):
        if value.numel() == 1:
            return value.expand(like.shape)
        raise PlotInputError(
            f"f returned shape {list(value.shape)}, expected {list(like.shape)}: apply it elementwise to x"
        )
    return value


def _grads(value, inputs):
    if not value.requires_grad:  # a constant function: zero derivative everywhere
        return [torch.zeros_like(t) for t in inputs]
    value.sum().backward()
    return [t.grad if t.grad is not None else torch.zeros_like(t) for t in inputs]


def _num(v):
    return v if math.isfinite(v) else None


def _clean(values):
    return [_num(v) for v in values]


def sample_curve(expr, lo, hi, n=400):
    """f and f′ on n points of [lo, hi]."""
    x = torch.linspace(float(lo), float(hi), int(n), dtype=torch.float64, requires_grad=True)
    y = _check_shape(_evaluate(expr, {"x": x}), x)
    (dy,) = _grads(y, [x])
    return {"x": x.detach().tolist(), "y": _clean(y.detach().tolist()), "dy": _clean(dy.tolist())}


def difference_quotients(expr, x0, steps=5):
    """(f(x0+h) − f(x0))/h for h = 0.1 … 10⁻ⁿ, in float64, and f′(x0) from autograd."""
    x = torch.tensor([float(x0)], dtype=torch.float64, requires_grad=True)
    y = _check_shape(_evaluate(expr, {"x": x}), x)
    (dy,) = _grads(y, [x])
    rows, h = [], 0.1
    for _ in range(int(steps)):
        xh = torch.tensor([float(x0) + h], dtype=torch.float64)
        yh = _check_shape(_evaluate(expr, {"x": xh}), xh)
        rows.append({"h": h, "quotient": _num((yh.item() - y.item()) / h)})
        h *= 0.1
    return {"rows": rows, "derivative": _num(dy.item()), "value": _num(y.item())}


def _packed(t):
    """A float64 grid as base64 of its bytes (see src/shared/plot/transfer.ts): ~1 ms where tolist() and JSON take
    ~150 ms for 200×200, and NaN/inf survive. Reads the core tensor behind the torch.Tensor (`_t`) directly."""
    t = t.detach().to(torch.float64).contiguous()
    h = t._t
    raw = h.storage.data.subarray(h.offset, h.offset + t.numel()).to_bytes()
    return {"f64": base64.b64encode(raw).decode("ascii"), "shape": list(t.shape)}


def sample_field(expr, lo1, hi1, lo2, hi2, n=60):
    """f(x1, x2) and ∇f on an n×n grid; z[i][j] is at (x1[j], x2[i])."""
    a = torch.linspace(float(lo1), float(hi1), int(n), dtype=torch.float64)
    b = torch.linspace(float(lo2), float(hi2), int(n), dtype=torch.float64)
    x1 = a.reshape(1, -1).expand(int(n), int(n)).clone().requires_grad_(True)
    x2 = b.reshape(-1, 1).expand(int(n), int(n)).clone().requires_grad_(True)
    z = _check_shape(_evaluate(expr, {"x1": x1, "x2": x2}), x1)
    g1, g2 = _grads(z, [x1, x2])
    return {"x1": a.tolist(), "x2": b.tolist(), "z": _packed(z), "g1": _packed(g1), "g2": _packed(g2)}


def field_point(expr, p1, p2):
    """f and the exact ∇f at one point (the probe the student clicks)."""
    x1 = torch.tensor(float(p1), dtype=torch.float64, requires_grad=True)
    x2 = torch.tensor(float(p2), dtype=torch.float64, requires_grad=True)
    z = _evaluate(expr, {"x1": x1, "x2": x2})
    if z.numel() != 1:
        raise PlotInputError(f"f returned shape {list(z.shape)} at a point, expected a scalar")
    g1, g2 = _grads(z.reshape(()), [x1, x2])
    return {"value": _num(z.item()), "gradient": [_num(g1.item()), _num(g2.item())]}
