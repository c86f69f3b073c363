"""torch.autograd: backward, grad, grad mode (no_grad, enable_grad, set_grad_enabled) and grad_fn nodes.

Thin over the autograd layer of the TypeScript core (src/shared/autograd, reached as `C` = `_divelab_js.tensor`):
the graph, the rules and the engine live there. This module only turns Python's calling conventions into core
calls, shows core nodes as Python objects named like PyTorch's classes (`MulBackward0`), and raises the warnings
PyTorch raises from Python.
"""
import functools
import warnings

from ._core import C, JsException, translate, wrap, NULLS
from ._tensor import Tensor as _Tensor

__all__ = ["backward", "grad", "no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "Function"]


def _handles(tensors):
    return [t._t for t in tensors]


def _as_tuple(x):
    if x is None:
        return ()
    if isinstance(x, _Tensor):
        return (x,)
    return tuple(x)


def _grads_for(outputs, grads):
    """grad_tensors / grad_outputs as one entry (handle or None) per output, checked like PyTorch's _make_grads."""
    if grads is None:
        return [None] * len(outputs)
    grads = _as_tuple(grads)
    if len(grads) != len(outputs):
        raise RuntimeError(f"grad can be implicitly created only for scalar outputs" if not grads else
                           f"Mismatch in length: expected {len(outputs)} gradients, got {len(grads)}")
    out = []
    for g in grads:
        if g is None:
            out.append(None)
        elif isinstance(g, _Tensor):
            out.append(g._t)
        else:
            raise TypeError("gradients can be either Tensors or None, but got " + type(g).__name__)
    return out


_warned_create_graph = False


def _warn_create_graph():
    # PyTorch warns once per process (TORCH_WARN_ONCE in the C++ engine).
    global _warned_create_graph
    if not _warned_create_graph:
        _warned_create_graph = True
        warnings.warn(
            "Using backward() with create_graph=True will create a reference cycle between the parameter and its "
            "gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to "
            "avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters "
            "to None after use to break the cycle and avoid the leak. (Triggered internally at  "
            "./torch/csrc/autograd/engine.cpp:1059.)", UserWarning, stacklevel=3)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None, inputs=None):
    """Accumulates the gradients of `tensors` into the `.grad` of the leaves of their graph."""
    if type(tensors) is _Tensor and inputs is None and grad_variables is None and not create_graph:
        # the common `y.backward()`: one JS call, no list conversions
        g = grad_tensors
        if g is not None and type(g) is not _Tensor:
            g = _as_tuple(g)[0] if isinstance(g, (list, tuple)) and len(g) == 1 else g
        try:
            C.backward1(tensors._t, None if g is None else g._t, bool(retain_graph))
        except JsException as e:
            raise translate(e) from None
        return
    if grad_variables is not None:
        grad_tensors = grad_variables
    if inputs is not None:
        raise NotImplementedError("DiveLab does not support backward(inputs=...); use torch.autograd.grad")
    outputs = _as_tuple(tensors)
    grads = _grads_for(outputs, grad_tensors)
    if retain_graph is None:
        retain_graph = create_graph
    if create_graph:
        _warn_create_graph()
    try:
        C.backward(_handles(outputs), grads, bool(retain_graph), bool(create_graph))
    except JsException as e:
        raise translate(e) from None


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=False, is_grads_batched=False):
    """The gradients of `outputs` with respect to `inputs`, as a tuple; `.grad` fields are left alone."""
    outputs = _as_tuple(outputs)
    inputs = _as_tuple(inputs)
    grads = _grads_for(outputs, grad_outputs)
    if retain_graph is None:
        retain_graph = create_graph
    try:
        res = C.grad(_handles(outputs), _handles(inputs), grads, bool(retain_graph), bool(create_graph),
                     bool(allow_unused))
    except JsException as e:
        raise translate(e) from None
    return tuple(None if h in NULLS else wrap(h) for h in res)


# ---------------------------------------------------------------------------------------------- grad mode


def is_grad_enabled():
    return bool(C.isGradEnabled())


class _DecoratorContextManager:
    """A context manager that also decorates functions (`@torch.no_grad()`), as PyTorch's does."""

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self.__class__():
                return func(*args, **kwargs)

        return wrapper


