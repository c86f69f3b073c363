"""pandas.Index (and what RangeIndex/Int64Index print as): immutable labels over a core Index handle."""
from ._core import F, js, py, np_dtype, scalar, infer_dtype


class Index:
    __slots__ = ("_h",)

    def __init__(self, data=None, dtype=None, name=None):
        values = list(data) if data is not None else []
        self._h = F.makeIndex(js(values), dtype or infer_dtype(values), name)

    @classmethod
    def _wrap(cls, h):
        self = object.__new__(RangeIndex if F.indexIsRange(h) is not None else cls)
        self._h = h
        return self

    @property
    def dtype(self):
        return np_dtype(F.indexDtype(self._h))

    @property
    def name(self):
        return F.indexName(self._h)

    @name.setter
    def name(self, value):
        self._h = F.indexWithName(self._h, value)

    def tolist(self):
        d = F.indexDtype(self._h)
        return [scalar(v, d) for v in py(F.indexLabels(self._h))]

    to_list = tolist

    @property
    def values(self):
        from ._core import to_numpy

        labels = self.tolist()
        return to_numpy(labels, F.indexDtype(self._h), [len(labels)])

    def to_numpy(self):
        return self.values

    def __len__(self):
        return len(py(F.indexLabels(self._h)))

    def __iter__(self):
        return iter(self.tolist())

    def __contains__(self, label):
        return F.indexPositions(self._h, label) is not None

    def __getitem__(self, key):
        labels = self.tolist()
        if isinstance(key, int):
            return labels[key]
        picked = labels[key] if isinstance(key, slice) else [labels[i] for i in key]
        return Index(picked, dtype=F.indexDtype(self._h), name=self.name)

    def get_loc(self, label):
        pos = F.indexPositions(self._h, label)
        if pos is None:
            raise KeyError(label)
        pos = py(pos)
        return pos[0]

    def __eq__(self, other):
        return [a == b for a, b in zip(self.tolist(), list(other))]

    def equals(self, other):
        return isinstance(other, Index) and self.tolist() == other.tolist()

    @property
    def shape(self):
        return (len(self),)

    @property
    def size(self):
        return len(self)

    def __repr__(self):
        return F.indexRepr(self._h)

    def __str__(self):
        return repr(self)


class RangeIndex(Index):
    """What a default index is; slices stay RangeIndex, other selections become Int64Index."""

    __slots__ = ()

    def __init__(self, start=0, stop=None, step=1, name=None):
        if stop is None:
            start, stop = 0, start
        n = max(0, (stop - start + step - (1 if step > 0 else -1)) // step)
        self._h = F.rangeIndex(n, start, step, name)

    @property
    def start(self):
        return F.indexIsRange(self._h).to_py()[0]

    @property
    def stop(self):
        return F.indexIsRange(self._h).to_py()[1]

    @property
    def step(self):
        return F.indexIsRange(self._h).to_py()[2]
