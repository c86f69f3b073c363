"""What Series and DataFrame do alike, written once: both wrap a core handle `_h` whose index, selection,
missing-value mask and output work the same way in one dimension or two (pandas itself keeps these in NDFrame)."""
from ._core import F
from ._index import Index
from ._indexing import ILoc, Loc


class NDFrame:
    # No slots of its own, so Series keeps its __slots__ layout; DataFrame has no __slots__ and keeps its __dict__.
    __slots__ = ()

    # ------------------------------------------------------------------ attributes
    @property
    def index(self):
        return Index._wrap(F.index(self._h))

    @index.setter
    def index(self, labels):
        ix = labels._h if isinstance(labels, Index) else Index(list(labels))._h
        # object.__setattr__: DataFrame.__setattr__ would take it there anyway (a leading underscore), Series is slotted
        object.__setattr__(self, "_h", F.setIndex(self._h, ix))

    def to_numpy(self, dtype=None):
        v = self.values
        return v if dtype is None else v.astype(dtype)

    # ------------------------------------------------------------------ selection
    @property
    def iloc(self):
        return ILoc(self)

    @property
    def loc(self):
        return Loc(self)

    def head(self, n=5):
        return self.iloc[:n]

    def tail(self, n=5):
        return self.iloc[max(len(self) - n, 0):] if n > 0 else self.iloc[len(self):]

    # ------------------------------------------------------------------ missing values
    def isnull(self):
        return self._wrap(F.isna(self._h, False))

    isna = isnull

    def notnull(self):
        return self._wrap(F.isna(self._h, True))

    notna = notnull

    # ------------------------------------------------------------------ output
    def __str__(self):
        return repr(self)

    def __array__(self, dtype=None):
        return self.values
