# Course 1.4.2: indexing and slicing, writing elements, saving memory, NumPy conversion, scalars.
# %%
import torch
X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
X[-1], X[1:3]
# %%
# The notes' `X[:,2, ::3]` is a typo for rows with step 2, columns with step 3.
X[::2, ::3]
# %%
X[1, 2] = 9
X
# %%
X[0:2, :] = 12
X
# %%
# The element, row, column and sub-region pictures of the notes.
X = torch.arange(1, 17).reshape(4, 4)
X[1, 2], X[1, :], X[:, 1], X[1:3, 1:], X[::3, ::2]
# %%
X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Z = torch.zeros_like(Y)
before = id(Z)
Z[:] = X + Y
id(Z) == before
# %%
before = id(X)
X += Y
id(X) == before
# %%
before = id(Y)
Y = Y + X
id(Y) == before
# %%
A = X.numpy()
B = torch.tensor(A)
type(A), type(B)
# %%
a = torch.tensor([3.5])
a, a.item(), float(a), int(a)
