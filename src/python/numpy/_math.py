"""NumPy arithmetic for DiveLab's ndarray: what the book's plotting examples compute (`3 * x ** 2 - 4 * x` on
`np.arange(0, 3, 0.1)`), plus linspace, meshgrid and the elementwise functions.

Each operation casts its operands to the dtype NumPy 1.24 would give, then runs the tensor operation; the
promotion rules below are NumPy's (value-based for Python scalars), not PyTorch's: an int64 array times 2.5 is
float64 in NumPy, where PyTorch would give float32.
"""
import math as _math

_KIND = {"bool": 0, "uint8": 1, "int32": 1, "int64": 1, "float32": 2, "float64": 2}


def _torch():
    import torch

    return torch


def _scalar_kind(v):
    return 0 if isinstance(v, bool) else 1 if isinstance(v, int) else 2 if isinstance(v, float) else None


def _result_dtype(a, b):
    """NumPy's result dtype for array `a` (dtype name) with array dtype name or Python scalar `b`."""
    if isinstance(b, str):
        if a == b:
            return a
        ka, kb = _KIND[a], _KIND[b]
        if ka == kb == 2:
            return "float64"
        if ka == kb == 1:
            order = ["uint8", "int32", "int64"]
            if "uint8" in (a, b) and "int32" in (a, b):
                return "int32"
            return order[max(order.index(a), order.index(b))]
        if {ka, kb} == {1, 2}:
            small = {a, b} & {"uint8"}
            return "float32" if small and "float32" in (a, b) else "float64"
        return a if ka > kb else b
    kind = _scalar_kind(b)
    if kind is None:
        raise TypeError(f"unsupported operand type: {type(b).__name__}")
    if kind <= _KIND[a]:
        return a
    return "float64" if kind == 2 else "int64"


def _wrap(t):
    from . import ndarray

    return ndarray._from_tensor(t)


def _operands(a, b):
    from . import ndarray

    torch = _torch()
    if a._t is None:
        raise TypeError("DiveLab's numpy has no arithmetic on object arrays")
    if isinstance(b, ndarray):
        name = _result_dtype(a.dtype.name, b.dtype.name)
        return a._t.to(getattr(torch, name)), b._t.to(getattr(torch, name)), name
    if isinstance(b, torch.Tensor):
        return NotImplemented, None, None
    name = _result_dtype(a.dtype.name, b)
    return a._t.to(getattr(torch, name)), b, name


def _binary(op, true_div=False, reflect=False):
    def method(self, other):
        x, y, name = _operands(self, other)
        if x is NotImplemented:
            return NotImplemented
        torch = _torch()
        if true_div and name not in ("float32", "float64"):
            x = x.to(torch.float64)
            y = y.to(torch.float64) if isinstance(y, torch.Tensor) else float(y)
        return _wrap(op(y, x) if reflect else op(x, y))

    return method


class ArrayMath:
    """Operators of ndarray (mixed into it)."""

    __add__ = _binary(lambda x, y: x + y)
    __radd__ = _binary(lambda x, y: x + y, reflect=True)
    __sub__ = _binary(lambda x, y: x - y)
    __rsub__ = _binary(lambda x, y: x - y, reflect=True)
    __mul__ = _binary(lambda x, y: x * y)
    __rmul__ = _binary(lambda x, y: x * y, reflect=True)
    __truediv__ = _binary(lambda x, y: x / y, true_div=True)
    __rtruediv__ = _binary(lambda x, y: x / y, true_div=True, reflect=True)
    __pow__ = _binary(lambda x, y: x ** y)
    __rpow__ = _binary(lambda x, y: x ** y, reflect=True)
    __lt__ = _binary(lambda x, y: x < y)
    __le__ = _binary(lambda x, y: x <= y)
    __gt__ = _binary(lambda x, y: x > y)
    __ge__ = _binary(lambda x, y: x >= y)

    def __neg__(self):
        return _wrap(-self._t)

    def __abs__(self):
        return _wrap(self._t.abs())

    def sum(self, axis=None):
        t = self._t if axis is None else self._t
        return _reduce(t.sum() if axis is None else t.sum(axis))

    def mean(self, axis=None):
        t = self._t.to(_torch().float64) if self.dtype.name not in ("float32", "float64") else self._t
        return _reduce(t.mean() if axis is None else t.mean(axis))


def _reduce(t):
    from . import _scalar

    if t.dim() == 0:
        return _scalar(t.item(), t.dtype._name)
    return _wrap(t)


def _unary(name, fn):
    def ufunc(x):
        from . import asarray, ndarray

        if isinstance(x, (int, float)) and not isinstance(x, bool):
            from . import float64

            return float64(getattr(_math, name)(x)) if name != "abs" else abs(x)
        a = x if isinstance(x, ndarray) else asarray(x)
        t = a._t
        if name != "abs" and a.dtype.name not in ("float32", "float64"):
            t = t.to(_torch().float64)
        return _wrap(fn(t))

    ufunc.__name__ = name
    return ufunc


sin = _unary("sin", lambda t: t.sin())
cos = _unary("cos", lambda t: t.cos())
tan = _unary("tan", lambda t: t.sin() / t.cos())
exp = _unary("exp", lambda t: t.exp())
log = _unary("log", lambda t: t.log())
sqrt = _unary("sqrt", lambda t: t.sqrt())
tanh = _unary("tanh", lambda t: t.tanh())
abs = _unary("abs", lambda t: t.abs())  # noqa: A001 - NumPy's name


def linspace(start, stop, num=50, endpoint=True, dtype=None):
    torch = _torch()
    from . import _dtype_name

    name = _dtype_name(dtype) if dtype is not None else "float64"
    if endpoint:
        t = torch.linspace(float(start), float(stop), int(num), dtype=torch.float64)
    else:
        t = torch.linspace(float(start), float(stop), int(num) + 1, dtype=torch.float64)[:-1]
    return _wrap(t.to(getattr(torch, name)))


def meshgrid(*xi, indexing="xy"):
    """Coordinate matrices from coordinate vectors; 'xy' (NumPy's default) gives shape (len(y), len(x))."""
    from . import asarray

    tensors = [asarray(x)._t.reshape(-1) for x in xi]
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    lens = [t.shape[0] for t in tensors]
    if indexing == "xy" and len(tensors) >= 2:
        lens[0], lens[1] = lens[1], lens[0]
    grids = []
    for i, t in enumerate(tensors):
        axis = i
        if indexing == "xy" and len(tensors) >= 2 and i < 2:
            axis = 1 - i
        shape = [1] * len(tensors)
        shape[axis] = -1
        grids.append(_wrap(t.reshape(*shape).expand(*lens).contiguous()))
    return grids


def zeros(shape, dtype=None):
    from . import _dtype_name

    torch = _torch()
    return _wrap(torch.zeros(shape, dtype=getattr(torch, _dtype_name(dtype) if dtype is not None else "float64")))


def ones(shape, dtype=None):
    from . import _dtype_name

    torch = _torch()
    return _wrap(torch.ones(shape, dtype=getattr(torch, _dtype_name(dtype) if dtype is not None else "float64")))
