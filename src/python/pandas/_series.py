"""pandas.Series over a core Series handle. In-place operations swap the handle; the core never mutates."""
import warnings

from ._core import F, column, dtype_name, fast_numpy, infer_dtype, is_na, js, np_dtype, py, scalar, to_numpy
from ._generic import NDFrame
from ._index import Index


class Series(NDFrame):
    # _parent: (weakref to a DataFrame, column label) for a column taken with df[label] or df.label. pandas 1.5
    # caches such a Series and writes through it, so `df['a'].fillna(0, inplace=True)` and `df['a'][0] = 1`
    # change df; the facade does the same by writing the column back.
    __slots__ = ("_h", "_parent", "__weakref__")

    def __init__(self, data=None, index=None, dtype=None, name=None, copy=None):
        if isinstance(data, Series):
            h = data._h if dtype is None else F.astypeSeries(data._h, dtype_name(dtype))
            self._h = h if name is None else F.withName(h, name)
            return
        if isinstance(data, dict):
            index = list(data.keys()) if index is None else index
            data = list(data.values())
        if data is None:
            data = []
        elif not hasattr(data, "__iter__") or isinstance(data, str):
            data = [data] * (len(index) if index is not None else 1)
        col = column(data, dtype)
        ix = None
        if index is not None:
            ix = index._h if isinstance(index, Index) else Index(list(index))._h
        self._h = F.makeSeries(col, ix, name)

    @classmethod
    def _wrap(cls, h, parent=None):
        self = object.__new__(cls)
        self._h = h
        self._parent = parent
        return self

    def _write_back(self):
        parent = getattr(self, "_parent", None)
        frame = parent[0]() if parent else None
        if frame is not None and parent[1] in frame.columns:
            object.__setattr__(frame, "_h", F.setColumn(frame._h, parent[1], self._col()))

    def _col(self):
        return F.seriesCol(self._h)

    # ------------------------------------------------------------------ attributes
    @property
    def dtype(self):
        return np_dtype(F.seriesDtype(self._h))

    dtypes = dtype

    @property
    def name(self):
        return F.seriesName(self._h)

    @name.setter
    def name(self, value):
        self._h = F.withName(self._h, value)

    @property
    def shape(self):
        return (len(self),)

    @property
    def size(self):
        return len(self)

    @property
    def empty(self):
        return len(self) == 0

    def __len__(self):
        return F.seriesLength(self._h)

    def tolist(self):
        d = F.seriesDtype(self._h)
        values = [scalar(v, d) for v in py(F.seriesValues(self._h))]
        if d == "object":
            for i in py(F.objectFloats(self._h)) or ():
                values[i] = float(values[i])
        return values

    to_list = tolist

    def __iter__(self):
        return iter(self.tolist())

    @property
    def values(self):
        fast = fast_numpy(self._h, [len(self)])
        if fast is not None:
            return fast
        return to_numpy(self.tolist(), F.seriesDtype(self._h), [len(self)])

    def to_dict(self):
        return dict(zip(self.index.tolist(), self.tolist()))

    def items(self):
        return zip(self.index.tolist(), self.tolist())

    def keys(self):
        return self.index

    def copy(self, deep=True):
        return Series._wrap(self._h)

    # ------------------------------------------------------------------ selection
    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.iloc[key]
        if isinstance(key, (list, Series)) or hasattr(key, "tolist"):
            keys = key.tolist() if hasattr(key, "tolist") else key
            if keys and all(isinstance(k, bool) for k in keys):
                return self.iloc[[i for i, k in enumerate(keys) if k]]
            return self.loc[keys]
        return self.loc[key]

    def __contains__(self, label):
        return label in self.index

    # ------------------------------------------------------------------ reductions
    def _reduce(self, op, skipna=True, ddof=1):
        value, d = py(F.reduceSeries(self._h, op, skipna, ddof))
        return scalar(value, d)

    def sum(self, axis=None, skipna=True, numeric_only=None, min_count=0):
        return self._reduce("sum", skipna)

    def prod(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("prod", skipna)

    def mean(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("mean", skipna)

    def median(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("median", skipna)

    def min(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("min", skipna)

    def max(self, axis=None, skipna=True, numeric_only=None):
        return self._reduce("max", skipna)

    def std(self, axis=None, skipna=True, ddof=1, numeric_only=None):
        return self._reduce("std", skipna, ddof)

    def var(self, axis=None, skipna=True, ddof=1, numeric_only=None):
        return self._reduce("var", skipna, ddof)

    def count(self):
        return self._reduce("count")

    def idxmax(self, axis=0, skipna=True):
        value, d = py(F.argExtreme(self._h, "max", skipna))
        return scalar(value, d) if not is_na(value) else float("nan")

    def idxmin(self, axis=0, skipna=True):
        value, d = py(F.argExtreme(self._h, "min", skipna))
        return scalar(value, d) if not is_na(value) else float("nan")

    def nunique(self, dropna=True):
        return len(self.value_counts(dropna=dropna))

    def unique(self):
        seen, out = set(), []
        for v in self.tolist():
            key = "nan" if is_na(v) else v
            if key not in seen:
                seen.add(key)
                out.append(v)
        return to_numpy(out, F.seriesDtype(self._h), [len(out)])

    def value_counts(self, normalize=False, sort=True, ascending=False, bins=None, dropna=True):
        return Series._wrap(F.valueCounts(self._h, dropna, normalize, ascending))

    def describe(self, percentiles=None, include=None, exclude=None):
        return Series._wrap(F.describe(self._h, None))

    # ------------------------------------------------------------------ missing values
    def dropna(self, axis=0, inplace=False, how=None):
        return self._inplace(F.dropnaSeries(self._h), inplace)

    def fillna(self, value=None, method=None, axis=None, inplace=False, limit=None, downcast=None):
        if isinstance(value, (dict, Series)):
            items = value.to_dict() if isinstance(value, Series) else value
            h = F.fillnaMap(self._h, js(list(items.keys())), js(list(items.values())))
        else:
            h = F.fillnaScalar(self._h, value)
        return self._inplace(h, inplace)

    def drop(self, labels=None, axis=0, index=None, inplace=False, errors="raise"):
        labels = index if labels is None else labels
        labels = list(labels) if isinstance(labels, (list, tuple, Index)) else [labels]
        return self._inplace(F.drop(self._h, js(labels), 0), inplace)

    def astype(self, dtype, copy=True, errors="raise"):
        if dtype in (str, "str"):
            # astype(str) writes every value with Python's str(): NaN becomes 'nan'
            return Series([str(v) for v in self.tolist()],
                          index=self.index, name=self.name, dtype=object)
        return Series._wrap(F.astypeSeries(self._h, dtype_name(dtype)))

    def reset_index(self, drop=False, name=None, inplace=False):
        from ._frame import DataFrame

        n = len(self)
        if drop:
            return self._inplace(F.setIndex(self._h, F.rangeIndex(n, 0, 1, None)), inplace)
        label = self.name if self.name is not None else 0
        ix_name = self.index.name if self.index.name is not None else "index"
        return DataFrame({ix_name: self.index.tolist(), label: self})

    def _inplace(self, h, inplace):
        if inplace:
            self._h = h
            self._write_back()
            return None
        return Series._wrap(h)

    def __setitem__(self, key, value):
        values = self.tolist()
        index = self.index
        if key in index:
            targets = [index.get_loc(key)]
        elif isinstance(key, int) and not isinstance(key, bool) and str(index.dtype) == "object":
            targets = [key]
        elif isinstance(key, slice) or isinstance(key, list):
            targets = list(range(len(values)))[key] if isinstance(key, slice) else [index.get_loc(k) for k in key]
        else:
            # pandas 1.5 appends a new label; DiveLab keeps the length fixed
            raise KeyError(key)
        for i in targets:
            values[i] = value
        old = F.seriesDtype(self._h)
        new = infer_dtype(values)
        dtype = old if (old == "float64" and new in ("int64", "float64")) else new
        self._h = F.withCol(self._h, F.column(js(values), dtype))
        if getattr(self, "_parent", None):
            # pandas 1.5 warns on item assignment into a column taken from a frame (chained assignment)
            from .errors import SettingWithCopyWarning

            warnings.warn("\nA value is trying to be set on a copy of a slice from a DataFrame\n\n"
                          "See the caveats in the documentation: https://pandas.pydata.org/pandas-docs/stable/"
                          "user_guide/indexing.html#returning-a-view-versus-a-copy", SettingWithCopyWarning, stacklevel=2)
        self._write_back()

    # ------------------------------------------------------------------ elementwise
    def _binary(self, other, fn):
        a = self.tolist()
        b = other.tolist() if isinstance(other, Series) else [other] * len(a)
        if len(a) != len(b):
            raise ValueError("Can only compare identically-labeled Series objects")
        out = [float("nan") if is_na(x) or is_na(y) else fn(x, y) for x, y in zip(a, b)]
        return Series(out, index=self.index, name=self.name)

    def __add__(self, o): return self._binary(o, lambda x, y: x + y)
    def __radd__(self, o): return self._binary(o, lambda x, y: y + x)
    def __sub__(self, o): return self._binary(o, lambda x, y: x - y)
    def __rsub__(self, o): return self._binary(o, lambda x, y: y - x)
    def __mul__(self, o): return self._binary(o, lambda x, y: x * y)
    def __rmul__(self, o): return self._binary(o, lambda x, y: y * x)
    def __truediv__(self, o): return self._binary(o, lambda x, y: x / y if y != 0 else (float("nan") if x == 0 else float("inf") * (1 if x > 0 else -1)))

    def _compare(self, other, fn):
        a = self.tolist()
        b = other.tolist() if isinstance(other, Series) else [other] * len(a)
        return Series([False if (is_na(x) or is_na(y)) else fn(x, y) for x, y in zip(a, b)], index=self.index, name=self.name)

    def __eq__(self, o): return self._compare(o, lambda x, y: x == y)
    def __ne__(self, o): return Series([not v for v in self._compare(o, lambda x, y: x == y).tolist()], index=self.index, name=self.name)
    def __lt__(self, o): return self._compare(o, lambda x, y: x < y)
    def __le__(self, o): return self._compare(o, lambda x, y: x <= y)
    def __gt__(self, o): return self._compare(o, lambda x, y: x > y)
    def __ge__(self, o): return self._compare(o, lambda x, y: x >= y)

    def __invert__(self):
        return Series([not v for v in self.tolist()], index=self.index, name=self.name)

    __hash__ = None

    # ------------------------------------------------------------------ output
    def __repr__(self):
        return F.seriesRepr(self._h)

    def to_frame(self, name=None):
        from ._frame import DataFrame

        label = name if name is not None else (self.name if self.name is not None else 0)
        return DataFrame({label: self})

    def __bool__(self):
        raise ValueError("The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().")


def warn_future(message):
    warnings.warn(message, FutureWarning, stacklevel=3)
