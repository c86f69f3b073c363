"""torch.Tensor: the Python face of a core tensor handle — operators, conversions, printing, autograd hooks.

The methods by concept live in mixins (_tensor_shape.py: views and indexing; _tensor_math.py: elementwise,
reductions and linear algebra); this file holds the class itself, the operators and the Python protocols.
Semantics (promotion, broadcasting, messages) are the core's: each method is one call into `C`.
"""
import json

from . import _core
from ._core import C, JsException, translate, wrap, SCALAR_KINDS, kind_of, NULLS
from ._device import check_device, copy_to, is_cuda
from ._dtype import from_core, TYPE_NAMES, from_type_name, dtype as _dtype_cls, float32 as _float32
from ._size import Size
from ._tensor_math import MathMixin
from ._tensor_shape import ShapeMixin

def _binary(op, a, b):
    """`a op b` for a Tensor `a` and a tensor or Python scalar `b`; NotImplemented for other types."""
    tb = type(b)
    try:
        if tb is Tensor:
            return wrap(C.binary(op, a._t, b._t, None))
        kind = SCALAR_KINDS.get(tb) or kind_of(b)
        if kind is None:
            return _other_operand(op, a, b)
        return wrap(C.binary(op, a._t, b, kind))
    except JsException as e:
        raise translate(e) from None


def _rbinary(op, a, b):
    """`b op a` for a Python scalar `b` on the left (2 - x)."""
    kind = SCALAR_KINDS.get(type(b)) or kind_of(b)
    if kind is None:
        return NotImplemented
    try:
        return wrap(C.rbinary(op, b, kind, a._t))
    except JsException as e:
        raise translate(e) from None


def _inplace(op, a, b):
    """`a op= b`: writes into `a` and returns `a` itself, so id() is unchanged."""
    tb = type(b)
    try:
        if tb is Tensor:
            C.binary_(op, a._t, b._t, None)
            return a
        kind = SCALAR_KINDS.get(tb) or kind_of(b)
        if kind is None:
            other = _as_tensor_operand(b)
            if other is None:
                return NotImplemented
            C.binary_(op, a._t, other._t, None)
            return a
        C.binary_(op, a._t, b, kind)
        return a
    except JsException as e:
        raise translate(e) from None


def _as_tensor_operand(b):
    """A Tensor subclass or a NumPy array operand as a Tensor (PyTorch accepts both in arithmetic), else None."""
    if isinstance(b, Tensor):
        return b
    arr = getattr(b, "_t", None)
    if arr is not None and type(b).__name__ == "ndarray":
        return arr
    return None


def _other_operand(op, a, b):
    other = _as_tensor_operand(b)
    if other is None:
        return NotImplemented
    return wrap(C.binary(op, a._t, other._t, None))


def _fast_binary(op, name):
    """`__add__` and friends: the tensor-with-tensor case inline (one Python frame, one JS call), the rest via
    _binary. Pyodide's Python calls are dear enough (~0.15 µs each) that saving two matters for tiny ops."""
    binary = C.binary
    new = object.__new__
    kinds = SCALAR_KINDS

    def method(self, o):
        to = type(o)
        if to is Tensor:
            other, kind = o._t, None
        else:
            kind = kinds.get(to)
            if kind is None:
                return _binary(op, self, o)
            other = o
        try:
            h = binary(op, self._t, other, kind)
        except JsException as e:
            raise translate(e) from None
        t = new(Tensor)
        t._t = h
        return t

    method.__name__ = method.__qualname__ = name
    method.__code__ = method.__code__.replace(co_name=name, co_qualname=name)
    return method


