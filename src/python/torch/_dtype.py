"""torch.dtype objects: one instance per dtype the core supports, printed as PyTorch prints them.

The core names dtypes by strings ('float32', 'int64', ...); a dtype object carries that name in `_name`, so
translating in either direction is an attribute read or a dict lookup.
"""

__all__ = ["dtype", "from_core", "float32", "float64", "int64", "int32", "uint8", "bool"]


class dtype:
    """A tensor element type. Compare with `is`/`==`; print as `torch.float32`."""

    __slots__ = ("_name", "is_floating_point", "is_signed", "itemsize")
    is_complex = False

    def __init__(self, name, is_floating_point, is_signed, itemsize):
        self._name = name
        self.is_floating_point = is_floating_point
        self.is_signed = is_signed
        self.itemsize = itemsize

    def __repr__(self):
        return "torch." + self._name

    def __reduce__(self):
        return (from_core, (self._name,))


float32 = dtype("float32", True, True, 4)
float64 = dtype("float64", True, True, 8)
int64 = dtype("int64", False, True, 8)
int32 = dtype("int32", False, True, 4)
uint8 = dtype("uint8", False, False, 1)
bool = dtype("bool", False, False, 1)  # noqa: A001 - torch.bool is the public name

_BY_NAME = {d._name: d for d in (float32, float64, int64, int32, uint8, bool)}

# Legacy type strings of Tensor.type() and the dtypes they name.
TYPE_NAMES = {
    "float32": "torch.FloatTensor", "float64": "torch.DoubleTensor", "int64": "torch.LongTensor",
    "int32": "torch.IntTensor", "uint8": "torch.ByteTensor", "bool": "torch.BoolTensor",
}
_BY_TYPE_NAME = {v: _BY_NAME[k] for k, v in TYPE_NAMES.items()}


def from_core(name):
    """The dtype object for a core dtype name."""
    return _BY_NAME[name]


def from_type_name(name):
    """The dtype for a legacy type string such as 'torch.FloatTensor' (Tensor.type(str))."""
    d = _BY_TYPE_NAME.get(name)
    if d is None:
        raise ValueError(f"invalid type: '{name}'")
    return d
