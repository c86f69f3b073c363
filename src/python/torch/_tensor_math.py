"""Tensor methods that compute: elementwise functions, reductions over dims, and linear algebra.

Argument handling follows PyTorch's names (`dim`, `keepdim`) and also accepts the NumPy spellings the course
uses (`axis`, `keepdims`), which PyTorch 1.13's argument parser treats as aliases.
"""
from ._core import C, JsException, translate, wrap, kind_of
from ._core import call as _call
from ._argerrors import invalid_combination, int_arg, CUMSUM
from .return_types import max as _max_result, min as _min_result

# Unary ops of the core (UnaryOp in src/shared/tensor/unary.ts) that are Tensor methods of the same name, each
# with an in-place `name_` twin.
UNARY = ("abs", "neg", "exp", "log", "log2", "log10", "log1p", "expm1", "sqrt", "rsqrt", "sin", "cos", "tan",
         "asin", "acos", "atan", "sinh", "cosh", "tanh", "sigmoid", "relu", "floor", "ceil", "trunc", "frac",
         "sign", "square", "reciprocal", "logical_not", "bitwise_not", "isnan", "isinf", "isfinite", "positive")
# Unary ops without an in-place form in PyTorch.
_NO_INPLACE = ("isnan", "isinf", "isfinite", "positive")

# Binary ops that are Tensor methods (method name -> core op), each with an in-place twin unless noted.
BINARY = {"mul": "mul", "multiply": "mul", "true_divide": "div",
          "floor_divide": "floor_divide", "remainder": "remainder", "fmod": "fmod", "pow": "pow", "eq": "eq",
          "ne": "ne", "lt": "lt", "le": "le", "gt": "gt", "ge": "ge", "greater": "gt", "less": "lt",
          "logical_and": "logical_and", "logical_or": "logical_or", "logical_xor": "logical_xor",
          "bitwise_and": "bitwise_and", "bitwise_or": "bitwise_or", "bitwise_xor": "bitwise_xor",
          "maximum": "maximum", "minimum": "minimum", "atan2": "atan2"}
_NO_BINARY_INPLACE = ("maximum", "minimum", "greater", "less")
_ROUNDING = {None: "div", "trunc": "div_trunc", "floor": "div_floor"}


def _operand(o, fname="", pos=1):
    """(value, kind) for C.binary: a tensor handle with kind None, or a Python scalar with its kind."""
    if hasattr(o, "_t") and type(o).__name__ == "Tensor":
        return o._t, None
    kind = kind_of(o)
    if kind is None:
        if type(o).__name__ == "ndarray" and getattr(o, "_t", None) is not None:
            return o._t._t, None
        raise TypeError(f"{fname}(): argument 'other' (position {pos}) must be Tensor, not {type(o).__name__}")
    return o, kind


def dims_arg(dim, axis, t=None):
    """`dim` or its NumPy alias `axis` (giving both is an error, as in PyTorch).

    A name (str) is a named-tensor dim in PyTorch; DiveLab's tensors have no names, so it fails as PyTorch's
    unnamed tensors do (the core would otherwise receive a string where it reads numbers)."""
    if axis is not None:
        if dim is not None:
            raise TypeError("got multiple values for argument 'dim' (also given as 'axis')")
        dim = axis
    if isinstance(dim, str) or isinstance(dim, (tuple, list)) and any(isinstance(d, str) for d in dim):
        name = dim if isinstance(dim, str) else next(d for d in dim if isinstance(d, str))
        ndim = t.ndim if t is not None else 0
        raise RuntimeError(f"Name '{name}' not found in Tensor[{', '.join(['None'] * ndim)}].")
    return dim


def keepdim_arg(keepdim, keepdims):
    return bool(keepdims) if keepdims is not None else bool(keepdim)


def _named(f, name):
    """Gives a generated method its own name, so Python's argument errors say `exp()` and not `method()`."""
    f.__name__ = f.__qualname__ = name
    f.__code__ = f.__code__.replace(co_name=name, co_qualname=name)
    return f


def _binary_method(op, name):
    def method(self, other):
        v, k = _operand(other, name)
        return _call(C.binary, op, self._t, v, k)

    return method


def _binary_into(op, t, v, k):
    """Runs a binary op in place on the handle t (PyTorch's `add_`, `mul_`, ...)."""
    try:
        C.binary_(op, t, v, k)
    except JsException as e:
        raise translate(e) from None


