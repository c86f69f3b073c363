"""NumPy 1.24's array printing (repr and str with the default print options), for DiveLab's minimal numpy.

A port of the parts of numpy/core/arrayprint.py that default options reach: FloatingFormat in 'maxprec' mode with
precision 8, IntegerFormat, BoolFormat, object arrays, line wrapping at 75 columns and summarization beyond 1000
elements. It works on a flat list of Python values in C order plus a shape, so it needs nothing from the core.

[Note: float32 shortest digits] NumPy prints the shortest decimal that reads back as the same value *of the array's
dtype*: float32(0.1) prints as 0.1, not 0.10000000149011612. Python's repr gives that for float64; for float32 we try
increasing digit counts until the text rounds back to the same float32.
"""
import math
import struct

__all__ = ["array_repr", "array_str", "scalar_repr"]

LINEWIDTH = 75
THRESHOLD = 1000
EDGEITEMS = 3
PRECISION = 8
# dtypes whose repr needs no `dtype=` suffix (NumPy's dtype_is_implied on 64-bit Linux).
_IMPLIED = ("float64", "int64", "bool")


def _f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def _shortest_sci(x, dtype):
    """Shortest round-tripping digits of |x| as (digits, exponent): value = d.ddd × 10**exponent."""
    if dtype == "float32":
        for p in range(0, 10):
            s = "%.*e" % (p, x)
            if _f32(float(s)) == x:
                break
    else:
        s = "%.*e" % (16, x)
        for p in range(0, 17):
            t = "%.*e" % (p, x)
            if float(t) == x:
                s = t
                break
    mant, exp = s.split("e")
    return mant.lstrip("-").replace(".", ""), int(exp)


def _sign(x):
    return "-" if (x < 0 or (x == 0 and math.copysign(1, x) < 0)) else ""


def _positional(x, dtype):
    """Dragon4 positional, unique, at most PRECISION fractional digits, trailing zeros trimmed (keeps the point)."""
    digits, exp = _shortest_sci(abs(x), dtype)
    s = "%.*f" % (min(max(len(digits) - 1 - exp, 0), PRECISION), abs(x))
    # Rounding to PRECISION digits may leave zeros at the end ("0.10000000"), which 'maxprec' trims.
    s = s.rstrip("0") if "." in s else s + "."
    return _sign(x) + s


def _scientific(x, dtype, min_digits=None):
    """Dragon4 scientific, unique, at most PRECISION fractional digits; `min_digits` fixes the digit count."""
    digits, _ = _shortest_sci(abs(x), dtype)
    frac = min(len(digits) - 1, PRECISION) if min_digits is None else min_digits
    mant, e = ("%.*e" % (frac, abs(x))).split("e")
    if "." not in mant:
        mant += "."
    elif min_digits is None:
        mant = mant.rstrip("0")
    return _sign(x) + mant, int(e)


class _FloatFormat:
    """NumPy's FloatingFormat for the default options (floatmode='maxprec', suppress=False, sign='-')."""

    def __init__(self, values, dtype):
        self.dtype = dtype
        finite = [v for v in values if math.isfinite(v)]
        nonzero = [abs(v) for v in finite if v != 0]
        self.exp_format = False
        if nonzero:
            mx, mn = max(nonzero), min(nonzero)
            self.exp_format = mx >= 1e8 or mn < 0.0001 or mx / mn > 1000.0
        if not finite:
            self.pad_left = self.pad_right = 0
            self.exp_size = -1
            self.precision = None
        elif self.exp_format:
            parts = [_scientific(v, dtype) for v in finite]
            self.precision = max(len(m.split(".")[1]) for m, _ in parts)
            self.exp_size = max(len(str(abs(e))) for _, e in parts)
            self.exp_size = max(self.exp_size, 2)
            self.pad_left = max(len(m.split(".")[0]) for m, _ in parts)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            strs = [_positional(v, dtype) for v in finite]
            self.pad_left = max(len(s.split(".")[0]) for s in strs)
            self.pad_right = max(len(s.split(".")[1]) for s in strs)
            self.exp_size = -1
        if len(finite) != len(values):
            neginf = any(v == -math.inf for v in values)
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, 3 - offset, 3 + neginf - offset)

    def __call__(self, x):
        if not math.isfinite(x):
            ret = "nan" if math.isnan(x) else ("-inf" if x < 0 else "inf")
            return " " * (self.pad_left + self.pad_right + 1 - len(ret)) + ret
        if self.exp_format:
            mant, e = _scientific(x, self.dtype, self.precision)
            exp = ("-" if e < 0 else "+") + str(abs(e)).rjust(self.exp_size, "0")
            ip, fp = mant.split(".")
            return ip.rjust(self.pad_left) + "." + fp + "e" + exp
        ip, fp = _positional(x, self.dtype).split(".")
        return ip.rjust(self.pad_left) + "." + fp.ljust(self.pad_right)


class _IntFormat:
    def __init__(self, values):
        self.width = max((len(str(v)) for v in (max(values), min(values))), default=0) if values else 0

    def __call__(self, x):
        return str(x).rjust(self.width)


def _format_function(values, dtype, ndim):
    if dtype == "bool":
        true = " True" if ndim else "True"
        return lambda x: true if x else "False"
    if dtype in ("float32", "float64"):
        return _FloatFormat(values, dtype)
    if dtype == "object":
        return lambda o: ("list({!r})" if type(o) is list else "{!r}").format(o)
    return _IntFormat(values)


def _strides(shape):
    st, s = [], 1
    for d in reversed(shape):
        st.append(s)
        s *= d
    return st[::-1]


