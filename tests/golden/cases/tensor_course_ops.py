# Course 1.4.2 "简单运算": elementwise operators, exp, cat, comparison, sum, broadcasting.
# %%
import torch
x = torch.tensor([1.0, 2, 4, 8])
y = torch.tensor([2, 2, 2, 2])
x + y, x - y, x * y, x / y, x ** y
# %%
torch.exp(x)
# %%
X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
# The notes pass X, Y without a tuple; torch.cat takes a sequence.
torch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1)
# %%
X3 = torch.arange(12, dtype=torch.float32).reshape((3, 2, 2))
Y3 = torch.tensor([[[2.0, 1], [4, 3]], [[1, 2], [3, 4]], [[4, 3], [2, 1]]])
torch.cat((X3, Y3), dim=0), torch.cat((X3, Y3), dim=1), torch.cat((X3, Y3), dim=2)
# %%
X == Y
# %%
X.sum()
# %%
a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
a, b, a + b
# %%
# Deliberate error in the notes: the reduced axis is gone, so the shapes do not broadcast.
C = torch.arange(24, dtype=torch.float32).reshape((2, 3, 4))
C / C.sum(axis=1)
# %%
C.sum(axis=1).shape, C.sum(axis=1, keepdims=True).shape
# %%
C / C.sum(axis=1, keepdims=True)
