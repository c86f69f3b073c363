# Section 1.7.1: the two chain-rule examples, autograd against the closed forms worked out by hand.
import torch

# z = (<x, w> - y)^2, dz/dw = 2 (<x, w> - y) x^T
x = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = torch.tensor(1.5)
a = torch.dot(x, w)
b = a - y
z = b ** 2
print(a)
print(b)
z
# %%
z.backward()
w.grad
# %%
closed = 2 * (torch.dot(x, w) - y) * x
closed
# %%
torch.allclose(w.grad, closed)
# %%
w.grad == closed.detach()
# %%
# z = ||Xw - y||^2, dz/dw = 2 (Xw - y)^T X
X = torch.tensor([[1.0, 2.0, 0.0], [0.0, -1.0, 1.0], [3.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
w = torch.tensor([1.0, 0.5, -2.0], requires_grad=True)
y = torch.tensor([1.0, 2.0, 3.0, 4.0])
a = torch.mv(X, w)
b = a - y
z = torch.norm(b) ** 2
print(a)
print(b)
z
# %%
z.backward()
w.grad
# %%
closed = 2 * torch.mv(X.T, (torch.mv(X, w) - y).detach())
closed
# %%
torch.allclose(w.grad, closed)
# %%
# the same loss written with matmul and a sum of squares
w.grad.zero_()
z = ((X @ w - y) ** 2).sum()
z.backward()
print(z)
w.grad
# %%
# gradient with respect to X as well: dz/dX = 2 (Xw - y) w^T
X.requires_grad_(True)
w.grad = None
z = ((X @ w - y) ** 2).sum()
z.backward()
X.grad
# %%
torch.allclose(X.grad, 2 * torch.outer(torch.mv(X, w) - y, w).detach())
# %%
z.grad_fn.name()
# %%
[(type(f).__name__, i) for f, i in z.grad_fn.next_functions]
# %%
[(type(f).__name__, i) for f, i in z.grad_fn.next_functions[0][0].next_functions]
