# Course 1.5.2 "线性代数实现": scalars, vectors, matrices, reductions, products, norms, broadcasting.
# %%
import torch
x = torch.tensor([3.0])
y = torch.tensor([2.0])
print(x + y)
print(x * y)
print(x / y)
print(x ** y)
# %%
x = torch.arange(4)
print(x)
print(x[3])
print(len(x))
print(x.shape)
# %%
A = torch.arange(6)
B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
C = torch.tensor([[[1, 2, 3],
                   [4, 5, 6],
                   [7, 8, 9]],
                  [[0, 0, 0],
                   [1, 1, 1],
                   [2, 2, 2]]])
D = torch.arange(20, dtype=torch.float32)
A, B, C, D
# %%
B == B.T
# %%
A = torch.arange(6)
A = A.reshape(3, 2)
print(A)
A = A.T
print(A)
# %%
A = torch.arange(20, dtype=torch.float32)
A = A.reshape(5, 4)
B = A.clone()
print(B)
# %%
A * B
# %%
A = torch.tensor([[[1, 2, 3],
                   [4, 5, 6],
                   [7, 8, 9]],
                  [[0, 0, 0],
                   [1, 1, 1],
                   [2, 2, 2]]])
print(A.shape)
print(A.sum())
print(A.sum(axis=0))
print(A.sum(axis=0, keepdims=True))
print(A.sum(axis=1))
print(A.sum(axis=1, keepdims=True))
print(A.sum(axis=2))
print(A.sum(axis=2, keepdims=True))
print(A.sum(axis=[0, 1]))
print(A.sum(axis=[0, 1], keepdims=True))
# %%
A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
A, A.cumsum(axis=1)
# %%
A = torch.tensor([[0., 0., 0.], [1., 1., 1.]])
print(A.numel())
print(A.sum())
print(A.mean())
print(A.shape[0])
print(A.sum(axis=0))
print(A.mean(axis=0))
# %%
A.mean(axis=0) == A.sum(axis=0) / A.shape[0]
# %%
x = torch.tensor([0., 1., 2., 3.])
y = torch.tensor([1., 1., 1., 1.])
print(torch.dot(x, y))
print(torch.sum(x * y))
# %%
A = torch.tensor([[0, 1, 2],
                  [3, 4, 5]])
B = torch.tensor([[2, 2],
                  [1, 1],
                  [0, 0]])
x = torch.tensor([3, 3, 3])
# The notes call torch.mm(A, x) a matrix-vector product: mm only takes matrices.
print(torch.mm(A, x))
# %%
print(torch.mv(A, x))
# %%
print(torch.mm(A, B))
# %%
A @ B, A @ x
# %%
x = torch.tensor([3.0, -4.0])
print(torch.abs(x).sum())
print(torch.norm(x))
A = torch.ones((4, 9))
print(torch.norm(A))
# %%
A = torch.arange(20, dtype=torch.float32)
A = A.reshape(5, 4)
B = A.clone()
print(B)
print(A == B)
print(A + B)
print(A * B)
# %%
A = torch.tensor([[1., 2., 3.],
                  [4., 5., 6.]])
B = A.sum(axis=1, keepdims=True)
print(B)
print(A / B)
print(A + B)
print(A * B)
