"""pandas.DataFrame over a core DataFrame handle. In-place operations swap the handle; the core never mutates."""
import warnings
import weakref

from ._core import F, column, dtype_name, fast_numpy, infer_dtype, is_na, js, np_dtype, py, scalar, to_numpy
from ._generic import NDFrame
from ._index import Index
from ._series import Series

_REDUCTIONS = ("sum", "prod", "mean", "median", "min", "max", "std", "var")


def _labels_dtype(labels):
    return "int64" if labels and all(isinstance(x, int) and not isinstance(x, bool) for x in labels) else "object"


class DataFrame(NDFrame):

    def __init__(self, data=None, index=None, columns=None, dtype=None, copy=None):
        if isinstance(data, DataFrame):
            h = data._h
            object.__setattr__(self, "_h", h)
            if columns is not None:
                object.__setattr__(self, "_h", self[list(columns)]._h)
            return
        labels, cols, n = self._columns_from(data, columns, dtype, index)
        ix = None
        if index is not None:
            ix = index._h if isinstance(index, Index) else Index(list(index))._h
        kind = "range" if columns is None and not isinstance(data, dict) and data is not None else (
            "object" if not labels else "int64" if _labels_dtype(labels) == "int64" else infer_dtype(labels))
        h = F.makeFrame(js(labels), js(cols), n, ix, kind)
        object.__setattr__(self, "_h", h)

    @staticmethod
    def _columns_from(data, columns, dtype, index):
        if data is None:
            labels = list(columns) if columns is not None else []
            n = len(index) if index is not None else 0
            return labels, [column([float("nan")] * n, dtype or "object") for _ in labels], n
        if isinstance(data, dict):
            labels = list(data.keys()) if columns is None else list(columns)
            n = None
            for v in data.values():
                if isinstance(v, Series) or (hasattr(v, "__len__") and not isinstance(v, str)):
                    n = len(v)
                    break
            if n is None:
                n = len(index) if index is not None else 1
            cols = []
            for label in labels:
                v = data.get(label, float("nan"))
                if isinstance(v, Series) or (hasattr(v, "__len__") and not isinstance(v, str)):
                    if len(v) != n:
                        raise ValueError("All arrays must be of the same length")
                    cols.append(column(v, dtype))
                else:
                    cols.append(column([v] * n, dtype))
            return labels, cols, n
        if hasattr(data, "tolist"):
            data = data.tolist()
        rows = [list(r) if hasattr(r, "__iter__") and not isinstance(r, str) else [r] for r in data]
        width = max((len(r) for r in rows), default=0)
        labels = list(columns) if columns is not None else list(range(width))
        if rows and len(labels) != width:
            raise ValueError(f"{len(labels)} columns passed, passed data had {width} columns")
        cols = [column([r[j] if j < len(r) else None for r in rows], dtype) for j in range(len(labels))]
        return labels, cols, len(rows)

    @classmethod
    def _wrap(cls, h):
        self = object.__new__(cls)
        object.__setattr__(self, "_h", h)
        return self

    def _swap(self, h, inplace):
        if inplace:
            object.__setattr__(self, "_h", h)
            return None
        return DataFrame._wrap(h)

    # ------------------------------------------------------------------ attributes
    @property
    def shape(self):
        return tuple(py(F.shape(self._h)))

    def __len__(self):
        return self.shape[0]

    @property
    def size(self):
        r, c = self.shape
        return r * c

    @property
    def ndim(self):
        return 2

    @property
    def empty(self):
        return 0 in self.shape

    @property
    def columns(self):
        return Index._wrap(F.columns(self._h))

    @columns.setter
    def columns(self, labels):
        labels = list(labels)
        if len(labels) != self.shape[1]:
            raise ValueError(f"Length mismatch: Expected axis has {self.shape[1]} elements, new values have {len(labels)} elements")
        object.__setattr__(self, "_h", F.renameColumns(self._h, js(labels)))

    @property
    def dtypes(self):
        names = py(F.dtypes(self._h))
        return Series._wrap(F.makeSeries(F.column(js(names), "object"), F.columns(self._h), None))

    @property
    def values(self):
        fast = fast_numpy(self._h, self.shape)
        if fast is not None:
            return fast
        rows, d = py(F.frameValues(self._h))
        if d == "object":
            # JS numbers lose 2.0 vs 2: restore each cell's Python type from its column's dtype
            kinds = py(F.dtypes(self._h))
            rows = [[scalar(v, k) for v, k in zip(row, kinds)] for row in rows]
        return to_numpy(rows, d, list(self.shape))

    def copy(self, deep=True):
        return DataFrame._wrap(self._h)

    def keys(self):
        return self.columns

    def __iter__(self):
        return iter(self.columns.tolist())

    def __contains__(self, label):
        return label in self.columns

    def items(self):
        for i, label in enumerate(self.columns.tolist()):
            yield label, Series._wrap(F.frameColumn(self._h, i))

    def to_dict(self, orient="dict"):
        return {label: s.to_dict() for label, s in self.items()}

    # ------------------------------------------------------------------ selection
    def _column(self, label):
        pos = F.colPositions(self._h, label)
        if pos is None:
            raise KeyError(label)
        return Series._wrap(F.frameColumn(self._h, py(pos)[0]), (weakref.ref(self), label))

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.iloc[key]
        if isinstance(key, Series) and str(key.dtype) == "bool":
            return self.iloc[key.tolist()]
        if isinstance(key, (list, Index)) or hasattr(key, "tolist"):
            keys = key.tolist() if hasattr(key, "tolist") else key
            if keys and all(isinstance(k, bool) for k in keys):
                return self.iloc[keys]
            missing = [k for k in keys if k not in self.columns]
            if missing:
                if len(missing) == len(keys):
                    raise KeyError(f"None of [{Index(keys)!r}] are in the [columns]")
                raise KeyError(f"{missing} not in index")
            return DataFrame._wrap(F.selectCols(self._h, js([self.columns.get_loc(k) for k in keys])))
        return self._column(key)

    def __setitem__(self, key, value):
        n = len(self)
        if isinstance(value, Series):
            col = value._col()
        elif isinstance(value, DataFrame):
            raise NotImplementedError("DiveLab sets one column at a time")
        elif hasattr(value, "__len__") and not isinstance(value, str):
            if len(value) != n:
                raise ValueError(f"Length of values ({len(value)}) does not match length of index ({n})")
            col = column(value)
        else:
            col = F.repeatColumn(value, n, infer_dtype([value]) if not is_na(value) else "float64")
        object.__setattr__(self, "_h", F.setColumn(self._h, key, col))

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if F.colPositions(self._h, name) is not None:
            return self._column(name)
        raise AttributeError(f"'DataFrame' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name.startswith("_") or hasattr(type(self), name):
            object.__setattr__(self, name, value)
        elif F.colPositions(self._h, name) is not None:
            self[name] = value
        else:
            warnings.warn("Pandas doesn't allow columns to be created via a new attribute name - see "
                          "https://pandas.pydata.org/pandas-docs/stable/indexing.html#attribute-access",
                          UserWarning, stacklevel=2)
            object.__setattr__(self, name, value)

    def reset_index(self, drop=False, inplace=False):
        n = len(self)
        h = F.setIndex(self._h, F.rangeIndex(n, 0, 1, None))
        if not drop:
            ix = self.index
            name = ix.name if ix.name is not None else ("index" if "index" not in self.columns else "level_0")
            out = DataFrame({name: ix.tolist()})
            for label, s in DataFrame._wrap(h).items():
                out[label] = s
            h = out._h
        return self._swap(h, inplace)

    def set_index(self, keys, drop=True, inplace=False):
        s = self[keys]
        ix = Index(s.tolist(), name=keys)
        rest = self.drop(columns=[keys]) if drop else self
        return self._swap(F.setIndex(rest._h, ix._h), inplace)

    # ------------------------------------------------------------------ reductions
    def _reduce(self, op, axis=0, skipna=True, numeric_only=None, ddof=1):
        axis = _axis_number(axis)
        h, warning = py(F.reduceFrame(self._h, op, axis, skipna, numeric_only, ddof))
        if warning is not None:
            warnings.warn(warning, FutureWarning, stacklevel=3)
        return Series._wrap(h)

    def sum(self, axis=None, skipna=True, numeric_only=None, min_count=0):
        return self._reduce("sum", axis or 0, skipna, numeric_only)

    def prod(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("prod", axis or 0, skipna, numeric_only)

    def mean(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("mean", axis or 0, skipna, numeric_only)

    def median(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("median", axis or 0, skipna, numeric_only)

    def min(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("min", axis or 0, skipna, numeric_only)

    def max(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("max", axis or 0, skipna, numeric_only)

    def std(self, axis=None, skipna=True, ddof=1, numeric_only=None):
        return self._reduce("std", axis or 0, skipna, numeric_only, ddof)

    def var(self, axis=None, skipna=True, ddof=1, numeric_only=None):
        return self._reduce("var", axis or 0, skipna, numeric_only, ddof)

    def count(self, axis=0, numeric_only=False):
        return self._reduce("count", axis, True, None)

    def idxmax(self, axis=0, skipna=True):
        return Series._wrap(F.frameArgExtreme(self._h, "max", _axis_number(axis), skipna))

    def idxmin(self, axis=0, skipna=True):
        return Series._wrap(F.frameArgExtreme(self._h, "min", _axis_number(axis), skipna))

    def nunique(self):
        return Series({label: s.nunique() for label, s in self.items()})

    def describe(self, percentiles=None, include=None, exclude=None):
        return DataFrame._wrap(F.describe(self._h, include))

    # ------------------------------------------------------------------ missing values and cleaning
    def dropna(self, axis=0, how="any", thresh=None, subset=None, inplace=False):
        if subset is not None and not isinstance(subset, (list, tuple, Index)):
            subset = [subset]
        h = F.dropnaFrame(self._h, _axis_number(axis), how, thresh, js(list(subset)) if subset is not None else None)
        return self._swap(h, inplace)

    def fillna(self, value=None, method=None, axis=None, inplace=False, limit=None, downcast=None):
        if value is None and method is None:
            raise ValueError("Must specify a fill 'value' or 'method'.")
        if method is not None:
            raise NotImplementedError("DiveLab's fillna fills with a value (method= is not supported)")
        if isinstance(value, (dict, Series)):
            items = value.to_dict() if isinstance(value, Series) else value
            h = F.fillnaMap(self._h, js(list(items.keys())), js(list(items.values())))
        elif isinstance(value, (list, tuple)):
            raise TypeError(f'"value" parameter must be a scalar or dict, but you passed a "{type(value).__name__}"')
        else:
            h = F.fillnaScalar(self._h, value)
        return self._swap(h, inplace)

    def drop(self, labels=None, axis=0, index=None, columns=None, inplace=False, errors="raise"):
        if labels is None and index is None and columns is None:
            raise ValueError("Need to specify at least one of 'labels', 'index' or 'columns'")
        h = self._h
        axis = _axis_number(axis)
        for keys, ax in ((labels, axis), (index, 0), (columns, 1)):
            if keys is None:
                continue
            keys = list(keys) if isinstance(keys, (list, tuple, Index)) else [keys]
            if errors == "ignore":
                have = self.columns if ax == 1 else self.index
                keys = [k for k in keys if k in have]
            h = F.drop(h, js(keys), ax)
        return self._swap(h, inplace)

    def astype(self, dtype, copy=True, errors="raise"):
        if dtype in (str, "str") or (isinstance(dtype, dict) and any(d in (str, "str") for d in dtype.values())):
            spec = dtype if isinstance(dtype, dict) else {label: dtype for label in self.columns.tolist()}
            out = self.copy()
            for label, d in spec.items():
                out[label] = self[label].astype(d)
            return out
        if isinstance(dtype, dict):
            return DataFrame._wrap(F.astypeFrameMap(self._h, js(list(dtype.keys())), js([dtype_name(d) for d in dtype.values()])))
        return DataFrame._wrap(F.astypeFrame(self._h, dtype_name(dtype)))

    def rename(self, columns=None, index=None, inplace=False):
        h = self._h
        if columns is not None:
            labels = [columns.get(c, c) if isinstance(columns, dict) else columns(c) for c in self.columns.tolist()]
            h = F.renameColumns(h, js(labels))
        return self._swap(h, inplace)

    # ------------------------------------------------------------------ output
    def __repr__(self):
        return F.frameRepr(self._h)

    def _repr_html_(self):
        return F.frameHtml(self._h)

    def to_string(self):
        return repr(self)

    def to_csv(self, path_or_buf=None, sep=",", na_rep="", header=True, index=True, encoding=None, mode="w"):
        text = F.toCsv(self._h, sep, bool(index), bool(header), na_rep)
        if path_or_buf is None:
            return text
        if hasattr(path_or_buf, "write"):
            path_or_buf.write(text)
            return None
        with open(path_or_buf, mode, encoding=encoding or "utf-8", newline="") as f:
            f.write(text)
        return None

    def info(self):
        """DataFrame.info() as pandas 1.5 prints it for frames of up to 100 columns (memory is deep=False)."""
        n, m = self.shape
        ix = self.index
        kind = repr(ix).split("(")[0]
        labels = ix.tolist()
        print("<class 'pandas.core.frame.DataFrame'>")
        print(f"{kind}: {n} entries" + (f", {labels[0]} to {labels[-1]}" if n else ""))
        print(f"Data columns (total {m} columns):")
        names = [str(c) for c in self.columns.tolist()]
        dtypes = [str(d) for d in py(F.dtypes(self._h))]
        counts = self.count().tolist() if m else []
        w = max([len("Column")] + [len(s) for s in names])
        dw = max([len("Dtype")] + [len(d) for d in dtypes])
        print(" #   " + "Column".ljust(w) + "  " + "Non-Null Count".ljust(14) + "  " + "Dtype".ljust(dw))
        print("---  " + "------".ljust(w) + "  " + "-" * 14 + "  " + "-----".ljust(dw))
        for i, (name, c, d) in enumerate(zip(names, counts, dtypes)):
            print(" " + str(i).ljust(3) + " " + name.ljust(w) + "  " + f"{c} non-null".ljust(14) + "  " + d.ljust(dw))
        kinds = {}
        for d in dtypes:
            kinds[d] = kinds.get(d, 0) + 1
        print("dtypes: " + ", ".join(f"{d}({k})" for d, k in sorted(kinds.items())))
        size = {"uint8": 1, "bool": 1}
        nbytes = sum(size.get(d, 8) * n for d in dtypes)
        if kind == "RangeIndex":
            nbytes += 48 + sum(28 if abs(v) < 2 ** 30 else 32 for v in (ix.start, ix.stop, ix.step))
        else:
            nbytes += 8 * n
        value, unit = float(nbytes), "bytes"
        for unit in ("bytes", "KB", "MB", "GB", "TB"):
            if value < 1024.0:
                break
            value /= 1024.0
        plus = "+" if "object" in dtypes else ""
        print(f"memory usage: {value:3.1f}{plus} {unit}")

    __hash__ = None

    def __bool__(self):
        raise ValueError("The truth value of a DataFrame is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().")


def _axis_number(axis):
    if axis in (0, "index", "rows", None):
        return 0
    if axis in (1, "columns"):
        return 1
    raise ValueError(f"No axis named {axis} for object type DataFrame")