class no_grad(_DecoratorContextManager):
    """Turns graph recording off inside the block (and restores the previous mode on exit, even on error)."""

    def __init__(self):
        self.prev = False

    def __enter__(self):
        self.prev = C.setGradEnabled(False)

    def __exit__(self, exc_type, exc_value, traceback):
        C.setGradEnabled(self.prev)


class enable_grad(_DecoratorContextManager):
    """Turns graph recording back on inside the block (e.g. within no_grad)."""

    def __init__(self):
        self.prev = True

    def __enter__(self):
        self.prev = C.setGradEnabled(True)

    def __exit__(self, exc_type, exc_value, traceback):
        C.setGradEnabled(self.prev)


class set_grad_enabled(_DecoratorContextManager):
    """Sets grad mode now (a plain call) or for a block (`with torch.set_grad_enabled(False):`)."""

    def __init__(self, mode):
        self.prev = C.setGradEnabled(bool(mode))
        self.mode = bool(mode)

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, traceback):
        C.setGradEnabled(self.prev)

    def __call__(self, func):
        # As in PyTorch 1.13, the mode set by the constructor stays set after decorating (it is not restored).
        mode = self.mode

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return func(*args, **kwargs)

        return wrapper


class inference_mode(no_grad):
    """DiveLab has no separate inference mode; it behaves as no_grad."""

    def __init__(self, mode=True):
        super().__init__()
        self.mode = mode

    def __enter__(self):
        self.prev = C.setGradEnabled(not self.mode)


# ---------------------------------------------------------------------------------------------- graph nodes


class Node:
    """A grad_fn: one recorded op of the graph. Subclassed per PyTorch class name (MulBackward0, ...)."""

    __slots__ = ("_n",)

    def name(self):
        return str(C.nodeName(self._n))

    @property
    def next_functions(self):
        return tuple((_wrap_node(n), int(i)) for n, i in C.nodeNext(self._n))

    @property
    def metadata(self):
        return {}

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    # Wrappers are made on demand (a cache would keep every graph alive), so equality is the core node's identity.
    def __eq__(self, other):
        return isinstance(other, Node) and int(C.nodeId(self._n)) == int(C.nodeId(other._n))

    def __hash__(self):
        return int(C.nodeId(self._n))


class AccumulateGrad(Node):
    """The sink of a leaf tensor: `variable` is the leaf."""

    __slots__ = ()

    @property
    def variable(self):
        return _leaf_tensor(C.nodeVariable(self._n))


_classes = {"AccumulateGrad": AccumulateGrad}


def _node_class(type_name):
    cls = _classes.get(type_name)
    if cls is None:
        cls = type(type_name, (Node,), {"__slots__": (), "__module__": "torch.autograd.graph"})
        _classes[type_name] = cls
    return cls


def _wrap_node(n):
    if n in NULLS:
        return None
    w = object.__new__(_node_class(str(C.nodeType(n))))
    w._n = n
    return w


def _leaf_tensor(h):
    if h in NULLS:
        return None
    return wrap(h)


# ---------------------------------------------------------------------------------------------- tensor hooks
# Called by torch.Tensor (src/python/torch/_tensor.py).


def _retain_grad(t):
    try:
        C.retainGrad(t._t)
    except JsException as e:
        raise translate(e) from None


_NON_LEAF_GRAD = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be "
    "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf "
    "Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure "
    "you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations. "
    "(Triggered internally at  ./build/aten/src/ATen/core/TensorBody.h:480.)")


def _get_grad(t):
    """Tensor.grad: the gradient or None, warning (as PyTorch does) when a non-leaf is asked for it."""
    g, warn = C.gradOf(t._t)
    if warn:
        warnings.warn(_NON_LEAF_GRAD, UserWarning, stacklevel=3)
    return None if g in NULLS else wrap(g)


def _set_grad(t, value):
    try:
        C.setGrad(t._t, None if value is None else value._t)
    except JsException as e:
        raise translate(e) from None


class Function:
    """Custom autograd Functions are not supported in DiveLab (chapter 1 does not use them)."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("DiveLab does not support custom torch.autograd.Function")
