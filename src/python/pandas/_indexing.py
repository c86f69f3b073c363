"""iloc (positions) and loc (labels) for Series and DataFrame: keys become position lists, the core takes them."""
from ._core import F, js, py, scalar


def _positions(key, n, what="rows"):
    """A positional key (int, slice, list of ints or bools) as ('one', i) / ('slice', start, stop) / ('many', [...])."""
    if isinstance(key, bool):
        raise TypeError("Cannot index by location index with a non-integer key")
    if isinstance(key, int):
        i = key + n if key < 0 else key
        if not 0 <= i < n:
            raise IndexError("single positional indexer is out-of-bounds")
        return ("one", i)
    if isinstance(key, slice):
        start, stop, step = key.indices(n)
        if step == 1:
            return ("slice", start, max(start, stop))
        return ("many", list(range(start, stop, step)))
    if hasattr(key, "tolist"):
        key = key.tolist()
    key = list(key)
    if key and all(isinstance(k, bool) for k in key):
        if len(key) != n:
            raise IndexError(f"Boolean index has wrong length: {len(key)} instead of {n}")
        return ("many", [i for i, k in enumerate(key) if k])
    out = []
    for k in key:
        i = k + n if k < 0 else k
        if not 0 <= i < n:
            raise IndexError("positional indexers are out-of-bounds")
        out.append(i)
    return ("many", out)


def _label_positions(index, key):
    """A label key (label, list of labels, label slice inclusive of its end, bools) as a positional key."""
    labels = index.tolist()
    if isinstance(key, slice):
        start = 0 if key.start is None else index.get_loc(key.start)
        stop = len(labels) - 1 if key.stop is None else index.get_loc(key.stop)
        return slice(start, stop + 1, key.step)
    if hasattr(key, "tolist") or isinstance(key, list):
        keys = key.tolist() if hasattr(key, "tolist") else key
        if keys and all(isinstance(k, bool) for k in keys):
            return keys
        missing = [k for k in keys if k not in index]
        if missing:
            raise KeyError(f"{missing} not in index" if len(missing) < len(keys) else
                           f"None of [{index.__class__.__name__ if False else 'Index'}({keys!r}, dtype='object')] are in the [index]")
        return [index.get_loc(k) for k in keys]
    if key not in index:
        raise KeyError(key)
    return index.get_loc(key)


def _take_rows(obj, sel):
    kind = sel[0]
    if kind == "slice":
        return F.sliceRows(obj._h, sel[1], sel[2])
    return F.takeRows(obj._h, js(sel[1]))


class _Indexer:
    """What `obj.iloc` and `obj.loc` return: a light view that remembers the Series or DataFrame it indexes."""
    __slots__ = ("_obj",)

    def __init__(self, obj):
        self._obj = obj


class ILoc(_Indexer):
    __slots__ = ()

    def __getitem__(self, key):
        from ._frame import DataFrame
        from ._series import Series

        obj = self._obj
        if isinstance(obj, Series):
            sel = _positions(key, len(obj))
            if sel[0] == "one":
                return obj.tolist()[sel[1]] if F.seriesDtype(obj._h) == "object" else scalar(
                    F.seriesAt(obj._h, sel[1]), F.seriesDtype(obj._h))
            return Series._wrap(_take_rows(obj, sel))
        rows, cols = key if isinstance(key, tuple) else (key, slice(None))
        nrows, ncols = py(F.shape(obj._h))
        rsel = _positions(rows, nrows)
        csel = _positions(cols, ncols, "columns")
        if rsel[0] == "one" and csel[0] == "one":
            value, d = py(F.cell(obj._h, rsel[1], csel[1]))
            return scalar(value, d)
        if csel[0] == "one":
            s = F.frameColumn(obj._h, csel[1])
            return Series._wrap(s if rsel == ("slice", 0, nrows) else _take_rows(Series._wrap(s), rsel))
        h = F.sliceCols(obj._h, csel[1], csel[2]) if csel[0] == "slice" else F.selectCols(obj._h, js(csel[1]))
        if rsel[0] == "one":
            return Series._wrap(F.frameRow(h, rsel[1]))
        return DataFrame._wrap(h if rsel == ("slice", 0, nrows) else _take_rows(DataFrame._wrap(h), rsel))


class Loc(_Indexer):
    __slots__ = ()

    def __getitem__(self, key):
        from ._series import Series

        obj = self._obj
        if isinstance(obj, Series):
            pos = _label_positions(obj.index, key)
            return obj.iloc[pos]
        rows, cols = key if isinstance(key, tuple) else (key, slice(None))
        rpos = _label_positions(obj.index, rows)
        cpos = slice(None) if isinstance(cols, slice) and cols == slice(None) else _label_positions(obj.columns, cols)
        return obj.iloc[rpos, cpos]

    def __setitem__(self, key, value):
        obj = self._obj
        if isinstance(key, tuple) and len(key) == 2:
            rows, col = key
            if isinstance(col, str) or not hasattr(col, "__iter__"):
                values = obj[col].tolist() if col in obj.columns else [float("nan")] * len(obj)
                pos = _label_positions(obj.index, rows)
                sel = _positions(pos, len(obj))
                targets = [sel[1]] if sel[0] == "one" else (range(sel[1], sel[2]) if sel[0] == "slice" else sel[1])
                for i in targets:
                    values[i] = value
                obj[col] = values
                return
        raise NotImplementedError("DiveLab's loc assignment supports df.loc[rows, column] = value")
