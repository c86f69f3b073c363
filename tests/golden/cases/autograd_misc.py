# Smaller corners: ops without a derivative, writing grad-requiring values into a plain tensor, mixed dtypes,
# torch.autograd.grad with lists, and set_grad_enabled used as a decorator (which leaves the mode set, as 1.13 does).
import torch

x = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
y = x // 1
print(y, y.grad_fn.name())
y.sum().backward()
# %%
y = x % 2
print(y.grad_fn.name())
y.sum().backward()
x.grad
# %%
x.grad = None
w = torch.zeros(4)
w[1:] = x * 2
print(w, w.is_leaf, w.requires_grad)
w.sum().backward()
x.grad
# %%
x.grad = None
d = torch.tensor([0.5, 0.25, 2.0], dtype=torch.float64)
z = (x * d).sum()
print(z)
z.backward()
print(x.grad, x.grad.dtype)
# %%
a = torch.tensor(3.0, requires_grad=True)
b = torch.tensor(4.0, requires_grad=True)
torch.autograd.grad([a * b, a + b], [a, b])
# %%
torch.autograd.grad([a * b, a + b], [a, b], grad_outputs=[torch.tensor(2.0), None])
# %%
x.grad = None
y = (x * x).sum()
y.backward(torch.tensor(2.0))
x.grad
# %%
x.grad = None
q = x.detach().clone().requires_grad_(True)
r = (q ** 2).mean()
r.backward()
print(q.grad, x.grad)
# %%
@torch.set_grad_enabled(False)
def doubled(t):
    return t * 2

print(torch.is_grad_enabled())
doubled(x)
# %%
torch.set_grad_enabled(True)
torch.is_grad_enabled()
