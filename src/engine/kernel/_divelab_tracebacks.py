"""Tracebacks that show the user's code only: DiveLab's engine and packages stay out of them.

[Note: user-only tracebacks] A student's error should point at their own lines, as it would under CPython with
PyTorch installed — not at the kernel that ran the cell, DiveLab's torch/pandas facades, or Pyodide's JS glue. So
frames from /divelab/ (the kernel and the packages), frozen import machinery and JavaScript are removed from the
traceback before it is printed (scripts, CPython's format) or formatted for a notebook (cells, IPython's format:
`Cell In[3], line 2` and numbered context lines, no colours).
"""
import linecache
import traceback
import types

_ENGINE_PREFIXES = ("/divelab/",)


def _user_tb(tb):
    """Drops leading engine frames and every frame from DiveLab's own packages ([Note: user-only tracebacks])."""
    frames = []
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        # "://" marks JavaScript frames that Pyodide adds for calls through JS.
        if not (name.startswith(_ENGINE_PREFIXES) or name.startswith("<frozen ") or "/_pyodide/" in name or "://" in name):
            frames.append(tb)
        tb = tb.tb_next
    return frames


def strip_exc(exc):
    """Re-links exc's traceback (and its causes') so that only user frames remain."""
    seen = set()
    e = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        frames = _user_tb(e.__traceback__)
        head = None
        for tb in reversed(frames):
            try:
                head = types.TracebackType(head, tb.tb_frame, tb.tb_lasti, tb.tb_lineno)
            except TypeError:
                head = tb
                break
        e.__traceback__ = head
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    return exc


def _cell_name(filename):
    return filename[len("<cell-"):-1] if filename.startswith("<cell-") and filename.endswith(">") else None


def _arg_names(code):
    """A function's parameters as IPython lists them in a frame header: `f(a, *args, b, **kw)`."""
    names = list(code.co_varnames[:code.co_argcount])
    n = code.co_argcount + code.co_kwonlyargcount
    if code.co_flags & 0x04:  # CO_VARARGS
        names.append("*" + code.co_varnames[n])
        n += 1
    names += code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]
    if code.co_flags & 0x08:  # CO_VARKEYWORDS
        names.append("**" + code.co_varnames[n])
    return ", ".join(names)


def _format_frame(tb):
    """One IPython-style frame: `Cell In[3], line 2, in f()` then numbered context lines with an arrow."""
    code = tb.tb_frame.f_code
    lineno = tb.tb_lineno
    count = _cell_name(code.co_filename)
    where = f"Cell In[{count}], line {lineno}" if count is not None else f"File {code.co_filename}:{lineno}"
    if code.co_name != "<module>":
        where += f", in {code.co_name}({_arg_names(code)})"
    lines = linecache.getlines(code.co_filename)
    out = [where]
    if lines:
        lo, hi = max(1, lineno - 2), min(len(lines), lineno + 2)
        width = len(str(hi))
        for n in range(lo, hi + 1):
            text = lines[n - 1].rstrip("\n")
            mark = "---->" if n == lineno else "     "
            out.append(f"{mark} {str(n).rjust(width)} {text}")
    return "\n".join(out) + "\n"


def cell_traceback(exc):
    """Jupyter's error message fields for exc, formatted like IPython without colours (chained causes first)."""
    strip_exc(exc)
    ename = type(exc).__name__
    evalue = str(exc)
    if isinstance(exc, SyntaxError):
        return ename, evalue, [_syntax_error_text(exc)]
    chain = []
    e, seen = exc, set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if e.__cause__ is not None:
            link, nxt = "The above exception was the direct cause of the following exception:", e.__cause__
        elif e.__context__ is not None and not e.__suppress_context__:
            link, nxt = "During handling of the above exception, another exception occurred:", e.__context__
        else:
            link, nxt = None, None
        chain.append((e, link))
        e = nxt
    tb_list = ["-" * 75]
    for i, (e, link) in enumerate(reversed(chain)):
        if i:
            tb_list.append(f"\n{link}\n")
        tb_list.append(f"{type(e).__name__:<42}Traceback (most recent call last)")
        tb = e.__traceback__
        while tb is not None:
            tb_list.append(_format_frame(tb))
            tb = tb.tb_next
        tb_list.append("".join(traceback.format_exception_only(type(e), e)).rstrip("\n"))
    return ename, evalue, tb_list


def _syntax_error_text(exc):
    text = "".join(traceback.format_exception_only(type(exc), exc))
    count = _cell_name(exc.filename or "")
    if count is not None:
        text = text.replace(f'File "{exc.filename}", line {exc.lineno}', f"Cell In[{count}], line {exc.lineno}")
    return text.rstrip("\n")
