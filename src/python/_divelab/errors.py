"""Re-raises errors from the TypeScript core as the Python exceptions PyTorch and pandas raise.

See [Note: error translation] in src/shared/errors.ts: the core throws a PyError whose `pyType` names a Python
exception class and whose `message` is the text PyTorch/pandas would print. Pyodide hands it to Python as a
JsException that proxies the JS error, so `pyType` and `message` are plain attribute reads.

Usage in a package, on the error path only (a try block costs nothing when nothing is raised):

    try:
        return wrap(core.add(a, b))
    except JsException as e:
        raise translate(e) from None

`from None` drops the JS exception from the chain, so the student sees `RuntimeError: ...` and no JavaScript text.
The frames of DiveLab's own Python files are hidden by the engine's traceback printer (they live under /divelab/).
"""
import builtins

from pyodide.ffi import JsException

__all__ = ["JsException", "translate", "call"]


def _exception_class(py_type):
    if py_type.startswith("pandas.errors."):
        import pandas.errors

        return getattr(pandas.errors, py_type.rsplit(".", 1)[1])
    cls = getattr(builtins, py_type, None)
    return cls if isinstance(cls, type) and issubclass(cls, BaseException) else None


def translate(e):
    """The Python exception for a JsException: the PyError's type and message, or SystemError for a DiveLab bug."""
    py_type = getattr(e, "pyType", None)
    message = getattr(e, "message", str(e))
    if isinstance(py_type, str):
        cls = _exception_class(py_type)
        if cls is not None:
            # KeyError's str() is the repr of its argument; the core's message is already the final text.
            return _KeyError(message) if cls is KeyError else cls(message)
    # Not a PyError: a bug in DiveLab, not in the student's code. Keep the JS text so it can be reported.
    return SystemError(f"DiveLab internal error ({getattr(e, 'name', 'Error')}): {message}")


class _KeyError(KeyError):
    """A KeyError whose str() is the message as given (pandas formats its own quotes)."""

    __module__ = "builtins"
    __qualname__ = "KeyError"

    def __str__(self):
        return self.args[0] if self.args else ""


_KeyError.__name__ = "KeyError"  # what tracebacks and `type(e).__name__` show, as for the builtin


def call(fn, *args):
    """Calls a core function and translates its PyError; for the rare call sites where a try block is awkward."""
    try:
        return fn(*args)
    except JsException as e:
        raise translate(e) from None
