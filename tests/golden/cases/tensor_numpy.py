# NumPy conversion: shared memory, dtypes, reprs, and the tensors the preprocessing section makes.
# %%
import numpy as np
import torch
X = torch.arange(6, dtype=torch.float32).reshape(2, 3)
A = X.numpy()
type(A), A.shape, A.dtype, A
# %%
X[0, 0] = 100
A
# %%
A[1, 2] = -5
X
# %%
X += 1
A
# %%
B = torch.tensor(A)
B[0, 0] = 0
A[0, 0], B.dtype
# %%
F = torch.from_numpy(A)
F[0, 1] = 42
A[0, 1], F.dtype
# %%
torch.arange(4).numpy(), torch.tensor([1.5, 2.5], dtype=torch.float64).numpy(), torch.tensor([True, False]).numpy()
# %%
torch.tensor([1, 2], dtype=torch.int32).numpy(), torch.tensor([1, 2], dtype=torch.uint8).numpy()
# %%
np.arange(5), np.arange(5).dtype, np.arange(0.0, 1.0, 0.25), np.arange(2, 8, 2)
# %%
a = np.array([[3., 1., 0.], [2., 0., 1.], [4., 0., 1.], [3., 0., 1.]])
y = np.array([127500, 106000, 178100, 140000])
torch.tensor(a), torch.tensor(y)
# %%
torch.tensor(a).dtype, torch.tensor(y).dtype, torch.from_numpy(a).dtype
# %%
np.array([1, 2, 3]), np.array([1.5, 2]), np.array([True, False]), np.array([[1, 2], [3, 4]]).shape
# %%
np.array([0.1, 1000.0]), np.array([1e-5, 1.0]), np.array([1e10, 1.0]), np.array([1.0, 2.0])
# %%
np.array([]), np.array([[1.5, -2.25], [10.0, 3.0]]), np.array(3.5), np.array(7)
# %%
print(np.array([[1, 2], [3, 4]]))
print(np.array([1.5, 2.0]))
# %%
type(np.arange(3)), np.arange(3).ndim, np.arange(6).reshape(2, 3).shape, len(np.arange(4))
# %%
torch.tensor(np.arange(3)) + 1, torch.tensor(np.array([1.0, 2.0])) * 2
# %%
torch.from_numpy(np.arange(4.0)).sum(), np.arange(6).reshape(2, 3).tolist()
# %%
X.numpy().dtype, str(X.numpy().dtype), X.numpy().dtype == np.float32