def _binary_inplace(op, name):
    def method(self, other):
        v, k = _operand(other, name)
        _binary_into(op, self._t, v, k)
        return self

    return method


def _unary_method(op):
    def method(self):
        return _call(C.unary, op, self._t)

    return method


def _unary_inplace(op):
    def method(self):
        try:
            C.unary_(op, self._t)
        except JsException as e:
            raise translate(e) from None
        return self

    return method


class MathMixin:
    __slots__ = ()

    def _unary(self, op):
        return _call(C.unary, op, self._t)

    # ------------------------------------------------------------------------------------------ elementwise
    def _add_sub(self, op, fname, other, alpha, inplace):
        # self ± alpha * other, as PyTorch computes it: other is scaled first (a Python number or a tensor)
        if alpha != 1:
            other = other * alpha
        v, k = _operand(other, fname)
        if not inplace:
            return _call(C.binary, op, self._t, v, k)
        _binary_into(op, self._t, v, k)
        return self

    def add(self, other, *, alpha=1):
        return self._add_sub("add", "add", other, alpha, False)

    def add_(self, other, *, alpha=1):
        return self._add_sub("add", "add_", other, alpha, True)

    def sub(self, other, *, alpha=1):
        return self._add_sub("sub", "sub", other, alpha, False)

    subtract = sub

    def sub_(self, other, *, alpha=1):
        return self._add_sub("sub", "sub_", other, alpha, True)

    def div(self, other, *, rounding_mode=None):
        v, k = _operand(other, "div")
        return _call(C.binary, _ROUNDING[rounding_mode], self._t, v, k)

    divide = div

    def div_(self, other, *, rounding_mode=None):
        v, k = _operand(other, "div_")
        _binary_into(_ROUNDING[rounding_mode], self._t, v, k)
        return self

    def round(self, decimals=0):
        return _call(C.round, self._t, decimals)

    def clamp(self, min=None, max=None):  # noqa: A002 - PyTorch's parameter names
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        mn, mk = (None, None) if min is None else _operand(min, "clamp")
        mx, xk = (None, None) if max is None else _operand(max, "clamp")
        return _call(C.clamp, self._t, mn, mk, mx, xk)

    clip = clamp

    def clamp_(self, min=None, max=None):  # noqa: A002
        mn, mk = (None, None) if min is None else _operand(min, "clamp_")
        mx, xk = (None, None) if max is None else _operand(max, "clamp_")
        try:
            C.clamp_(self._t, mn, mk, mx, xk)
        except JsException as e:
            raise translate(e) from None
        return self

    def where(self, condition, y):
        from . import where

        return where(condition, self, y)

    def equal(self, other):
        try:
            return bool(C.equal(self._t, other._t))
        except JsException as e:
            raise translate(e) from None

    # ------------------------------------------------------------------------------------------ reductions
    def sum(self, dim=None, keepdim=False, dtype=None, *, axis=None, keepdims=None):
        return _call(C.sum, self._t, dims_arg(dim, axis, self._t), keepdim_arg(keepdim, keepdims), _dt(dtype))

    def mean(self, dim=None, keepdim=False, dtype=None, *, axis=None, keepdims=None):
        return _call(C.mean, self._t, dims_arg(dim, axis, self._t), keepdim_arg(keepdim, keepdims), _dt(dtype))

    def prod(self, dim=None, keepdim=False, dtype=None, *, axis=None, keepdims=None):
        return _call(C.prod, self._t, _opt_int("prod", dims_arg(dim, axis, self._t)), keepdim_arg(keepdim, keepdims), _dt(dtype))

    def max(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
        return self._maxmin(dim, keepdim, axis, keepdims, True)

    def min(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
        return self._maxmin(dim, keepdim, axis, keepdims, False)

    def _maxmin(self, dim, keepdim, axis, keepdims, is_max):
        dim = dims_arg(dim, axis, self._t)
        if dim is None:
            return _call(C.amax if is_max else C.amin, self._t, None, False)
        if hasattr(dim, "_t"):  # t.max(other): elementwise, like torch.maximum
            return _call(C.binary, "maximum" if is_max else "minimum", self._t, dim._t, None)
        dim = int_arg("max" if is_max else "min", "dim", dim)
        try:
            values, indices = (C.maxDim if is_max else C.minDim)(self._t, dim, keepdim_arg(keepdim, keepdims))
        except JsException as e:
            raise translate(e) from None
        return (_max_result if is_max else _min_result)((wrap(values), wrap(indices)))

    def amax(self, dim=(), keepdim=False):
        return _call(C.amax, self._t, dim, bool(keepdim))

    def amin(self, dim=(), keepdim=False):
        return _call(C.amin, self._t, dim, bool(keepdim))

    def argmax(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
        return _call(C.argmax, self._t, _opt_int("argmax", dims_arg(dim, axis, self._t)), keepdim_arg(keepdim, keepdims))

    def argmin(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
        return _call(C.argmin, self._t, _opt_int("argmin", dims_arg(dim, axis, self._t)), keepdim_arg(keepdim, keepdims))

    def all(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
        return _call(C.all, self._t, _opt_int("all", dims_arg(dim, axis, self._t)), keepdim_arg(keepdim, keepdims))

    def any(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
        return _call(C.any, self._t, _opt_int("any", dims_arg(dim, axis, self._t)), keepdim_arg(keepdim, keepdims))

    def std(self, dim=None, unbiased=True, keepdim=False, *, correction=None, axis=None, keepdims=None):
        return self._stdvar(C.std, dim, unbiased, keepdim, correction, axis, keepdims)

    def var(self, dim=None, unbiased=True, keepdim=False, *, correction=None, axis=None, keepdims=None):
        return self._stdvar(C.var, dim, unbiased, keepdim, correction, axis, keepdims)

    def _stdvar(self, fn, dim, unbiased, keepdim, correction, axis, keepdims):
        if type(dim) is bool:  # t.std(False): the first positional argument is `unbiased`
            dim, unbiased = None, dim
        if correction is None:
            correction = 1 if unbiased else 0
        return _call(fn, self._t, dims_arg(dim, axis, self._t), correction, keepdim_arg(keepdim, keepdims))

    def cumsum(self, dim=None, *, dtype=None, axis=None):
        return _call(C.cumsum, self._t, _required_dim("cumsum", dims_arg(dim, axis, self._t)), _dt(dtype))

    def cumprod(self, dim=None, *, dtype=None, axis=None):
        return _call(C.cumprod, self._t, _required_dim("cumprod", dims_arg(dim, axis, self._t)), _dt(dtype))

    def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
        if isinstance(p, str) and p != "fro":
            raise NotImplementedError(f"DiveLab's norm supports p as a number or 'fro', not {p!r}")
        t = self if dtype is None else self.to(dtype)
        return _call(C.norm, t._t, p, dim, bool(keepdim))

    # ------------------------------------------------------------------------------------------ linear algebra
    def dot(self, other):
        return _call(C.dot, self._t, tensor_arg("dot", "tensor", other))

    def mv(self, vec):
        return _call(C.mv, self._t, tensor_arg("mv", "vec", vec))

    def mm(self, mat2):
        return _call(C.mm, self._t, tensor_arg("mm", "mat2", mat2))

    def matmul(self, other):
        return _call(C.matmul, self._t, tensor_arg("matmul", "other", other))

    def outer(self, vec2):
        return _call(C.outer, self._t, tensor_arg("outer", "vec2", vec2))

    ger = outer


def _opt_int(fname, dim):
    """An optional int-only `dim` (PyTorch 1.13's prod/all/any/argmax take one dim, not a tuple)."""
    return None if dim is None else int_arg(fname, "dim", dim)


def _dt(dtype):
    return None if dtype is None else dtype._name


def _required_dim(fname, dim):
    if type(dim) is not int:
        raise invalid_combination(fname, () if dim is None else (dim,), {}, CUMSUM)
    return dim


def tensor_arg(fname, argname, x, pos=1):
    """The handle of a Tensor argument, or PyTorch's TypeError naming the argument and its position."""
    if not (hasattr(x, "_t") and type(x).__name__ == "Tensor"):
        raise TypeError(f"{fname}(): argument '{argname}' (position {pos}) must be Tensor, not {type(x).__name__}")
    return x._t


for _name in UNARY:
    setattr(MathMixin, _name, _named(_unary_method(_name), _name))
    if _name not in _NO_INPLACE:
        setattr(MathMixin, _name + "_", _named(_unary_inplace(_name), _name + "_"))
for _name, _op in BINARY.items():
    setattr(MathMixin, _name, _named(_binary_method(_op, _name), _name))
    if _name not in _NO_BINARY_INPLACE:
        setattr(MathMixin, _name + "_", _named(_binary_inplace(_op, _name + "_"), _name + "_"))
MathMixin.absolute = MathMixin.abs
MathMixin.negative = MathMixin.neg
