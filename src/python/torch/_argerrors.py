"""PyTorch's argument-parser errors for calls that match none of an op's signatures.

PyTorch checks arguments in C++ against a list of signatures and, when none matches, names what it got and lists
what it expected. DiveLab reproduces that text for the mistakes students actually make (the course notes'
`torch.cat(X, Y, dim=0)`, `cumsum()` without a dim); other bad calls get Python's own TypeError.
"""

__all__ = ["invalid_combination", "int_arg", "CAT", "STACK", "CUMSUM", "CUMPROD", "ARANGE", "FILL_"]

CAT = ("(tuple of Tensors tensors, int dim, *, Tensor out)", "(tuple of Tensors tensors, name dim, *, Tensor out)")
STACK = ("(tuple of Tensors tensors, int dim, *, Tensor out)",)
CUMSUM = ("(int dim, *, torch.dtype dtype)", "(name dim, *, torch.dtype dtype)")
CUMPROD = CUMSUM
_FACTORY = "torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad"
ARANGE = (f"(Number end, *, Tensor out, {_FACTORY})", f"(Number start, Number end, *, {_FACTORY})",
          f"(Number start, Number end, Number step, *, Tensor out, {_FACTORY})")


def _type_name(v):
    return "Tensor" if type(v).__name__ == "Tensor" else type(v).__name__


def _got(args, kwargs):
    """PyTorch's `got (...)` part: positional types, then name=type; a lone kwargs list keeps its trailing ', '."""
    pos = [_type_name(a) for a in args]
    kw = [f"{k}={_type_name(v)}" for k, v in kwargs.items()]
    if pos:
        return "(" + ", ".join(pos + kw) + ")"
    return "(" + "".join(k + ", " for k in kw) + ")"


def invalid_combination(fname, args, kwargs, signatures):
    """The TypeError PyTorch raises when a call matches none of `signatures`."""
    lines = "".join(f" * {s}\n" for s in signatures)
    return TypeError(f"{fname}() received an invalid combination of arguments - got {_got(args, kwargs)}, "
                     f"but expected one of:\n{lines}")


def int_arg(fname, argname, v, pos=1):
    """`v` as an int for an int-only parameter, or PyTorch's single-signature TypeError.

    The core reads such parameters as JS numbers and cannot tell a tuple or a float from garbage, so the check
    happens here. Ops with several signatures raise this simpler text where PyTorch lists its overloads."""
    if type(v) is int:
        return v
    if isinstance(v, bool) or not hasattr(v, "__index__"):
        raise TypeError(f"{fname}(): argument '{argname}' (position {pos}) must be int, not {_type_name(v)}")
    return v.__index__()


# fill_(str): both overloads annotated, as PyTorch prints it for one positional argument of the wrong type.
FILL_ = ("(Tensor value)\n      didn't match because some of the arguments have invalid types: (!{t}!)",
         "(Number value)\n      didn't match because some of the arguments have invalid types: (!{t}!)")
