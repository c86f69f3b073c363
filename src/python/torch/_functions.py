"""Module-level torch functions (torch.exp(x), torch.cat(...), torch.mm(a, b), ...).

This module defines `sum`, `any`, `max`, `abs`, `round`... as torch functions, shadowing Python's builtins here:
use `_builtins.any` and friends inside it.

Most are the Tensor method of the same name called on the first argument, as in PyTorch. The rest take several
tensors (cat, stack, where) or a Python scalar first (torch.pow(2, x)) and call the core directly.
"""
import builtins as _builtins

from ._core import C, JsException, call, translate, wrap, kind_of
from ._tensor import Tensor
from ._tensor_math import UNARY, BINARY, tensor_arg
from ._argerrors import invalid_combination, CAT, STACK

__all__ = ["cat", "concat", "stack", "where", "equal", "allclose", "isclose", "numel", "is_tensor",
           "is_floating_point", "nonzero", "promote_types", "can_cast", "clamp", "clip", "round",
           "max", "min", "norm", "add", "sub", "pow", "div", "unbind"]

# Functions that are exactly `input.<name>(...)`.
_METHODS = UNARY + tuple(n for n in BINARY if n not in ("pow",)) + (
    "sum", "mean", "prod", "amax", "amin", "argmax", "argmin", "all", "any", "std", "var", "cumsum", "cumprod",
    "reshape", "flatten", "squeeze", "unsqueeze", "transpose", "t",
    "permute", "narrow", "select", "clone", "detach", "abs", "absolute", "negative", "square", "divide",
    "subtract", "true_divide", "swapaxes")


def _method_function(name):
    def function(input, *args, **kwargs):  # noqa: A002 - PyTorch's parameter name
        if not isinstance(input, Tensor):
            raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")
        return getattr(input, name)(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__code__ = function.__code__.replace(co_name=name, co_qualname=name)
    return function


for _name in _METHODS:
    globals()[_name] = _method_function(_name)
__all__ += list(_METHODS)


def _linalg(name, argname):
    """torch.mm(a, b) and friends: like the method, but PyTorch counts the second argument as position 2."""
    def function(input, other):  # noqa: A002
        tensor_arg(name, "input", input, 1)
        tensor_arg(name, argname, other, 2)
        return getattr(input, name)(other)

    function.__name__ = function.__qualname__ = name
    function.__code__ = function.__code__.replace(co_name=name, co_qualname=name)
    return function


dot = _linalg("dot", "tensor")
mv = _linalg("mv", "vec")
mm = _linalg("mm", "mat2")
matmul = _linalg("matmul", "other")
outer = ger = _linalg("outer", "vec2")
__all__ += ["dot", "mv", "mm", "matmul", "outer", "ger"]


def _tensors(fname, tensors):
    if isinstance(tensors, Tensor) or not isinstance(tensors, (list, tuple)):
        raise TypeError(f"{fname}(): argument 'tensors' (position 1) must be tuple of Tensors, not "
                        f"{type(tensors).__name__}")
    handles = []
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}")
        handles.append(t._t)
    return handles


def _join_args(fname, args, kwargs, signatures):
    """(tensors, dim) of cat/stack, accepting `dim` or `axis`, with PyTorch's errors for other shapes of call."""
    kw = dict(kwargs)
    kw.pop("out", None)
    if args and "tensors" in kw or len(args) > 2 or _builtins.any(k not in ("tensors", "dim", "axis") for k in kw):
        raise invalid_combination(fname, args, kwargs, signatures)
    tensors = args[0] if args else kw.get("tensors")
    dim = args[1] if len(args) > 1 else kw.get("dim", kw.get("axis", 0))
    if tensors is None or type(dim) is not int:
        raise invalid_combination(fname, args, kwargs, signatures)
    return tensors, dim


def _join(fname, join, args, kwargs, signatures):
    """cat and stack alike: parse (tensors, dim), check the tensors, let the core join them."""
    tensors, dim = _join_args(fname, args, kwargs, signatures)
    handles = _tensors(fname, tensors)
    return call(join, handles, dim)


def cat(*args, **kwargs):
    """torch.cat(tensors, dim=0): joins tensors along an existing dim."""
    return _join("cat", C.cat, args, kwargs, CAT)


