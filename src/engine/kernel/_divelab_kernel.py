"""The Python half of DiveLab's engine: runs cells and scripts with Jupyter / CPython semantics.

The JS worker (src/engine/core/python-worker.ts) installs this file, calls `setup(bridge)` once, then
`run_cell`, `run_script` and `evaluate`. Everything the user sees leaves through `bridge`:
`bridge.post(type, json)` for protocol messages and `bridge.stream(name, text)` for output.

[Note: stream batching] stdout/stderr are our own text streams. A write goes out at once when the stream has been
quiet for a while (so a lone `print` before a slow computation shows up immediately); during a burst, text is
batched and sent every ~30 ms or 64 KiB, so a cell printing 10^6 lines sends a few hundred messages, not 10^6.
A partial line waits for its newline (print writes the text and the newline separately). The worker runs Python
synchronously, so no timer of its own can send the last lines of a burst followed by a long computation; instead
the router raises SIGUSR1 through the interrupt buffer every ~100 ms while a job runs, and its handler flushes
([Note: control block] in control.ts).
stdout and stderr share one buffer of (name, text) chunks, which keeps their relative order. The buffer is flushed
before any other message (display, result, error, input request) and before sleeping, so nothing is reordered.
"""
import ast
import builtins
import json
import linecache
import os
import sys
import time
import traceback
import types

import _divelab_magics
from _divelab_tracebacks import cell_traceback, strip_exc

_bridge = None
_main = None  # the notebook's __main__ module (globals persist across cells)
_exec_count = 0
_current_id = None
_FLUSH_SECONDS = 0.03
_FLUSH_CHARS = 64 * 1024


# --------------------------------------------------------------------------------------------- output streams
class _Output:
    """The shared buffer behind sys.stdout and sys.stderr (see [Note: stream batching])."""

    def __init__(self):
        self.writing = False
        self.pending_since = 0.0
        self.chunks = []
        self.size = 0
        self.last_flush = 0.0

    def write(self, name, text):
        if not text:
            return
        self.writing = True
        try:
            chunks = self.chunks
            if not chunks:
                self.pending_since = time.monotonic()
            if chunks and chunks[-1][0] == name:
                chunks[-1][1].append(text)
            else:
                chunks.append((name, [text]))
            self.size += len(text)
            if self.size >= _FLUSH_CHARS:
                self.flush()
            elif text[-1] == "\n":
                now = time.monotonic()
                if now - self.last_flush >= _FLUSH_SECONDS:
                    self.flush(now)
        finally:
            self.writing = False

    def on_flush_signal(self, *_):
        # A signal handler runs between any two bytecodes: never in the middle of write()'s bookkeeping, and not
        # between print()'s text and its newline unless a partial line has waited a while (a progress indicator).
        if self.writing or not self.chunks:
            return
        if self.chunks[-1][1][-1].endswith("\n") or time.monotonic() - self.pending_since > 0.25:
            self.flush()

    def flush(self, now=None):
        chunks, self.chunks, self.size = self.chunks, [], 0
        if _current_id is not None:
            for name, parts in chunks:
                _bridge.stream(_current_id, name, "".join(parts))
        self.last_flush = time.monotonic() if now is None else now


_out = _Output()


