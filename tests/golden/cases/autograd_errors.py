# What PyTorch says when autograd is used wrongly: each cell raises (or warns) with PyTorch 1.13's type and text.
import torch

x = torch.arange(4.0, requires_grad=True)
y = x * 2
y.backward()
# %%
y.backward(torch.ones(3))
# %%
y.backward(torch.ones(2, 2))
# %%
y.backward(torch.ones(4))
x.grad
# %%
# the saved tensors of MulBackward0 (x * x) are freed by the first backward
x.grad = None
y = x * x
y.sum().backward()
y.sum().backward()
# %%
# DotBackward0 saves both inputs too
y = torch.dot(x, x)
y.backward()
y.backward()
# %%
# an op that saves nothing can run backward twice
x.grad = None
y = (x + 1).sum()
y.backward()
y.backward()
x.grad
# %%
torch.arange(4, requires_grad=True)
# %%
torch.arange(4).requires_grad_()
# %%
torch.tensor([1, 2, 3], requires_grad=True)
# %%
torch.tensor([True, False]).requires_grad_(True)
# %%
t = torch.tensor([1, 2, 3])
t.requires_grad = True
# %%
x.add_(1)
# %%
x += 1
# %%
x[0] = 5.0
# %%
x.zero_()
# %%
# a leaf that does not require grad may be changed in place; then it records nothing
w = torch.ones(3)
w.add_(1)
w
# %%
# the saved x of exp was changed in place afterwards
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * 1
c = b.exp()
b.add_(1)
c.sum().backward()
# %%
a.grad = None
b = a * 1
c = b * b
b.mul_(2)
c.sum().backward()
# %%
# changing a tensor in place that nothing saved is fine
a.grad = None
b = a * 1
c = b + 1
b.mul_(2)
c.sum().backward()
a.grad
# %%
# the .grad of a non-leaf tensor is None, with a warning
a.grad = None
b = a * 2
b.sum().backward()
print(b.is_leaf)
b.grad
# %%
b.grad is None
# %%
y = torch.arange(3.0)
y.backward()
# %%
y.sum().backward()
# %%
x = torch.arange(3.0, requires_grad=True)
torch.autograd.grad(x.sum(), torch.ones(3, requires_grad=True))
# %%
torch.autograd.grad(x * 2, x)
# %%
torch.autograd.grad(x.sum(), torch.ones(3))
# %%
x.requires_grad = False
x
# %%
z = x * 1
z.requires_grad = False
# %%
y = torch.arange(3.0, requires_grad=True) * 2
y.requires_grad_(False)
# %%
x = torch.ones(2, requires_grad=True)
x.detach().add_(1)
x
# %%
x.grad = torch.ones(3)
# %%
x.grad = torch.ones(2, dtype=torch.int64)