concat = cat


def stack(*args, **kwargs):
    """torch.stack(tensors, dim=0): joins equal-shaped tensors along a new dim."""
    return _join("stack", C.stack, args, kwargs, STACK)


def unbind(input, dim=0):  # noqa: A002
    return input.unbind(dim)


def _operand(x):
    if isinstance(x, Tensor):
        return x._t, None
    k = kind_of(x)
    if k is None:
        raise TypeError(f"where(): argument 'other' must be Tensor or Number, not {type(x).__name__}")
    return x, k


def where(condition, input=None, other=None):  # noqa: A002
    """Elementwise choice between input (where condition holds) and other; one argument means nonzero."""
    if input is None and other is None:
        return tuple(condition.nonzero().unbind(1))
    a, ak = _operand(input)
    b, bk = _operand(other)
    return call(C.where, condition._t, a, ak, b, bk)


def nonzero(input, *, as_tuple=False):  # noqa: A002
    return input.nonzero(as_tuple=as_tuple)


def _tensor_nonzero(self, *, as_tuple=False):
    try:
        r = wrap(C.nonzero(self._t))
    except JsException as e:
        raise translate(e) from None
    return tuple(r.unbind(1)) if as_tuple else r


Tensor.nonzero = _tensor_nonzero


def equal(input, other):  # noqa: A002
    """True if both tensors have the same shape and elements."""
    return input.equal(other)


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    close = (input - other).abs() <= atol + rtol * other.abs()
    if equal_nan:
        close = close | (input.isnan() & other.isnan())
    return close | (input == other)


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    return bool(isclose(input, other, rtol, atol, equal_nan).all())


def numel(input):  # noqa: A002
    return input.numel()


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):  # noqa: A002
    return input.is_floating_point()


def clamp(input, min=None, max=None):  # noqa: A002
    return input.clamp(min, max)


clip = clamp


def round(input, *, decimals=0):  # noqa: A001, A002
    return input.round(decimals)


def max(input, dim=None, keepdim=False, *, axis=None, keepdims=None):  # noqa: A001, A002
    return input.max(dim, keepdim, axis=axis, keepdims=keepdims)


def min(input, dim=None, keepdim=False, *, axis=None, keepdims=None):  # noqa: A001, A002
    return input.min(dim, keepdim, axis=axis, keepdims=keepdims)


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):  # noqa: A002
    return input.norm(p, dim, keepdim, dtype)


def add(input, other, *, alpha=1, out=None):  # noqa: A002
    if not isinstance(input, Tensor):
        return other.add(input, alpha=1) if alpha == 1 else other.mul(alpha).add(input)
    return input.add(other, alpha=alpha)


def sub(input, other, *, alpha=1, out=None):  # noqa: A002
    if not isinstance(input, Tensor):
        return (-(other * alpha)).add(input)
    return input.sub(other, alpha=alpha)


def div(input, other, *, rounding_mode=None, out=None):  # noqa: A002
    return input.div(other, rounding_mode=rounding_mode)


def pow(input, exponent, *, out=None):  # noqa: A001, A002
    """input ** exponent; input may be a Python number (torch.pow(2, x))."""
    if isinstance(input, Tensor):
        return input ** exponent
    return exponent.__rpow__(input)


def promote_types(type1, type2):
    from ._dtype import from_core

    return from_core(C.promoteTypes(type1._name, type2._name))


def can_cast(from_, to):
    return bool(C.canCast(from_._name, to._name))


def meshgrid(*tensors, indexing=None):
    """Coordinate grids from 1-D tensors, as views (expand) of the inputs; 'ij' unless indexing='xy'."""
    import warnings

    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.",
                      UserWarning, stacklevel=2)
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}")
    for t in tensors:
        if t.dim() not in (0, 1):
            raise RuntimeError("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: " + repr(t))
    swap = indexing == "xy" and len(tensors) >= 2
    order = list(range(len(tensors)))
    if swap:
        order[0], order[1] = 1, 0
    sizes = [tensors[i].numel() for i in order]
    grids = []
    for i, t in enumerate(tensors):
        shape = [1] * len(tensors)
        shape[order.index(i)] = -1
        grids.append(t.reshape(shape).expand(sizes))
    return tuple(grids)


__all__ += ["meshgrid"]
