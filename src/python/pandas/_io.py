"""read_csv: the bytes are read here, through Python's file system (so the course's os.makedirs/open().write
files are found, and a missing file raises Python's own FileNotFoundError); the core parses them."""
from ._core import F, dtype_name, js
from ._frame import DataFrame
from pyodide.ffi import to_js


def _read_bytes(source):
    if hasattr(source, "read"):
        data = source.read()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    path = getattr(source, "__fspath__", lambda: source)()
    if isinstance(path, str) and path.startswith(("http://", "https://")):
        raise NotImplementedError("DiveLab is offline: read_csv reads local files only")
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        # Emscripten numbers ENOENT 44; pandas users see CPython's errno 2.
        raise FileNotFoundError(2, "No such file or directory", path) from None


def read_csv(filepath_or_buffer, sep=",", delimiter=None, header="infer", names=None, index_col=None,
             usecols=None, dtype=None, na_values=None, keep_default_na=True, nrows=None, encoding=None, **kwargs):
    unsupported = sorted(k for k, v in kwargs.items() if v is not None)
    if unsupported:
        raise NotImplementedError(f"DiveLab's read_csv does not support: {', '.join(unsupported)}")
    data = _read_bytes(filepath_or_buffer)
    if index_col is False:
        index_col = None
    if isinstance(na_values, (str, int, float)):
        na_values = [na_values]
    if dtype is not None:
        dtype = {str(k): dtype_name(v) for k, v in dtype.items()} if isinstance(dtype, dict) else dtype_name(dtype)
    opts = {
        "sep": delimiter if delimiter is not None else sep,
        # the core reads header -1 as "no header"; leaving it out means pandas' 'infer'
        "header": -1 if header is None else None if header == "infer" else header,
        "names": list(names) if names is not None else None,
        "indexCol": index_col,
        "usecols": list(usecols) if usecols is not None else None,
        "naValues": ({str(k): list(v) if isinstance(v, (list, tuple, set)) else [v] for k, v in na_values.items()}
                     if isinstance(na_values, dict) else list(na_values) if na_values is not None else None),
        "keepDefaultNa": keep_default_na,
        "dtype": dtype,
        "nrows": nrows,
        "encoding": encoding,
    }
    return DataFrame._wrap(F.readCsv(to_js(data), js({k: v for k, v in opts.items() if v is not None})))
