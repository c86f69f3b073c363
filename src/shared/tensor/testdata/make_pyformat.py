"""Writes pyformat.json: Python's own formatting of awkward doubles (ties, float32 values, extremes), for
pyformat.test.ts. Run: python3 src/shared/tensor/testdata/make_pyformat.py (any Python 3)."""
import json
import os
import random
import struct

rng = random.Random(7)


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


values = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 1e21, 1.5e22, 123456789012345678.0, 5e-324, 1e-7, 0.00005, 0.00015,
          9.99995, 99999.5, 1.03125, -1.03125, 2 ** 53, 0.1, 1 / 3]
values += [rng.randint(-100000, 100000) / 2 ** rng.randint(1, 12) for _ in range(400)]  # many exact ties
values += [f32(rng.gauss(0, 10 ** rng.randint(-6, 9))) for _ in range(400)]
values += [rng.uniform(-1, 1) * 10 ** rng.randint(-12, 20) for _ in range(200)]
values = [float(v) for v in values]
rows = [[v, format(v, ".4f"), format(v, ".4e"), format(v, ".0f"), format(v, ".2e"), repr(v)] for v in values]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pyformat.json")
with open(path, "w") as f:
    json.dump(rows, f)
print(f"wrote {len(rows)} rows to {path}")
