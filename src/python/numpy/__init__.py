"""DiveLab's minimal `numpy`: just enough of NumPy 1.24 for the course's conversions between tensors and arrays.

What it is: an `ndarray` that is a NumPy-flavoured face of a DiveLab tensor (so `Tensor.numpy()` and
`torch.from_numpy(a)` share memory both ways, as in PyTorch), or, for dtype=object, a flat list of Python objects.
Arrays print exactly as NumPy 1.24 prints them (see _divelab/npformat.py). Arithmetic with NumPy's promotion
rules, a few ufuncs, linspace/meshgrid/zeros/ones (what the book's plotting examples compute) are in _math.py.

Constructors for other DiveLab packages (pandas' `.values`, d2l):
    ndarray._from_tensor(t)              an array viewing torch.Tensor `t` (numeric dtypes; shares memory)
    ndarray._from_core(handle)           the same from a raw core tensor (`_divelab_js.tensor` object)
    ndarray._from_objects(values, shape) a dtype=object array over `values`, a flat C-order list of Python objects
    array(nested_list, dtype=None)       a new numeric array; float64 for floats, int64 for ints, as NumPy infers
"""
import builtins as _b

from _divelab import npformat as _fmt

from ._math import ArrayMath as _ArrayMath
from ._math import abs, cos, exp, linspace, log, meshgrid, ones, sin, sqrt, tan, tanh, zeros  # noqa: A004,F401

__version__ = "1.24.2"
__all__ = ["ndarray", "dtype", "array", "asarray", "arange", "reshape", "float32", "float64", "int64", "int32", "uint8",
           "bool_", "object_", "nan", "inf", "pi", "e"]

nan = float("nan")
inf = float("inf")
pi = 3.141592653589793
e = 2.718281828459045


def _torch():
    import torch  # numpy is usable without torch until an array is made; torch imports numpy lazily too

    return torch


# ----------------------------------------------------------------------------------------------- scalar types
class _FloatScalar(float):
    """A NumPy floating scalar: a Python float that prints with its dtype's shortest digits."""

    _dtype_name = "float64"

    def __repr__(self):
        return _fmt.scalar_repr(float(self), self._dtype_name)

    __str__ = __repr__


class float64(_FloatScalar):  # noqa: N801 - NumPy's names
    _dtype_name = "float64"


class float32(_FloatScalar):  # noqa: N801
    _dtype_name = "float32"


class _IntScalar(int):
    _dtype_name = "int64"


class int64(_IntScalar):  # noqa: N801
    _dtype_name = "int64"


class int32(_IntScalar):  # noqa: N801
    _dtype_name = "int32"


class uint8(_IntScalar):  # noqa: N801
    _dtype_name = "uint8"


class bool_:  # noqa: N801 - only a dtype marker: scalars of bool arrays are Python bools
    _dtype_name = "bool"


class object_:  # noqa: N801
    _dtype_name = "object"


_SCALAR_TYPES = {c._dtype_name: c for c in (float64, float32, int64, int32, uint8, bool_, object_)}
_TYPE_ALIASES = {float: "float64", int: "int64", _b.bool: "bool", object: "object"}


class dtype:  # noqa: N801
    """A NumPy dtype: `dtype('float32')`; equal to its name, its scalar type and another dtype of that name."""

    __slots__ = ("name",)

    def __new__(cls, spec):
        name = _dtype_name(spec)
        self = object.__new__(cls)
        self.name = name
        return self

    def __repr__(self):
        return f"dtype('{'O' if self.name == 'object' else self.name}')"

    def __str__(self):
        return "object" if self.name == "object" else self.name

    def __eq__(self, other):
        try:
            return self.name == _dtype_name(other)
        except TypeError:
            return False

    def __hash__(self):
        return hash(self.name)

    @property
    def type(self):
        return _SCALAR_TYPES[self.name]

    @property
    def kind(self):
        return {"float32": "f", "float64": "f", "int64": "i", "int32": "i", "uint8": "u", "bool": "b"}.get(self.name, "O")


