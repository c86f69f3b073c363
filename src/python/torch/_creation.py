"""Tensor creation: torch.tensor from Python data and arrays, ranges, constant and random tensors, the seed."""
import warnings

from ._core import C, JsException, translate, wrap, kind_of
from ._argerrors import invalid_combination, ARANGE
from ._device import check_device, mark_cuda
from ._dtype import dtype as _dtype_cls, float64, int64, bool as _bool
from ._tensor import Tensor
from ._tensor_shape import shape_arg

__all__ = ["tensor", "as_tensor", "from_numpy", "arange", "zeros", "ones", "empty", "full", "zeros_like",
           "ones_like", "empty_like", "full_like", "eye", "linspace", "rand", "randn", "randint", "normal",
           "randperm", "manual_seed", "seed", "initial_seed", "Generator"]

_KIND_RANK = {None: 0, "bool": 1, "int": 2, "float": 3}
_NP_SCALAR_DTYPES = ("float64", "float32", "int64", "int32", "uint8")
_PY_TYPES = {float: float64, int: int64, bool: _bool}


def dtype_name(dtype):
    """The core's name for a dtype argument (torch.float32, or Python's float/int/bool as PyTorch accepts)."""
    if dtype is None:
        return None
    if isinstance(dtype, _dtype_cls):
        return dtype._name
    d = _PY_TYPES.get(dtype)
    if d is None:
        raise TypeError(f"dtype must be torch.dtype, not {type(dtype).__name__}")
    return d._name


def _finish(handle, requires_grad, cuda=False):
    if cuda:
        mark_cuda(handle)
    if requires_grad:
        # "create": PyTorch words the dtype error differently here than in requires_grad_() (autograd/pyapi.ts).
        try:
            C.setRequiresGrad(handle, True, "create")
        except JsException as e:
            raise translate(e) from None
    return wrap(handle)


def _scan(data):
    """The widest Python kind among the leaves of nested lists, and the data with tensor/array leaves replaced by
    Python numbers (the core reads plain nested arrays). Raises PyTorch's errors for leaves that are not numbers."""
    kind = None
    changed = False
    out = []
    for x in data:
        if isinstance(x, (list, tuple)):
            k, x2 = _scan(x)
            changed = changed or x2 is not x or type(x) is tuple
            x = x2
        elif isinstance(x, Tensor):
            if x.numel() != 1:
                raise ValueError("only one element tensors can be converted to Python scalars")
            x = x.item()
            k = kind_of(x)
            changed = True
        else:
            k = kind_of(x)
            if k is None:
                x = _leaf(x)
                k = kind_of(x)
                changed = True
        if _KIND_RANK[k] > _KIND_RANK[kind]:
            kind = k
        out.append(x)
    return kind, (out if changed else data)