class Tensor(ShapeMixin, MathMixin):
    """A multi-dimensional array with PyTorch's semantics, backed by DiveLab's TypeScript core."""

    __slots__ = ("_t", "__dict__", "__weakref__")
    __module__ = "torch"

    def __new__(cls, *args):
        """The legacy constructor: torch.Tensor([1, 2]) (data, as float32) or torch.Tensor(2, 3) (a shape)."""
        from ._creation import tensor, zeros

        if len(args) == 1 and isinstance(args[0], (list, tuple, Tensor)) or args and type(args[0]).__name__ == "ndarray":
            return tensor(args[0], dtype=_float32)
        # PyTorch leaves these uninitialised; zeros are one of the values it may show.
        return zeros(*args) if args else tensor([], dtype=_float32)

    def __init__(self, *args):
        pass  # everything happens in __new__ (and in wrap(), which bypasses both)

    @staticmethod
    def _wrap(handle):
        """A Tensor for a raw core handle (for other DiveLab packages: pandas, d2l, numpy)."""
        return wrap(handle)

    # ------------------------------------------------------------------------------------------ metadata
    @property
    def shape(self):
        return Size(self._t.shape)

    def size(self, dim=None):
        if dim is None:
            return Size(self._t.shape)
        try:
            return self._t.shape[_wrap_dim(dim, self._t.ndim)]
        except JsException as e:
            raise translate(e) from None

    @property
    def dtype(self):
        return from_core(self._t.dtype)

    @property
    def ndim(self):
        return self._t.ndim

    def dim(self):
        return self._t.ndim

    def numel(self):
        return self._t.numel

    nelement = numel

    def element_size(self):
        return self.dtype.itemsize

    def stride(self, dim=None):
        strides = tuple(self._t.strides)
        return strides if dim is None else strides[_wrap_dim(dim, self._t.ndim)]

    def is_contiguous(self):
        return self._t.isContiguous

    def data_ptr(self):
        return int(self._t.dataPtr)

    def storage(self):
        """The tensor's storage, enough to compare identity: `a.storage().data_ptr() == b.storage().data_ptr()`."""
        return _StorageRef(self._t)

    def is_floating_point(self):
        return self._t.dtype in ("float32", "float64")

    @property
    def device(self):
        from . import device

        return device("cuda", 0) if is_cuda(self._t) else device("cpu")

    @property
    def is_cuda(self):
        return is_cuda(self._t)

    @property
    def _version(self):
        return self._t._version

    # ------------------------------------------------------------------------------------------ autograd hooks
    # The autograd layer (src/shared/autograd, torch/autograd.py) owns the meaning; these only read/write the core.
    @property
    def requires_grad(self):
        return bool(self._t.requiresGrad)

    @requires_grad.setter
    def requires_grad(self, flag):
        # "attr": PyTorch's message for integer tensors differs between the attribute and requires_grad_()
        self.requires_grad_(flag, _how="attr")

    def requires_grad_(self, requires_grad=True, *, _how="method"):
        if not self._t.isLeaf and not requires_grad:
            raise RuntimeError("you can only change requires_grad flags of leaf variables. If you want to use a "
                               "computed variable in a subgraph that doesn't require differentiation use "
                               "var_no_grad = var.detach().")
        try:
            C.setRequiresGrad(self._t, bool(requires_grad), _how)
        except JsException as e:
            raise translate(e) from None
        return self

    @property
    def grad(self):
        autograd = _autograd()
        if autograd is not None:
            return autograd._get_grad(self)  # warns for a non-leaf, as PyTorch does
        g = self._t.grad
        return None if g in NULLS else wrap(g)

    @grad.setter
    def grad(self, value):
        autograd = _autograd()
        if autograd is not None:
            autograd._set_grad(self, value)  # PyTorch's size/dtype checks
            return
        self._t.grad = None if value is None else value._t

    @property
    def retains_grad(self):
        return bool(self._t.retainsGrad)

    @property
    def grad_fn(self):
        fn = self._t.gradFn
        if fn in NULLS:
            return None
        autograd = _autograd()
        return autograd._wrap_node(fn) if autograd is not None and hasattr(autograd, "_wrap_node") else fn

    @property
    def is_leaf(self):
        return bool(self._t.isLeaf)

    @property
    def data(self):
        return wrap(C.detach(self._t))

    @data.setter
    def data(self, value):
        raise NotImplementedError("DiveLab does not support assigning to Tensor.data; use torch.no_grad() and copy_")

    def detach(self):
        return wrap(C.detach(self._t))

    def detach_(self):
        try:
            C.detach_(self._t)
        except JsException as e:
            raise translate(e) from None
        return self

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        autograd = _autograd()
        if autograd is None:
            raise NotImplementedError("autograd is not available in this DiveLab build")
        autograd.backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    def retain_grad(self):
        autograd = _autograd()
        if autograd is None:
            raise NotImplementedError("autograd is not available in this DiveLab build")
        autograd._retain_grad(self)

    # ------------------------------------------------------------------------------------------ printing
    def __repr__(self):
        # The core names the grad_fn itself (autograd's pyapi.repr), so printing is one JS call.
        try:
            return C.repr(self._t, None, None)
        except JsException as e:
            raise translate(e) from None

    __str__ = __repr__

    def __format__(self, spec):
        if self._t.ndim == 0:
            return format(self.item(), spec)
        return object.__format__(self, spec)

    # ------------------------------------------------------------------------------------------ Python protocols
    def __len__(self):
        shape = self._t.shape
        if len(shape) == 0:
            raise TypeError("len() of a 0-d tensor")
        return shape[0]

    def __iter__(self):
        # Not a generator function: the 0-d error must come from iter(), as in PyTorch, not from the first next().
        if self._t.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        t, select = self._t, C.select
        return (wrap(select(t, 0, i)) for i in range(t.shape[0]))

    def __hash__(self):
        return id(self)

    def __contains__(self, element):
        if isinstance(element, Tensor) or kind_of(element) is not None:
            return bool((self == element).any().item())
        raise RuntimeError(f"Tensor.__contains__ only supports Tensor or scalar, but you passed in a {type(element)}.")

    def __bool__(self):
        if self._t.numel != 1:
            if self._t.numel == 0:
                raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self.item())

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        if self._t.dtype in ("float32", "float64") or self._t.numel != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __complex__(self):
        return complex(self.item())

    def __reduce_ex__(self, proto):
        return (_rebuild, (self.tolist(), self._t.dtype, tuple(self._t.shape), self.requires_grad))

    def __deepcopy__(self, memo):
        if not self.is_leaf:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                               "protocol at the moment.  If you were attempting to deepcopy a module, this may be "
                               "because of a torch.nn.utils.weight_norm usage, see "
                               "https://github.com/pytorch/pytorch/pull/103001")
        r = self.clone().detach()
        return r.requires_grad_(True) if self.requires_grad else r

    def __array__(self, dtype=None):
        return self.numpy()

    # ------------------------------------------------------------------------------------------ conversion
    def item(self):
        t = self._t
        try:
            v = C.item(t)
        except JsException as e:
            raise translate(e) from None
        # Pyodide turns an integral JS number into a Python int; floating dtypes must give floats.
        return float(v) if t.dtype in ("float32", "float64") else v

    def tolist(self):
        return json.loads(C.tolist(self._t))

    def numpy(self):
        if is_cuda(self._t):
            raise TypeError("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to "
                            "host memory first.")
        if self._t.requiresGrad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        import numpy

        return numpy.ndarray._from_tensor(self)

    def to(self, *args, dtype=None, copy=False, non_blocking=False, device=None):

        target = None  # None: stay; else True for cuda, False for the CPU
        for a in args:
            if isinstance(a, _dtype_cls):
                dtype = a
            elif isinstance(a, Tensor):
                dtype, target = a.dtype, is_cuda(a._t)
            else:
                target = check_device(a)
        if device is not None:
            target = check_device(device)
        t = self
        if target is not None and target != is_cuda(self._t):
            t, copy = wrap(copy_to(self._t, "cuda" if target else "cpu")), False
        if dtype is None:
            return t.clone() if copy else t
        return t._cast(dtype._name, copy)

    def _cast(self, name, copy=False):
        try:
            r = C.to(self._t, name, copy)
        except JsException as e:
            raise translate(e) from None
        # C.to returns the same handle when nothing changes; keep the same Python object then, as PyTorch does.
        return self if (not copy and r.dtype == self._t.dtype) else wrap(r)

    def type(self, dtype=None, non_blocking=False):
        if dtype is None:
            return TYPE_NAMES[self._t.dtype]
        if isinstance(dtype, str):
            dtype = from_type_name(dtype)
        return self._cast(dtype._name)

    def float(self):
        return self._cast("float32")

    def double(self):
        return self._cast("float64")

    def long(self):
        return self._cast("int64")

    def int(self):
        return self._cast("int32")

    def bool(self):
        return self._cast("bool")

    def byte(self):
        return self._cast("uint8")

    def cpu(self):
        return wrap(copy_to(self._t, "cpu")) if is_cuda(self._t) else self

    def cuda(self, device=None, non_blocking=False):
        from ._device import device as _device_cls

        check_device(_device_cls("cuda") if device is None else _device_cls("cuda", device) if isinstance(device, int) else device)
        return self if is_cuda(self._t) else wrap(copy_to(self._t, "cuda"))

    def clone(self, memory_format=None):
        try:
            return wrap(C.clone(self._t))
        except JsException as e:
            raise translate(e) from None

    def contiguous(self, memory_format=None):
        # PyTorch returns the tensor itself when it is already contiguous.
        return self if self._t.isContiguous else wrap(C.contiguous(self._t))

    def copy_(self, src, non_blocking=False):
        if not isinstance(src, Tensor):
            raise TypeError(f"copy_(): argument 'other' (position 1) must be Tensor, not {type(src).__name__}")
        try:
            C.copy_(self._t, src._t)
        except JsException as e:
            raise translate(e) from None
        return self

    def fill_(self, value):
        if isinstance(value, Tensor):
            value = value.item()
        kind = kind_of(value)
        if kind is None:
            from ._argerrors import invalid_combination, FILL_

            t = type(value).__name__
            raise invalid_combination("fill_", (value,), {}, tuple(sig.format(t=t) for sig in FILL_))
        try:
            C.fill_(self._t, value, kind)
        except JsException as e:
            raise translate(e) from None
        return self

    def zero_(self):
        try:
            C.zero_(self._t)
        except JsException as e:
            raise translate(e) from None
        return self

    # ------------------------------------------------------------------------------------------ operators
    __add__ = _fast_binary("add", "__add__")
    def __radd__(self, o): return _rbinary("add", self, o)
    def __iadd__(self, o): return _inplace("add", self, o)
    __sub__ = _fast_binary("sub", "__sub__")
    def __rsub__(self, o): return _rbinary("sub", self, o)
    def __isub__(self, o): return _inplace("sub", self, o)
    __mul__ = _fast_binary("mul", "__mul__")
    def __rmul__(self, o): return _rbinary("mul", self, o)
    def __imul__(self, o): return _inplace("mul", self, o)
    __truediv__ = _fast_binary("div", "__truediv__")
    def __rtruediv__(self, o): return _rbinary("div", self, o)
    def __itruediv__(self, o): return _inplace("div", self, o)
    def __floordiv__(self, o): return _binary("floor_divide", self, o)
    def __rfloordiv__(self, o): return _rbinary("floor_divide", self, o)
    def __ifloordiv__(self, o): return _inplace("floor_divide", self, o)
    def __mod__(self, o): return _binary("remainder", self, o)
    def __rmod__(self, o): return _rbinary("remainder", self, o)
    def __imod__(self, o): return _inplace("remainder", self, o)
    def __pow__(self, o): return _binary("pow", self, o)
    def __rpow__(self, o): return _rbinary("pow", self, o)
    def __ipow__(self, o): return _inplace("pow", self, o)
    def __and__(self, o): return _binary("bitwise_and", self, o)
    def __rand__(self, o): return _rbinary("bitwise_and", self, o)
    def __iand__(self, o): return _inplace("bitwise_and", self, o)
    def __or__(self, o): return _binary("bitwise_or", self, o)
    def __ror__(self, o): return _rbinary("bitwise_or", self, o)
    def __ior__(self, o): return _inplace("bitwise_or", self, o)
    def __xor__(self, o): return _binary("bitwise_xor", self, o)
    def __rxor__(self, o): return _rbinary("bitwise_xor", self, o)
    def __ixor__(self, o): return _inplace("bitwise_xor", self, o)
    def __eq__(self, o): return _binary("eq", self, o)
    def __ne__(self, o): return _binary("ne", self, o)
    def __lt__(self, o): return _binary("lt", self, o)
    def __le__(self, o): return _binary("le", self, o)
    def __gt__(self, o): return _binary("gt", self, o)
    def __ge__(self, o): return _binary("ge", self, o)

    def __matmul__(self, o):
        if not isinstance(o, Tensor):
            return NotImplemented
        return self.matmul(o)

    def __rmatmul__(self, o):
        return NotImplemented

    def __neg__(self):
        return self._unary("neg")

    def __pos__(self):
        return self._unary("positive")

    def __abs__(self):
        return self._unary("abs")

    def __invert__(self):
        try:
            return wrap(C.invert(self._t))
        except JsException as e:
            raise translate(e) from None


