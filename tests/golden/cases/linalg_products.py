# Linear algebra beyond the course examples: matmul batching, outer, norms with p and dim, shape errors.
# %%
import torch
A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
B = torch.arange(12, dtype=torch.float32).reshape(3, 4)
v = torch.tensor([1., 2., 3.])
torch.matmul(A, B), A @ v, v @ v, torch.mm(A, B).shape
# %%
Bt = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
(A @ Bt).shape, (Bt.transpose(1, 2) @ v).shape, torch.matmul(torch.ones(5, 1, 2, 3), torch.ones(4, 3, 6)).shape
# %%
A @ A
# %%
torch.mm(A, A)
# %%
torch.mv(A, torch.ones(2))
# %%
torch.dot(v, torch.ones(2))
# %%
torch.dot(v, torch.arange(3))
# %%
torch.mm(A, B.long())
# %%
torch.outer(v, torch.tensor([1., 10.])), torch.dot(torch.arange(3), torch.arange(3))
# %%
x = torch.tensor([3.0, -4.0])
torch.norm(x), torch.norm(x, p=1), torch.norm(x, 1), x.norm(), x.norm(p=2), torch.norm(x, float('inf'))
# %%
M = torch.tensor([[1., 2.], [3., 4.]])
torch.norm(M), torch.norm(M, p='fro'), torch.norm(M, dim=0), torch.norm(M, dim=1, keepdim=True), torch.norm(M, p=1, dim=1)
# %%
torch.norm(torch.arange(4))
# %%
torch.abs(x).sum(), torch.sqrt((x ** 2).sum()), torch.ones((4, 9)).norm()
# %%
A.T @ A, (A.T @ A == (A.T @ A).T).all()
# %%
I = torch.eye(3)
(I @ v), torch.mv(I, v), torch.mm(torch.eye(2), A)
# %%
torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[5, 6], [7, 8]])
# %%
torch.arange(9.).reshape(3, 3).sum(axis=0) / torch.arange(9.).reshape(3, 3).sum(axis=1, keepdims=True)
# %%
torch.rand(2, 3).shape, torch.rand(2, 3).dtype, torch.randint(0, 10, (3,)).dtype, torch.normal(0, 1, (2, 2)).shape, torch.randn(2, 3, dtype=torch.float64).dtype
# %%
torch.manual_seed(0)
a = torch.rand(5)
torch.manual_seed(0)
b = torch.rand(5)
torch.equal(a, b), bool(((a >= 0) & (a < 1)).all())