def _edge_values(flat, shape, strides, base=0, axis=0):
    """The values that a summarized print shows (NumPy's _leading_trailing), for sizing the format."""
    if axis == len(shape):
        return [flat[base]]
    n = shape[axis]
    idx = list(range(EDGEITEMS)) + list(range(n - EDGEITEMS, n)) if n > 2 * EDGEITEMS else range(n)
    out = []
    for i in idx:
        out.extend(_edge_values(flat, shape, strides, base + i * strides[axis], axis + 1))
    return out


def _extend_line(s, line, word, width, prefix):
    if len(line) + len(word) > width and len(line) > len(prefix):
        s += line.rstrip() + "\n"
        line = prefix
    return s, line + word


def _format_array(flat, shape, fmt, width, prefix, separator, summarize):
    """NumPy's _formatArray: nested brackets, wrapping of the last axis, blank lines between higher axes."""
    strides = _strides(shape)
    ndim = len(shape)

    def rec(base, axis, indent, cur_width):
        if axis == ndim:
            return fmt(flat[base])
        next_indent = indent + " "
        next_width = cur_width - 1
        n = shape[axis]
        show = summarize and 2 * EDGEITEMS < n
        lead, trail = (EDGEITEMS, EDGEITEMS) if show else (0, n)
        step = strides[axis]
        s = ""
        if ndim - axis == 1:
            elem_width = cur_width - max(len(separator.rstrip()), 1)
            line = indent
            for i in range(lead):
                s, line = _extend_line(s, line, rec(base + i * step, axis + 1, next_indent, next_width),
                                       elem_width, indent)
                line += separator
            if show:
                s, line = _extend_line(s, line, "...", elem_width, indent)
                line += separator
            for i in range(trail, 1, -1):
                s, line = _extend_line(s, line, rec(base + (n - i) * step, axis + 1, next_indent, next_width),
                                       elem_width, indent)
                line += separator
            s, line = _extend_line(s, line, rec(base + (n - 1) * step, axis + 1, next_indent, next_width),
                                   elem_width, indent)
            s += line
        else:
            line_sep = separator.rstrip() + "\n" * (ndim - axis - 1)
            for i in range(lead):
                s += indent + rec(base + i * step, axis + 1, next_indent, next_width) + line_sep
            if show:
                s += indent + "..." + line_sep
            for i in range(trail, 1, -1):
                s += indent + rec(base + (n - i) * step, axis + 1, next_indent, next_width) + line_sep
            s += indent + rec(base + (n - 1) * step, axis + 1, next_indent, next_width)
        return "[" + s[len(indent):] + "]"

    return rec(0, 0, prefix, width)


def _array2string(flat, shape, dtype, separator, prefix, suffix=""):
    if len(flat) == 0:
        return "[]"
    summarize = len(flat) > THRESHOLD
    shown = _edge_values(flat, shape, _strides(shape)) if summarize else flat
    fmt = _format_function(shown, dtype, len(shape))
    return _format_array(flat, shape, fmt, LINEWIDTH - len(suffix), " " + " " * len(prefix), separator, summarize)


def array_repr(flat, shape, dtype):
    """repr() of an ndarray: `array([...], dtype=...)`, wrapped as NumPy 1.24 wraps it."""
    shape = tuple(shape)
    size = len(flat)
    skip_dtype = dtype in _IMPLIED and size > 0
    prefix = "array("
    suffix = ")" if skip_dtype else ","
    if size > 0 or shape == (0,):
        body = _array2string(flat, shape, dtype, ", ", prefix, suffix)
    else:
        body = "[], shape=%r" % (shape,)
    text = prefix + body + suffix
    if skip_dtype:
        return text
    dtype_str = "dtype=%s)" % ("object" if dtype == "object" else dtype)
    last_line_len = len(text) - (text.rfind("\n") + 1)
    spacer = "\n" + " " * len(prefix) if last_line_len + len(dtype_str) + 1 > LINEWIDTH else " "
    return text + spacer + dtype_str


def array_str(flat, shape, dtype):
    """str() of an ndarray (what print shows): space-separated, no `array(` and no dtype."""
    if len(shape) == 0:
        return scalar_str(flat[0], dtype)
    return _array2string(flat, tuple(shape), dtype, " ", "")


def scalar_repr(x, dtype):
    """The repr of a NumPy scalar of this dtype as NumPy 1.24 prints it (`1.5`, `3`, `True`)."""
    return scalar_str(x, dtype)


def scalar_str(x, dtype):
    if dtype in ("float32", "float64"):
        if not math.isfinite(x):
            return "nan" if math.isnan(x) else ("-inf" if x < 0 else "inf")
        digits, exp = _shortest_sci(abs(x), dtype)
        # NumPy scalars switch to scientific notation outside 1e-4 <= |x| < 1e16, as Python floats do.
        if x != 0 and (abs(x) < 1e-4 or abs(x) >= 1e16):
            mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
            s = mant + "e" + ("-" if exp < 0 else "+") + str(abs(exp)).rjust(2, "0")
            return ("-" if x < 0 else "") + s
        s = _positional_unbounded(x, dtype)
        return s + "0" if s.endswith(".") else s
    if dtype == "bool":
        return "True" if x else "False"
    return repr(x) if dtype == "object" else str(x)


def _positional_unbounded(x, dtype):
    digits, exp = _shortest_sci(abs(x), dtype)
    frac_len = max(len(digits) - 1 - exp, 0)
    s = "%.*f" % (frac_len, abs(x))
    return _sign(x) + (s if "." in s else s + ".")
