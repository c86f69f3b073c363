# Course 1.4.1 "数据操作": creating tensors, shapes, reshape, constant and random tensors.
# %%
import torch
x = torch.arange(12)
x
# %%
x.shape
# %%
x.size()
# %%
x.numel()
# %%
X = x.reshape(3, 4)
X
# %%
x.reshape(-1, 4)
# %%
x.reshape(3, -1)
# %%
torch.zeros((2, 3, 4))
# %%
torch.ones((2, 3, 4))
# %%
# Random values come from DiveLab's own generator: only the shape and dtype are compared.
R = torch.randn(3, 4)
R.shape, R.dtype
# %%
# The notes forgot the outer brackets; this is the intended call.
torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
# %%
torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]).shape