def _dtype_name(spec):
    if isinstance(spec, dtype):
        return spec.name
    if isinstance(spec, type):
        if spec in _TYPE_ALIASES:
            return _TYPE_ALIASES[spec]
        if hasattr(spec, "_dtype_name"):
            return spec._dtype_name
    if isinstance(spec, str):
        name = {"float": "float64", "int": "int64", "O": "object", "bool_": "bool", "f8": "float64",
                "f4": "float32", "i8": "int64", "i4": "int32", "u1": "uint8"}.get(spec, spec)
        if name in _SCALAR_TYPES:
            return name
    raise TypeError(f"data type {spec!r} not understood")


# ----------------------------------------------------------------------------------------------------- ndarray
class ndarray(_ArrayMath):  # noqa: N801
    """An n-dimensional array. Numeric arrays view a DiveLab tensor; object arrays hold a flat list."""

    __slots__ = ("_t", "_obj", "_shape")

    def __init__(self, *args, **kwargs):
        raise TypeError("DiveLab's numpy makes arrays with np.array(...) or Tensor.numpy(), not ndarray(...)")

    @classmethod
    def _from_tensor(cls, t):
        a = object.__new__(cls)
        a._t, a._obj, a._shape = t, None, None
        return a

    @classmethod
    def _from_core(cls, handle):
        return cls._from_tensor(_torch().Tensor._wrap(handle))

    @classmethod
    def _from_objects(cls, values, shape):
        a = object.__new__(cls)
        a._t, a._obj, a._shape = None, list(values), tuple(shape)
        return a

    # ---- metadata
    @property
    def shape(self):
        return tuple(self._t.shape) if self._t is not None else self._shape

    @property
    def dtype(self):
        return dtype(self._t.dtype._name if self._t is not None else "object")

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    @property
    def T(self):  # noqa: N802
        if self._t is None:
            raise NotImplementedError("DiveLab's numpy cannot transpose object arrays")
        return ndarray._from_tensor(self._t.T)

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    # ---- values
    def _flat(self):
        if self._t is None:
            return self._obj
        return self._t.reshape(-1).tolist()

    def tolist(self):
        if self._t is not None:
            return self._t.tolist()
        return _nest(self._obj, self._shape)

    def item(self):
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._flat()[0]

    def __getitem__(self, key):
        if self._t is None:
            raise NotImplementedError("DiveLab's numpy does not index object arrays; use pandas instead")
        r = self._t[key]
        if r.dim() == 0:
            return _scalar(r.item(), self._t.dtype._name)
        return ndarray._from_tensor(r)

    def __setitem__(self, key, value):
        if self._t is None:
            raise NotImplementedError("DiveLab's numpy does not index object arrays; use pandas instead")
        self._t[key] = value._t if isinstance(value, ndarray) else value

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def reshape(self, *shape):
        if self._t is None:
            raise NotImplementedError("DiveLab's numpy cannot reshape object arrays")
        return ndarray._from_tensor(self._t.reshape(*shape))

    def astype(self, to):
        name = _dtype_name(to)
        if self._t is None or name == "object":
            raise NotImplementedError("DiveLab's numpy converts only between numeric dtypes")
        return ndarray._from_tensor(self._t.to(getattr(_torch(), name)).clone())

    def copy(self):
        if self._t is None:
            return ndarray._from_objects(self._obj, self._shape)
        return ndarray._from_tensor(self._t.clone())

    # ---- printing
    def __repr__(self):
        return _fmt.array_repr(self._flat(), self.shape, self.dtype.name)

    def __str__(self):
        return _fmt.array_str(self._flat(), self.shape, self.dtype.name)


def _nest(flat, shape):
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return list(flat)
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _scalar(value, name):
    cls = _SCALAR_TYPES.get(name)
    return cls(value) if cls is not None and cls not in (bool_, object_) else value


