# Reductions: whole tensor, one dim, several dims, keepdim and the NumPy-style aliases, dtypes and errors.
# %%
import torch
A = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
A.sum(), A.sum(0).shape, A.sum(dim=(0, 2)), A.sum(dim=[1, 2], keepdim=True), A.sum(axis=(0, 1))
# %%
A.mean(dim=(0, 2)), A.mean(-1), A.mean(axis=1, keepdims=True).shape
# %%
A.sum(dim=-1), A.sum(dim=(-1, -2))
# %%
A.sum(dim=3)
# %%
A.sum(dim=(0, 0))
# %%
torch.arange(5).mean()
# %%
torch.arange(5).sum().dtype, torch.tensor([True, True, False]).sum(), torch.tensor([1, 2], dtype=torch.int32).sum().dtype
# %%
B = torch.tensor([[3., 7., 2.], [9., 1., 9.]])
B.max(), B.min(), B.argmax(), B.argmin(), B.max(dim=1), B.min(0)
# %%
values, indices = B.max(dim=1, keepdim=True)
values, indices
# %%
B.argmax(dim=0), B.argmax(1, keepdim=True), torch.max(B, 1).values, torch.max(B, dim=0)[1]
# %%
B.prod(), B.prod(1), torch.arange(1, 6).prod(), B.std(), B.var(), B.std(dim=1), B.var(0, keepdim=True)
# %%
B.cumsum(0), B.cumsum(dim=1), torch.arange(1, 6).cumprod(0), torch.arange(4).cumsum(0)
# %%
torch.tensor([True, False]).all(), torch.tensor([True, False]).any(), torch.tensor([[1, 0], [1, 1]]).all(dim=1)
# %%
torch.zeros(0).sum(), torch.zeros(0).mean(), torch.zeros(2, 0).sum(1)
# %%
torch.zeros(0).max()
# %%
torch.sum(A, 1).shape, torch.mean(A, dim=0).shape, torch.sum(A, (0, 1), keepdim=True).shape
# %%
A.sum(axis=1, keepdims=True).shape, A.mean(axis=[0, 2], keepdims=True).shape
# %%
torch.maximum(torch.tensor([1, 5]), torch.tensor([3, 2])), torch.minimum(torch.tensor([1., 5.]), torch.tensor([3., 2.]))
# %%
torch.tensor(5.).sum(), torch.tensor(5.).sum(0), torch.tensor(5.).max()