class _Stream:
    """A text stream that writes through to _out; enough of io.TextIOBase for print, traceback and logging."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name, fileno):
        self.name = "<" + name + ">"
        self._name = name
        self._fileno = fileno

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        _out.write(self._name, text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _out.flush()

    def isatty(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return True

    def seekable(self):
        return False

    def fileno(self):
        return self._fileno

    @property
    def closed(self):
        return False

    @property
    def buffer(self):
        raise AttributeError("DiveLab's output streams have no binary buffer")


def _post(kind, **payload):
    """Sends a protocol message for the current cell after the text printed before it."""
    _out.flush()
    # default=str: a rich repr that returns something JSON cannot hold is shown as text rather than failing the cell
    _bridge.post(kind, _current_id or "", json.dumps(payload, default=str))


# --------------------------------------------------------------------------------------------- rich display
def _mime_bundle(obj):
    """Jupyter's MIME bundle of `obj`: text/plain is its repr; rich forms come from the _repr_*_ protocol."""
    data = {}
    mimebundle = getattr(obj, "_repr_mimebundle_", None)
    if callable(mimebundle) and not isinstance(obj, type):
        try:
            got = mimebundle()
            if isinstance(got, tuple):
                got = got[0]
            if isinstance(got, dict):
                data.update(got)
        except Exception:  # noqa: BLE001 - a broken rich repr falls back to the plain one, as IPython does
            pass
    for method, mime in (("_repr_html_", "text/html"), ("_repr_png_", "image/png"), ("_repr_svg_", "image/svg+xml"),
                         ("_repr_markdown_", "text/markdown"), ("_repr_latex_", "text/latex"), ("_repr_json_", "application/json")):
        fn = getattr(obj, method, None)
        if mime in data or not callable(fn) or isinstance(obj, type):
            continue
        try:
            value = fn()
        except Exception:  # noqa: BLE001
            continue
        if value is None:
            continue
        if isinstance(value, (bytes, bytearray)):
            import base64
            value = base64.b64encode(bytes(value)).decode("ascii")
        data[mime] = value
    if "text/plain" not in data:
        data["text/plain"] = repr(obj)
    for key, value in list(data.items()):
        if isinstance(value, (bytes, bytearray)):
            import base64
            data[key] = base64.b64encode(bytes(value)).decode("ascii")
    return data


def display(*objs, raw=False, metadata=None, **_ignored):
    """IPython's display(): shows each object as a display_data output of the running cell."""
    for obj in objs:
        data = obj if raw else _mime_bundle(obj)
        if metadata:
            _post("display", data=data, metadata=metadata)
        else:
            _post("display", data=data)


# --------------------------------------------------------------------------------------------- input and sleep
def _input(prompt=""):
    _out.flush()
    reply = _bridge.input(_current_id or "", str(prompt), False)
    if reply is False:
        raise KeyboardInterrupt
    if reply is None:
        raise EOFError("EOF when reading a line")
    return str(reply)


def _sleep(seconds):
    """time.sleep that an interrupt wakes (the JS side waits on the interrupt buffer itself)."""
    if not isinstance(seconds, (int, float)):
        raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _out.flush()
    if _bridge.sleep(float(seconds)):
        raise KeyboardInterrupt


# --------------------------------------------------------------------------------------------- running code
def _run_hooks():
    hooks = sys.modules.get("_divelab_hooks")
    if hooks is not None:
        hooks.run_post_execute()


def _compile_cell(code, filename):
    """Parses a cell; returns (body, last) where last is the final expression to display, or None."""
    try:
        tree = ast.parse(code, filename, "exec")
    except SyntaxError as err:
        tree = _parse_with_magics(code, filename)
        if tree is None:
            raise err
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not code.rstrip().endswith(";"):
        last = ast.Expression(tree.body.pop().value)
    body = compile(tree, filename, "exec", dont_inherit=True)
    return body, (compile(last, filename, "eval", dont_inherit=True) if last is not None else None)


def _parse_with_magics(code, filename):
    """The cell parsed with its magic lines rewritten; None when it has none. A remaining syntax error is raised:
    the rewrite keeps every line in place, so its line, text and caret are the user's."""
    rewritten = _divelab_magics.rewrite(code)
    return None if rewritten is None else ast.parse(rewritten, filename, "exec")


def _cache_source(filename, code):
    lines = code.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    linecache.cache[filename] = (len(code), None, lines, filename)


def _python_error(exc):
    """A core error that reached the cell without passing the facade's translation (a KeyboardInterrupt from a
    kernel or a GPU read-back, raised wherever tensor values are read) shown as the Python exception it names."""
    if type(exc).__name__ != "JsException" or not isinstance(getattr(exc, "pyType", None), str):
        return exc
    from _divelab.errors import translate

    return translate(exc).with_traceback(exc.__traceback__)


