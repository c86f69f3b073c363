"""Tensor methods that change the view of the data: reshape/view, transposes, squeeze/expand, and indexing.

Views share storage with their base (the core decides when reshape must copy). Indexing encodes a Python
subscript into the core's opcode list ([Note: index encoding] in src/shared/tensor/indexing.ts) so that one JS
call does the whole `t[...]`, whatever mixture of ints, slices, None, Ellipsis, lists and tensors it holds.
"""
import operator
import warnings

from ._argerrors import int_arg
from ._core import C, JsException, translate, wrap, kind_of
from ._core import call as _call

_T_WARNING = (
    "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw "
    "an error in a future release. Consider `x.mT` to transpose batches of matrices or "
    "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. (Triggered internally "
    "at  ./aten/src/ATen/native/TensorShape.cpp:3277.)"
)


def shape_arg(fname, argname, args):
    """The ints of `f(2, 3)`, `f((2, 3))` or `f([2, 3])` as a tuple, with PyTorch's error for a non-int."""
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = args[0]
    elif len(args) == 1 and type(args[0]) is not int and not hasattr(args[0], "__index__"):
        raise TypeError(f"{fname}(): argument '{argname}' (position 1) must be tuple of SymInts, not "
                        f"{type(args[0]).__name__}")
    out = []
    for pos, a in enumerate(args, 1):
        if type(a) is int:
            out.append(a)
            continue
        try:
            if isinstance(a, (bool, float)):
                raise TypeError
            out.append(operator.index(a))
        except TypeError:
            raise TypeError(f"{fname}(): argument '{argname}' must be tuple of SymInts, but found element of type "
                            f"{type(a).__name__} at pos {pos}") from None
    return tuple(out)


def _as_tuple_index(key, Tensor):
    """PyTorch's (and old NumPy's) rule: a short list holding a sequence, slice, tensor, None or ... is a tuple
    index, so `x[[0, [1]]]` means `x[0, [1]]`, while `x[[0, 1]]` is one integer-list index."""
    if type(key) is not list or len(key) >= 32:
        return key
    for k in key:
        if isinstance(k, (list, tuple, slice, Tensor)) or k is None or k is Ellipsis:
            return tuple(key)
    return key


def _encode_index(key, Tensor):
    """A subscript as (opcodes, objects) for C.getIndex / C.setIndex."""
    spec, objs = [], []
    key = _as_tuple_index(key, Tensor)
    for k in key if type(key) is tuple else (key,):
        tk = type(k)
        if tk is int:
            spec += (0, k)
        elif tk is slice:
            spec += (1, _slice_bound(k.start), _slice_bound(k.stop), _slice_bound(k.step))
        elif k is None:
            spec.append(2)
        elif k is Ellipsis:
            spec.append(3)
        elif tk is bool:
            spec += (4, len(objs))
            objs.append(k)
        elif isinstance(k, Tensor):
            spec += (4, len(objs))
            objs.append(k._t)
        elif isinstance(k, (list, tuple)):
            spec += (4, len(objs))
            objs.append(_list_index(k, Tensor))
        elif type(k).__name__ == "ndarray" and getattr(k, "_t", None) is not None:
            spec += (4, len(objs))
            objs.append(k._t._t)
        elif isinstance(k, str):
            raise TypeError(f"new(): invalid data type '{tk.__name__}'")
        else:
            try:
                spec += (0, operator.index(k))
            except TypeError:
                raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                                 f"are valid indices (got {tk.__name__})") from None
    return spec, objs


def _slice_bound(v):
    return v if v is None or type(v) is int else operator.index(v)


def _list_index(k, Tensor):
    """A Python list used as an index: nested ints/bools (tensors inside become their values)."""
    return [(_list_index(x, Tensor) if isinstance(x, (list, tuple)) else x.item() if isinstance(x, Tensor) else x)
            for x in k]