class _StorageRef:
    """What DiveLab exposes of a storage: its address (shared by every view of it) and its length in elements."""

    __slots__ = ("_h",)

    def __init__(self, handle):
        self._h = handle

    def data_ptr(self):
        return int(C.storagePtr(self._h))

    def size(self):
        return int(self._h.storage.length)

    def __repr__(self):
        return f"<DiveLab storage at {self.data_ptr():#x}>"


def _rebuild(data, dtype_name, shape, requires_grad):
    """Unpickles a tensor (copy.copy and pickle go through __reduce_ex__)."""
    from ._creation import tensor

    t = tensor(data, dtype=from_core(dtype_name)).reshape(shape)
    return t.requires_grad_(True) if requires_grad else t


def _wrap_dim(dim, ndim):
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
    return dim + n if dim < 0 else dim


def _autograd():
    try:
        from . import autograd
    except ImportError:
        return None
    return autograd


def _fix_qualnames(cls):
    """Makes Python's own argument errors name methods as PyTorch does: `reshape() got an unexpected keyword`.

    Python 3.11+ builds those messages from the code object's co_qualname ('Tensor.reshape'); PyTorch's C functions
    say 'reshape()'. Renaming the code objects once costs nothing per call.
    """
    for klass in cls.__mro__:
        for name, f in vars(klass).items():
            code = getattr(f, "__code__", None)
            if code is not None and klass.__module__.startswith("torch"):
                f.__code__ = code.replace(co_qualname=code.co_name)
                f.__qualname__ = code.co_name


_core.Tensor = Tensor
_fix_qualnames(Tensor)
