# Indexing: advanced forms, assignment with broadcasting, and PyTorch's errors for bad indices.
# %%
import torch
X = torch.arange(12).reshape(3, 4)
X[..., 1], X[None].shape, X[:, None].shape, X[1, ..., None].shape, X[-1, -1]
# %%
X[[0, 2]], X[[0, 2], [1, 3]], X[torch.tensor([1, 1])], X[X > 5]
# %%
X[:, [True, False, True, False]], X[1:, 1::2]
# %%
X[1::-1]
# %%
X[::-1]
# %%
X[3]
# %%
X[0, 4]
# %%
X[-4]
# %%
X[0, 0, 0]
# %%
X[[5]]
# %%
X['a']
# %%
X[1.5]
# %%
X[10:], X[:, 10:], X[-100:1]
# %%
Y = torch.zeros(3, 4)
Y[0] = torch.tensor([1, 2, 3, 4])
Y[1:, ::2] = 7
Y[:, 3] = torch.tensor([9., 8., 7.])
Y
# %%
Y[Y > 5] = -1
Y
# %%
Y[0] = torch.tensor([1, 2, 3])
# %%
Y[5] = 1
# %%
z = torch.arange(5)
z[1] = 2.7
z[2:4] = torch.tensor([-1.9, 8.2])
z
# %%
z[0].item(), z[0].shape, z[0].dim(), len(z), list(z)
# %%
len(torch.tensor(3))
# %%
for row in torch.arange(6).reshape(3, 2):
    print(row)
# %%
float(torch.tensor([1, 2]))
# %%
bool(torch.tensor([0])), bool(torch.tensor(2.5)), int(torch.tensor(-3.9)), float(torch.tensor(2))
# %%
bool(torch.tensor([1, 1]))
# %%
torch.tensor([1, 2]).item()
# %%
torch.tensor([[1, 2], [3, 4]]).tolist(), torch.tensor(2.5).tolist(), torch.tensor([1.5, 2]).tolist()
# %%
# A short list that holds a list, slice, tensor, None or ... is a tuple index (PyTorch's legacy NumPy rule).
X = torch.arange(24).reshape(2, 3, 4)
X[[[0], [1]]], X[[0, [1]]], X[[0, 1]].shape, X[[0, slice(None), 1]]
# %%
X[[[0], [1]]] = -1
X
# %%
X.argmax((0, 1))
# %%
X.unsqueeze((0,))
# %%
X.flatten(0.5)