def _leaf(x):
    if isinstance(x, str):
        raise TypeError(f"new(): invalid data type '{type(x).__name__}'")
    if hasattr(x, "item") and hasattr(x, "_t"):  # a 0-d NumPy array
        return x.item()
    if hasattr(x, "__float__"):
        return float(x)
    raise RuntimeError(f"Could not infer dtype of {type(x).__name__}")


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A new tensor holding a copy of `data` (nested lists, a Python scalar, an ndarray or a tensor)."""
    cuda = check_device(device)
    name = dtype_name(dtype)
    try:
        if isinstance(data, Tensor):
            warnings.warn("To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach() "
                          "or sourceTensor.clone().detach().requires_grad_(True), rather than "
                          "torch.tensor(sourceTensor).", UserWarning, stacklevel=2)
            h = C.to(C.detach(data._t), name or data._t.dtype, True)
        elif type(data).__name__ == "ndarray":
            h = C.to(_array_handle(data), name or _array_handle(data).dtype, True)
        elif isinstance(data, (list, tuple)):
            kind, plain = _scan(data)
            h = C.tensor(plain, name, kind)
        else:
            kind = kind_of(data)
            if kind is None:
                data = _leaf(data)
                kind = kind_of(data)
            # A NumPy scalar keeps its dtype (torch.tensor(np.float64(1.5)) is float64), as in PyTorch.
            np_dtype = getattr(type(data), "_dtype_name", None)
            h = C.scalarTensor(data, kind, name or (np_dtype if np_dtype in _NP_SCALAR_DTYPES else None))
    except JsException as e:
        raise translate(e) from None
    return _finish(h, requires_grad, cuda)


def _array_handle(a):
    if a._t is None:
        raise TypeError("can't convert np.ndarray of type numpy.object_. The only supported types are: float64, "
                        "float32, float16, complex64, complex128, int64, int32, int16, int8, uint8, and bool.")
    return a._t._t


def as_tensor(data, dtype=None, device=None):
    """Like tensor, but shares memory with a tensor or ndarray of the requested dtype."""
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(dtype)
    if type(data).__name__ == "ndarray" and (dtype is None or dtype_name(dtype) == _array_handle(data).dtype):
        return from_numpy(data)
    return tensor(data, dtype=dtype)


def from_numpy(ndarray):
    """A tensor sharing memory with a NumPy array."""
    if type(ndarray).__name__ != "ndarray":
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    return wrap(C.detach(_array_handle(ndarray)))


def arange(start, end=None, step=1, *, dtype=None, device=None, requires_grad=False):
    """Values from start (default 0) up to end, excluding it; int64 unless an argument is a float."""
    cuda = check_device(device)
    given = (start,) if end is None else (start, end) if step == 1 else (start, end, step)
    for a in given:
        if kind_of(a) is None and not isinstance(a, Tensor):
            if len(given) == 1:
                raise TypeError(f"arange(): argument 'end' (position 1) must be Number, not {type(a).__name__}")
            raise invalid_combination("arange", given, {}, ARANGE)
    if end is None:
        start, end = 0, start
    args = [a.item() if isinstance(a, Tensor) else a for a in (start, end, step)]
    any_float = any(type(a) is float for a in args)
    try:
        return _finish(C.arange(args[0], args[1], args[2], any_float, dtype_name(dtype)), requires_grad, cuda)
    except JsException as e:
        raise translate(e) from None


def _size_kw(fname, size, kw):
    """The size given positionally or as `size=` (d2l writes `torch.randn(size=(), requires_grad=True)`)."""
    if kw:
        if set(kw) != {"size"} or size:
            name = next(k for k in kw if k != "size") if set(kw) != {"size"} else "size"
            raise TypeError(f"{fname}() got an unexpected keyword argument '{name}'" if name != "size" else
                            f"{fname}() got multiple values for argument 'size'")
        return (kw["size"],)
    return size


def _sized(fname, fn, size, dtype, requires_grad, *extra, device=None):
    cuda = check_device(device)
    shape = shape_arg(fname, "size", size)
    try:
        return _finish(fn(shape, *extra, dtype_name(dtype)), requires_grad, cuda)
    except JsException as e:
        raise translate(e) from None


def zeros(*size, dtype=None, device=None, requires_grad=False, out=None, **kw):
    return _sized("zeros", C.zeros, _size_kw("zeros", size, kw), dtype, requires_grad, device=device)


def ones(*size, dtype=None, device=None, requires_grad=False, out=None, **kw):
    return _sized("ones", C.ones, _size_kw("ones", size, kw), dtype, requires_grad, device=device)


def empty(*size, dtype=None, device=None, requires_grad=False, out=None, **kw):
    return _sized("empty", C.empty, _size_kw("empty", size, kw), dtype, requires_grad, device=device)


def full(size, fill_value, *, dtype=None, device=None, requires_grad=False):
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    kind = kind_of(fill_value)
    if kind is None:
        raise TypeError(f"full(): argument 'fill_value' (position 2) must be Number, not {type(fill_value).__name__}")
    return _sized("full", C.full, (size,) if isinstance(size, int) else size, dtype, requires_grad, fill_value,
                  kind, device=device)


def _like(fn, input, dtype, requires_grad, *extra, device=None):
    cuda = check_device(device)
    try:
        return _finish(fn(input._t, *extra, dtype_name(dtype)), requires_grad, cuda)
    except JsException as e:
        raise translate(e) from None


def zeros_like(input, *, dtype=None, device=None, requires_grad=False):  # noqa: A002 - PyTorch's names
    return _like(C.zerosLike, input, dtype, requires_grad, device=device)


def ones_like(input, *, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return _like(C.onesLike, input, dtype, requires_grad, device=device)


def empty_like(input, *, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return _like(C.emptyLike, input, dtype, requires_grad, device=device)


def full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return _like(C.fullLike, input, dtype, requires_grad, fill_value, device=device)


def eye(n, m=None, *, dtype=None, device=None, requires_grad=False):
    cuda = check_device(device)
    try:
        return _finish(C.eye(n, m, dtype_name(dtype)), requires_grad, cuda)
    except JsException as e:
        raise translate(e) from None


def linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False):
    cuda = check_device(device)
    try:
        return _finish(C.linspace(start, end, steps, dtype_name(dtype)), requires_grad, cuda)
    except JsException as e:
        raise translate(e) from None


def rand(*size, dtype=None, device=None, requires_grad=False, generator=None, **kw):
    return _sized("rand", C.rand, _size_kw("rand", size, kw), dtype, requires_grad, device=device)


def randn(*size, dtype=None, device=None, requires_grad=False, generator=None, **kw):
    return _sized("randn", C.randn, _size_kw("randn", size, kw), dtype, requires_grad, device=device)


def randint(low, high=None, size=None, *, dtype=None, device=None, requires_grad=False, generator=None):
    """randint(high, size) or randint(low, high, size): int64 values in [low, high)."""
    if size is None:
        low, high, size = 0, low, high
    if size is None:
        raise TypeError("randint() missing 1 required positional arguments: \"size\"")
    shape = shape_arg("randint", "size", (size,))
    try:
        return _finish(C.randint(low, high, shape, dtype_name(dtype)), requires_grad)
    except JsException as e:
        raise translate(e) from None


def normal(mean, std, size=None, *, dtype=None, device=None, requires_grad=False, generator=None):
    """normal(mean, std, size): values drawn from N(mean, std²) with float mean and std."""
    if size is None:
        if isinstance(mean, Tensor) or isinstance(std, Tensor):
            ref = mean if isinstance(mean, Tensor) else std
            m = mean if isinstance(mean, Tensor) else full(ref.shape, float(mean), dtype=ref.dtype)
            s = std if isinstance(std, Tensor) else full(ref.shape, float(std), dtype=ref.dtype)
            return m + s * randn(*ref.shape, dtype=ref.dtype)
        raise TypeError("normal() missing 1 required positional arguments: \"size\"")
    shape = shape_arg("normal", "size", (size,))
    try:
        return _finish(C.normal(float(mean), float(std), shape, dtype_name(dtype)), requires_grad)
    except JsException as e:
        raise translate(e) from None


def randperm(n, *, dtype=None, device=None, requires_grad=False, generator=None):
    try:
        return _finish(C.randperm(n, dtype_name(dtype) or "int64"), requires_grad)
    except JsException as e:
        raise translate(e) from None


class Generator:
    """The default random generator (DiveLab's own, so values differ from PyTorch's for the same seed)."""

    __module__ = "torch._C"

    def __init__(self, seed=67280421310721):
        self._seed = seed

    def manual_seed(self, seed):
        return manual_seed(seed)

    def initial_seed(self):
        return self._seed


_default_generator = Generator()


def manual_seed(seed):
    """Seeds DiveLab's generator; returns the generator object, as PyTorch does."""
    seed = int(seed)
    try:
        C.manualSeed(seed)
    except JsException as e:
        raise translate(e) from None
    _default_generator._seed = seed
    return _default_generator


def seed():
    import time

    s = int(time.time() * 1e6) & ((1 << 53) - 1)
    manual_seed(s)
    return s


def initial_seed():
    return _default_generator._seed
