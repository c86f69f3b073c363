# More of the NumPy bridge: asarray, iteration, scalars, astype, object arrays, and torch print options.
# %%
import numpy as np
import torch
a = np.asarray([[1.5, 2.0], [3.0, 4.25]])
a.T, a.size, a.ndim, a.astype(np.float32), a.astype('int64'), a.reshape(4), a.reshape(1, 4).shape, np.reshape(a, (4,))
# %%
[x for x in np.arange(3)], a[0], a[1, 1], type(a[1, 1]), a[0, 0] + 1, a.item() if a.size == 1 else a.tolist()
# %%
f = np.array([0.1, 0.2], dtype=np.float32)
f, f[0], f.dtype, f.dtype == 'float32', f.dtype == np.float64, str(f.dtype), repr(f.dtype)
# %%
o = np.array([[1.0, 'Pave'], [2.0, float('nan')]], dtype=object)
o, o.dtype, o.shape
# %%
torch.tensor(o)
# %%
np.array(torch.tensor([1.0, 2.0])), np.array([1, 2], dtype=np.float64), np.array([[1, 2], [3, 4]], dtype='float32')
# %%
np.array([[1, 2], [3]])
# %%
big = np.arange(2000)
big, np.arange(30) * 1.0 if False else np.arange(30).astype('float64')
# %%
t = torch.arange(6).reshape(2, 3)
n = t.numpy()
n[0, 0] = 50
t, n.T.shape
# %%
torch.tensor([1.0, 2.0], requires_grad=True).numpy()
# %%
torch.set_printoptions(precision=2)
torch.tensor([1.23456, 2.5])
# %%
torch.set_printoptions(precision=4)
torch.set_printoptions(sci_mode=True)
torch.tensor([1.5, 2.0])
# %%
torch.set_printoptions(sci_mode=None, threshold=5, edgeitems=2)
torch.arange(10)
# %%
torch.set_printoptions(profile='default')
torch.arange(10)
# %%
# NumPy scalars keep their dtype when they become tensors.
torch.tensor(np.float64(1.5)), torch.tensor(np.float32(1.5)), torch.tensor(np.int32(3)), torch.tensor(np.array([1.5, 2.0])[0])
