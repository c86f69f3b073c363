"""The bridge to the TypeScript frame core (`_divelab_js.frame`): error translation and value conversion.

The core works on JS values; what JS cannot tell apart (3 from 3.0, True from 1) is decided here, from the Python
types the student passed, and travels with the values as a dtype name.
"""
import math

from _divelab.errors import JsException, translate
from _divelab_js import frame as _js
from pyodide.ffi import to_js as _to_js

try:  # DiveLab's numpy, for .values and dtype objects
    import numpy as _np
except ImportError:  # pragma: no cover - numpy ships with DiveLab
    _np = None


class _KeyError(KeyError):
    """KeyError whose str() is the core's text, already quoted as pandas quotes it."""

    def __str__(self):
        return self.args[0] if self.args else ""


_KeyError.__name__ = "KeyError"
_KeyError.__qualname__ = "KeyError"
_KeyError.__module__ = "builtins"


def _translate(e):
    kind = getattr(e, "pyType", None)
    if kind == "KeyError":
        return _KeyError(getattr(e, "message", str(e)))
    if kind == "UnicodeDecodeError":
        return _unicode_error(getattr(e, "message", ""))
    return translate(e)


def _unicode_error(message):
    """UnicodeDecodeError needs (encoding, bytes, start, end, reason); the core's text carries them."""
    import re

    m = re.match(r"'([^']+)' codec can't decode (?:byte 0x([0-9a-f]{2})|bytes) in position (\d+)(?:-(\d+))?: (.*)$",
                 message, re.S)
    if not m:
        return UnicodeError(message)
    enc, byte, start, last, reason = m.groups()
    start = int(start)
    end = int(last) + 1 if last else start + 1
    data = bytes(start) + (bytes([int(byte, 16)]) if byte else bytes(end - start))
    return UnicodeDecodeError(enc, data, start, end, reason)


class _Core:
    """`F.name(...)` calls the core function `name` and turns its PyError into the Python exception."""

    def __getattr__(self, name):
        fn = getattr(_js, name)

        def call(*args):
            try:
                return fn(*args)
            except JsException as e:
                raise _translate(e) from None

        setattr(self, name, call)
        return call


F = _Core()


def js(value):
    """A Python list/dict as a plain JS Array/Object (None becomes undefined, which the core treats as None)."""
    from js import Object

    return _to_js(value, dict_converter=Object.fromEntries)


def py(value):
    """A JS array (or other proxy) as Python data."""
    return value.to_py() if hasattr(value, "to_py") else value


def scalar(value, dtype):
    """A cell from the core as pandas returns it: float for float64 (NaN too), int for int64, bool for bool."""
    if value is None:
        return None
    if dtype == "float64":
        return float(value)
    if dtype in ("int64", "uint8"):
        return int(value)
    if dtype == "bool":
        return bool(value)
    return value


def is_na(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def infer_dtype(values):
    """pandas' dtype for a list of Python values: bool, int64, float64 (numbers with None/NaN gaps) or object."""
    if not values:
        return "object"
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("bool")
        elif isinstance(v, int):
            kinds.add("int")
        elif isinstance(v, float):
            kinds.add("float")
        elif v is None:
            kinds.add("none")
        else:
            kinds.add("object")
    if kinds == {"bool"}:
        return "bool"
    if kinds == {"int"}:
        return "int64"
    if kinds <= {"int", "float", "none"} and kinds & {"int", "float"}:
        return "float64"
    if kinds == {"none"}:
        return "object"
    return "object"


_DTYPE_NAMES = {
    float: "float64", int: "int64", bool: "bool", str: "object", object: "object",
    "float": "float64", "float64": "float64", "f8": "float64", "int": "int64", "int64": "int64", "i8": "int64",
    "uint8": "uint8", "u1": "uint8", "bool": "bool", "str": "object", "object": "object", "O": "object",
}


def dtype_name(spec):
    """A dtype argument (float, 'float64', numpy dtypes and types) as the core's dtype name."""
    if spec in _DTYPE_NAMES:
        return _DTYPE_NAMES[spec]
    name = getattr(spec, "name", None) or getattr(spec, "_dtype_name", None)
    if name in _DTYPE_NAMES:
        return _DTYPE_NAMES[name]
    raise TypeError(f"data type '{spec}' not understood")


def np_dtype(name):
    return _np.dtype(name) if _np is not None else name


def column(values, dtype=None):
    """A core column from a Python sequence (list, tuple, range, Series, ndarray)."""
    if hasattr(values, "_h") and hasattr(values, "_col"):
        col = values._col()
        return col if dtype is None else F.astypeSeries(values._h, dtype_name(dtype)).col
    if hasattr(values, "tolist"):
        values = values.tolist()
    values = list(values)
    name = dtype_name(dtype) if dtype is not None else infer_dtype(values)
    if name == "object":
        floats = [i for i, v in enumerate(values) if isinstance(v, float) and v == v and v.is_integer()]
        if floats:
            return F.objectColumn(js(values), js(floats))
    return F.column(js(values), name)


def fast_numpy(handle, shape):
    """The ndarray of a numeric frame/series straight from a flat buffer (no Python lists); None for objects."""
    if _np is None:
        return None
    got = F.flatValues(handle)
    if got is None:
        return None
    flat, dtype = got.to_py(depth=1)
    from _divelab_js import tensor as _tensor

    return _np.ndarray._from_core(_tensor.fromFlat(flat, js(list(shape)), dtype))


def to_numpy(rows, dtype, shape):
    """An ndarray of DiveLab's numpy from row-major nested lists (object dtype when pandas says object)."""
    if _np is None:
        return rows
    if dtype == "object":
        flat = [v for row in rows for v in row] if len(shape) == 2 else list(rows)
        return _np.ndarray._from_objects(flat, tuple(shape))
    if not rows:
        return _np.array(rows, dtype=dtype).reshape(shape) if hasattr(_np, "reshape") else _np.array(rows, dtype=dtype)
    return _np.array(rows, dtype=dtype)
