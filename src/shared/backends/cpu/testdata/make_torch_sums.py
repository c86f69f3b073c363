"""Records PyTorch 1.13's single-thread float sums and cumsums of long deterministic rows for ordered.test.ts.

Run with Debian's PyTorch: /usr/bin/python3 src/shared/backends/cpu/testdata/make_torch_sums.py
One thread, because above PyTorch's grain (32768 elements) a multi-threaded sum adds in an order that depends
on the thread count; DiveLab keeps the single-thread order. The data is exact in both languages: the row
((i * 7919) % 2003) / 1001.5 - 1, optionally scaled by 2^((i * 31) % 41 - 20), is computed in double and rounded
once to the dtype.
"""
import json
import os

import numpy as np
import torch

torch.set_num_threads(1)
rows = []
for n in [1000, 32768, 100003, 1000003, 10000000]:
    i = np.arange(n, dtype=np.float64)
    base = np.mod(i * 7919, 2003) / 1001.5 - 1
    for data in ['base', 'wide']:
        arr = base if data == 'base' else base * np.exp2(np.mod(i * 31, 41) - 20)
        for dtype in ['float32', 'float64']:
            t = torch.from_numpy(arr.astype(dtype))
            c = t.cumsum(0)
            rows.append({'data': data, 'dtype': dtype, 'n': n, 'sum': t.sum().item(),
                         'cumsumMid': c[n // 2].item(), 'cumsumLast': c[n - 1].item()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'torch_sums.json'), 'w') as f:
    json.dump({'torch': torch.__version__, 'rows': rows}, f, indent=1)
    f.write('\n')