class ShapeMixin:
    __slots__ = ()

    # ------------------------------------------------------------------------------------------ reshaping
    def view(self, *shape):
        if len(shape) == 1 and not isinstance(shape[0], (tuple, list, int)) and hasattr(shape[0], "_name"):
            raise NotImplementedError("DiveLab does not support Tensor.view(dtype)")
        shape = shape_arg("view", "size", shape)
        return _call(C.viewArgs, self._t, *shape)

    def reshape(self, *shape):
        shape = shape_arg("reshape", "shape", shape)
        return _call(C.reshapeArgs, self._t, *shape)

    def view_as(self, other):
        return self.view(tuple(other._t.shape))

    def reshape_as(self, other):
        return self.reshape(tuple(other._t.shape))

    def flatten(self, start_dim=0, end_dim=-1):
        start_dim, end_dim = int_arg("flatten", "start_dim", start_dim), int_arg("flatten", "end_dim", end_dim, 2)
        return _call(C.flatten, self._t, start_dim, end_dim)

    def ravel(self):
        return self.reshape(-1)

    def squeeze(self, dim=None):
        if dim is not None:
            dim = int_arg("squeeze", "dim", dim)
        return _call(C.squeeze, self._t, dim)

    def unsqueeze(self, dim):
        dim = int_arg("unsqueeze", "dim", dim)
        return _call(C.unsqueeze, self._t, dim)

    def expand(self, *sizes):
        sizes = shape_arg("expand", "size", sizes)
        return _call(C.expand, self._t, sizes)

    def expand_as(self, other):
        return self.expand(tuple(other._t.shape))

    def narrow(self, dim, start, length):
        dim, start = int_arg("narrow", "dim", dim), int_arg("narrow", "start", start, 2)
        length = int_arg("narrow", "length", length, 3)
        return _call(C.narrow, self._t, dim, start, length)

    def select(self, dim, index):
        dim, index = int_arg("select", "dim", dim), int_arg("select", "index", index, 2)
        return _call(C.select, self._t, dim, index)

    def unbind(self, dim=0):
        n = self.size(dim)
        return tuple(self.select(dim, i) for i in range(n))

    # ------------------------------------------------------------------------------------------ transposes
    def transpose(self, dim0, dim1):
        dim0, dim1 = int_arg("transpose", "dim0", dim0), int_arg("transpose", "dim1", dim1, 2)
        return _call(C.transpose, self._t, dim0, dim1)

    swapaxes = transpose

    def t(self):
        return _call(C.t, self._t)

    @property
    def T(self):  # noqa: N802 - PyTorch's name
        if self._t.ndim > 2:
            warnings.warn(_T_WARNING, UserWarning, stacklevel=2)
        return wrap(C.T(self._t))

    @property
    def mT(self):  # noqa: N802
        return self.transpose(-2, -1)

    def permute(self, *dims):
        dims = shape_arg("permute", "dims", dims)
        return _call(C.permute, self._t, dims)

    # ------------------------------------------------------------------------------------------ indexing
    def __getitem__(self, key):
        try:
            spec, objs = _encode_index(key, type(self))
            # Without tensors/lists in the index, the opcodes go as plain arguments (no list conversion).
            return wrap(C.getIndex(self._t, spec, objs) if objs else C.getIndexArgs(self._t, *spec))
        except JsException as e:
            raise translate(e) from None

    def __setitem__(self, key, value):
        spec, objs = _encode_index(key, type(self))
        if isinstance(value, type(self)):
            v, kind = value._t, None
        else:
            kind = kind_of(value)
            if kind is None:
                # PyTorch assigns only tensors and numbers (a NumPy array counts as a tensor).
                if type(value).__name__ != "ndarray" or getattr(value, "_t", None) is None:
                    from ._dtype import TYPE_NAMES

                    raise TypeError(f"can't assign a {type(value).__name__} to a {TYPE_NAMES[self._t.dtype]}")
                v = value._t._t
            else:
                v = value
        try:
            if objs:
                C.setIndex(self._t, spec, objs, v, kind)
            else:
                C.setIndexArgs(self._t, v, kind, *spec)
        except JsException as e:
            raise translate(e) from None