# ------------------------------------------------------------------------------------------------ constructors
def _infer(obj, shape, depth, kinds):
    """Walks a nested list: fills `shape` and collects the Python kinds of the leaves ('bool', 'int', 'float', 'O')."""
    if isinstance(obj, (list, tuple)):
        if len(shape) <= depth:
            shape.append(len(obj))
        elif shape[depth] != len(obj):
            raise ValueError("setting an array element with a sequence. The requested array has an inhomogeneous "
                             f"shape after {depth} dimensions. The detected shape was {tuple(shape[:depth])} + "
                             "inhomogeneous part.")
        for x in obj:
            _infer(x, shape, depth + 1, kinds)
        return
    if len(shape) > depth:
        raise ValueError("setting an array element with a sequence. The requested array has an inhomogeneous "
                         f"shape after {depth} dimensions. The detected shape was {tuple(shape[:depth])} + "
                         "inhomogeneous part.")
    kinds.add("bool" if isinstance(obj, _b.bool) else "int" if isinstance(obj, int) else
              "float" if isinstance(obj, float) else "O")


def _object_layout(obj):
    """An object array's shape and flat items: nesting counts as dims only while it is regular (NumPy's rule)."""
    shape, level = [], [obj]
    while level and all(isinstance(x, (list, tuple)) for x in level):
        sizes = {len(x) for x in level}
        if len(sizes) != 1:
            break
        shape.append(sizes.pop())
        level = [y for x in level for y in x]
    return tuple(shape), level


def _flatten(obj, out):
    if isinstance(obj, (list, tuple)):
        for x in obj:
            _flatten(x, out)
    else:
        out.append(obj)
    return out


def array(obj, dtype=None, copy=True):  # noqa: A002 - NumPy's parameter name
    """A new array from a nested list, a scalar, an ndarray or a tensor (NumPy's dtype inference)."""
    torch = _torch()
    if isinstance(obj, ndarray):
        a = obj.copy() if copy else obj
        return a if dtype is None else a.astype(dtype)
    if isinstance(obj, torch.Tensor):
        t = obj.detach().clone() if copy else obj.detach()
        a = ndarray._from_tensor(t)
        return a if dtype is None else a.astype(dtype)
    if dtype is not None and _dtype_name(dtype) == "object":
        shape, flat = _object_layout(obj)
        return ndarray._from_objects(flat, shape)
    shape, kinds = [], set()
    _infer(obj, shape, 0, kinds)
    name = _dtype_name(dtype) if dtype is not None else (
        "object" if "O" in kinds else "float64" if "float" in kinds or not kinds else
        "int64" if "int" in kinds else "bool")
    if name == "object":
        return ndarray._from_objects(_flatten(obj, []), shape)
    if "O" in kinds:
        raise ValueError(f"could not convert string to float: {next(x for x in _flatten(obj, []) if not isinstance(x, (int, float)))!r}")
    return ndarray._from_tensor(torch.tensor(obj, dtype=getattr(torch, name)))


def asarray(obj, dtype=None):
    """Like array, but returns arrays (and tensors' memory) as they are when no conversion is needed."""
    return array(obj, dtype=dtype, copy=False)


def arange(start, stop=None, step=1, dtype=None):  # noqa: A002
    """Evenly spaced values in [start, stop): int64 for integer arguments, float64 otherwise."""
    torch = _torch()
    if stop is None:
        start, stop = 0, start
    is_float = any(isinstance(v, float) for v in (start, stop, step))
    name = _dtype_name(dtype) if dtype is not None else ("float64" if is_float else "int64")
    return ndarray._from_tensor(torch.arange(start, stop, step, dtype=getattr(torch, name)))


def reshape(a, newshape):
    """The array with a new shape (a view when possible), as a.reshape(newshape)."""
    return (a if isinstance(a, ndarray) else array(a)).reshape(newshape)
