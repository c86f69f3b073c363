"""torch.Size: the tuple of a tensor's dimensions, printed as `torch.Size([2, 3])`."""


class Size(tuple):
    """A tuple subclass, so indexing, unpacking, len and comparisons with tuples work as in PyTorch."""

    __slots__ = ()
    __module__ = "torch"

    def __repr__(self):
        return f"torch.Size([{', '.join(str(d) for d in self)}])"

    __str__ = __repr__

    def __getitem__(self, key):
        item = tuple.__getitem__(self, key)
        return Size(item) if isinstance(key, slice) else item

    def __add__(self, other):
        return Size(tuple.__add__(self, other))

    def __mul__(self, n):
        return Size(tuple.__mul__(self, n))

    __rmul__ = __mul__

    def numel(self):
        """The number of elements a tensor of this shape holds."""
        n = 1
        for d in self:
            n *= d
        return n