def run_cell(cell_id, code, silent):
    """Runs one notebook cell; returns 'ok' or 'error'. Sends result/error messages, not 'done' (the JS does)."""
    global _exec_count, _current_id
    _current_id = cell_id
    _out.last_flush = 0.0  # a cell's first line goes out at once
    if not silent:
        _exec_count += 1
    count = _exec_count
    filename = f"<cell-{count}>"
    _cache_source(filename, code)
    status = "ok"
    try:
        body, last = _compile_cell(code, filename)
        env = _main.__dict__
        exec(body, env)
        if last is not None:
            value = eval(last, env)
            if value is not None:
                if not silent:
                    builtins._ = value
                    env["_"] = value
                _post("result", executionCount=count, data=_mime_bundle(value))
    except BaseException as exc:  # noqa: BLE001 - KeyboardInterrupt and SystemExit end the cell too
        status = "error"
        ename, evalue, tb_list = cell_traceback(_python_error(exc))
        _post("error", ename=ename, evalue=evalue, traceback=tb_list)
    finally:
        try:
            _run_hooks()
        except BaseException:  # noqa: BLE001
            pass
        _out.flush()
    return status


def run_script(run_id, path, argv):
    """Runs a file as `python path args…` would, in a fresh __main__; returns the process exit code."""
    global _current_id
    _current_id = run_id
    _out.last_flush = 0.0
    code = 0
    try:
        with open(path, "rb") as f:
            source = f.read()
        sys.argv = list(argv)
        script_dir = os.path.dirname(path)
        if script_dir not in sys.path:
            sys.path.insert(1, script_dir)
        module = types.ModuleType("__main__")
        module.__file__ = path
        module.__builtins__ = builtins
        sys.modules["__main__"] = module
        exec(compile(source, path, "exec", dont_inherit=True), module.__dict__)
    except SystemExit as exc:
        code = _exit_code(exc)
    except BaseException as exc:  # noqa: BLE001
        strip_exc(exc)
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        code = 130 if isinstance(exc, KeyboardInterrupt) else 1
    finally:
        try:
            sys.stdout.flush()
        except BaseException:  # noqa: BLE001
            pass
        _out.flush()
    return code


def _exit_code(exc):
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    print(exc.code, file=sys.stderr)
    return 1


def evaluate(code):
    """Evaluates an expression for a panel: JSON `{"value": <json text>}` or `{"error": "Name: message"}`."""
    try:
        value = eval(compile(code, "<eval>", "eval", dont_inherit=True), _main.__dict__)
        return json.dumps({"value": json.dumps(value, default=_json_default)})
    except Exception as exc:  # noqa: BLE001 - the panel shows the error line
        return json.dumps({"error": "".join(traceback.format_exception_only(type(exc), exc)).strip()})
    finally:
        _out.flush()


def _json_default(obj):
    tolist = getattr(obj, "tolist", None)
    if callable(tolist):
        return tolist()
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


# --------------------------------------------------------------------------------------------- set-up
def setup(bridge, cwd, python_path, env):
    """Called once per fresh interpreter, after the packages are installed."""
    global _bridge, _main
    _bridge = bridge
    # PYTHONPATH and friends describe the host's CPython, not this interpreter.
    os.environ.update({k: v for k, v in env.items() if not k.startswith("PYTHON")})
    if python_path not in sys.path:
        sys.path.insert(0, python_path)
    os.chdir(cwd)
    sys.stdout = _Stream("stdout", 1)
    sys.stderr = _Stream("stderr", 2)
    sys.__stdout__, sys.__stderr__ = sys.stdout, sys.stderr
    builtins.input = _input
    builtins.display = display
    time.sleep = _sleep
    import signal
    signal.signal(signal.SIGUSR1, _out.on_flush_signal)
    _main = types.ModuleType("__main__")
    _main.__builtins__ = builtins
    sys.modules["__main__"] = _main
    sys.argv = [""]
    try:
        import _divelab_hooks  # noqa: F401 - matplotlib's inline mode registers its hooks there
    except ImportError:
        pass
