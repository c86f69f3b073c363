"""DiveLab's `pandas`: the part of pandas 1.5.3 that the course's data preprocessing uses, printing as pandas does.

DataFrame and Series are thin Python faces over the TypeScript frame core (src/shared/frame); read_csv reads the
file's bytes through Python and lets the core parse them. See docs/FEATURES.md for what is supported.
"""
from . import errors
from ._core import F as _F, js as _js, is_na as _is_na
from ._frame import DataFrame
from ._index import Index, RangeIndex
from ._io import read_csv
from ._series import Series

__version__ = "1.5.3"
__all__ = ["DataFrame", "Series", "Index", "RangeIndex", "read_csv", "get_dummies", "isna", "isnull", "notna",
           "notnull", "concat", "errors", "NA"]

NA = float("nan")


def get_dummies(data, prefix=None, prefix_sep="_", dummy_na=False, columns=None, sparse=False, drop_first=False,
                dtype=None):
    """One-hot encoding; columns are uint8 unless dtype= says otherwise (pandas 1.5's default)."""
    from ._core import dtype_name

    if sparse or drop_first:
        raise NotImplementedError("DiveLab's get_dummies does not support sparse= or drop_first=")
    if not isinstance(data, (DataFrame, Series)):
        data = Series(list(data))
    opts = {
        "prefix": prefix if not isinstance(prefix, (list, tuple, dict)) else (dict(prefix) if isinstance(prefix, dict) else list(prefix)),
        "prefixSep": prefix_sep,
        "dummyNa": bool(dummy_na),
        "columns": list(columns) if columns is not None else None,
        "dtype": dtype_name(dtype) if dtype is not None else None,
    }
    return DataFrame._wrap(_F.getDummies(data._h, _js({k: v for k, v in opts.items() if v is not None})))


def isna(obj):
    if isinstance(obj, (DataFrame, Series)):
        return obj.isna()
    return _is_na(obj)


isnull = isna


def notna(obj):
    if isinstance(obj, (DataFrame, Series)):
        return obj.notna()
    return not _is_na(obj)


notnull = notna


def concat(objs, axis=0, ignore_index=False):
    """Stacks frames: rows (axis=0, same columns) or columns (axis=1, same rows)."""
    objs = list(objs)
    if axis in (1, "columns"):
        out = DataFrame(index=objs[0].index)
        for o in objs:
            frame = o.to_frame() if isinstance(o, Series) else o
            for label, s in frame.items():
                out[label] = s
        return out
    h = objs[0]._h
    for o in objs[1:]:
        h = _F.concatRows(h, o._h)
    out = DataFrame._wrap(h)
    return out.reset_index(drop=True) if ignore_index else out
