# Grad mode, detach, leaves and non-leaves, retain_grad, retain_graph, create_graph and torch.autograd.grad.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print(x.is_leaf, y.is_leaf, x.requires_grad, y.requires_grad)
print(x.grad_fn, y.grad_fn.name())
# %%
with torch.no_grad():
    z = x * 2
print(z.requires_grad, z.grad_fn, z.is_leaf)
z
# %%
torch.is_grad_enabled()
# %%
with torch.no_grad():
    print(torch.is_grad_enabled())
    with torch.enable_grad():
        print(torch.is_grad_enabled())
        w = x * 3
    print(torch.is_grad_enabled())
w
# %%
@torch.no_grad()
def doubled(t):
    return t * 2

doubled(x)
# %%
@torch.no_grad
def tripled(t):
    return t * 3

tripled(x)
# %%
torch.set_grad_enabled(False)
print(torch.is_grad_enabled())
v = x * 2
torch.set_grad_enabled(True)
print(torch.is_grad_enabled())
v
# %%
with torch.set_grad_enabled(False):
    v = x + 1
print(torch.is_grad_enabled())
v
# %%
with torch.set_grad_enabled(True):
    v = x + 1
v
# %%
# an exception inside no_grad still restores grad mode
try:
    with torch.no_grad():
        raise ValueError("boom")
except ValueError as e:
    print(e)
torch.is_grad_enabled()
# %%
# in-place on a leaf is allowed under no_grad (how parameters are updated)
with torch.no_grad():
    x -= 0.5 * torch.ones(3)
x
# %%
print(x.is_leaf, x.grad_fn)
# %%
d = (x * 2).detach()
print(d.requires_grad, d.is_leaf, d.grad_fn)
d
# %%
# detach shares storage with the original
y = x * 2
d = y.detach()
d[0] = 100.0
y
# %%
y = x * 2
y.detach_()
print(y.requires_grad, y.is_leaf, y.grad_fn)
y
# %%
# retain_grad keeps .grad on a non-leaf
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
y.retain_grad()
z = (y * 3).sum()
z.backward()
print(y.grad)
print(x.grad)
print(y.retains_grad, x.retains_grad)
# %%
# retain_graph lets backward run twice; gradients accumulate
x.grad = None
y = x * x
s = y.sum()
s.backward(retain_graph=True)
print(x.grad)
s.backward()
x.grad
# %%
# create_graph: the gradient is itself differentiable
x = torch.tensor(3.0, requires_grad=True)
y = x ** 3
y.backward(create_graph=True)
g = x.grad
g
# %%
x.grad = None
g.backward()
x.grad
# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 3).sum()
(g,) = torch.autograd.grad(y, x, create_graph=True)
g
# %%
(h,) = torch.autograd.grad(g.sum(), x)
h
# %%
print(x.grad)
# %%
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(5.0, requires_grad=True)
out = a * b + a ** 2
torch.autograd.grad(out, [a, b])
# %%
out = a * b
torch.autograd.grad(out, (a, b), retain_graph=True)
# %%
torch.autograd.grad(out, b, grad_outputs=torch.tensor(10.0))
# %%
c = torch.tensor(1.0, requires_grad=True)
torch.autograd.grad(a * 2, [a, c], allow_unused=True)
# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
torch.autograd.backward(y, torch.tensor([1.0, 0.5]))
x.grad
# %%
torch.autograd.backward([(x * 3).sum(), (x * x).sum()])
x.grad
# %%
x = torch.tensor([1.0, -2.0], requires_grad=True)
y = x.clone()
print(y.grad_fn.name(), y.is_leaf)
(y * y).sum().backward()
x.grad
# %%
# gradient flows into a tensor built from a tensor that requires grad
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.sum() * x
y.backward(torch.ones(2))
x.grad
# %%
# leaves created by factory functions with requires_grad
w = torch.ones(2, 3, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
r = torch.randn(3, requires_grad=True)
print(w.is_leaf, b.is_leaf, r.is_leaf, r.requires_grad)
z = torch.full((2,), 0.5, requires_grad=True)
z
# %%
torch.zeros(2, dtype=torch.float64, requires_grad=True)
# %%
x = torch.arange(4.0, requires_grad=True)
x.requires_grad_(False)
x
# %%
x.requires_grad = True
x.data
# %%
x.data.add_(1)
x
# %%
print(x.grad_fn, x.data.requires_grad)
