"""Turns what the student passes to a plot (tensors, numpy arrays, lists, scalars) into plain Python lists."""


def to_list(value):
    if value is None:
        return None
    if hasattr(value, "detach") and callable(value.detach):
        value = value.detach()
    if hasattr(value, "tolist") and callable(value.tolist):
        value = value.tolist()
    if isinstance(value, (int, float)):
        return [value]
    return [to_list(v) if isinstance(v, (list, tuple)) or hasattr(v, "tolist") else v for v in value]


def ndim(value):
    if hasattr(value, "ndim"):
        return int(value.ndim)
    if hasattr(value, "dim") and callable(value.dim):
        return int(value.dim())
    if isinstance(value, (list, tuple)):
        return 1 + (ndim(value[0]) if len(value) else 0)
    return 0


def flat(value):
    out = []
    for v in to_list(value):
        if isinstance(v, list):
            out.extend(flat(v))
        else:
            out.append(v)
    return out


def finite(values):
    import math

    return [v if isinstance(v, (int, float)) and math.isfinite(v) else None for v in values]
