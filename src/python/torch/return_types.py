"""torch.return_types: the named tuples that max/min along a dim return, printed as PyTorch prints them."""

__all__ = ["max", "min"]


def _named_pair(name):
    class _Result(tuple):
        """(values, indices), also readable as .values / .indices."""

        __slots__ = ()
        n_fields = 2
        n_sequence_fields = 2

        def __new__(cls, pair):
            return tuple.__new__(cls, pair)

        @property
        def values(self):
            return self[0]

        @property
        def indices(self):
            return self[1]

        def __repr__(self):
            return f"torch.return_types.{name}(\nvalues={self[0]!r},\nindices={self[1]!r})"

        __str__ = __repr__

    _Result.__name__ = _Result.__qualname__ = name
    _Result.__module__ = "torch.return_types"
    return _Result


max = _named_pair("max")  # noqa: A001 - PyTorch's names
min = _named_pair("min")  # noqa: A001
