# Gradients of elementwise ops, with PyTorch's choices at kinks, broadcasting summed back to each input's shape,
# and grad_fn names.
import torch

def grads(f, *values):
    xs = [torch.tensor(v, requires_grad=True) for v in values]
    out = f(*xs)
    out.sum().backward()
    print(out.grad_fn.name())
    for x in xs:
        print(x.grad)

p = [0.5, 1.0, 2.0, 4.0]
q = [-1.5, 0.0, 0.25, 3.0]
grads(lambda a, b: a + b, p, q)
grads(lambda a, b: a - b, p, q)
grads(lambda a, b: a * b, p, q)
grads(lambda a, b: a / b, q, p)
# %%
grads(lambda a: a + 2, p)
grads(lambda a: 2 + a, p)
grads(lambda a: a - 2, p)
grads(lambda a: 2 - a, p)
grads(lambda a: a * 3, p)
grads(lambda a: a / 4, p)
grads(lambda a: 1 / a, p)
grads(lambda a: -a, p)
# %%
grads(lambda a: a ** 2, q)
grads(lambda a: a ** 3, q)
grads(lambda a: a ** 0.5, p)
grads(lambda a: a ** -1, p)
grads(lambda a: a ** 0, q)
grads(lambda a: 2 ** a, q)
grads(lambda a, b: a ** b, p, q)
# %%
grads(torch.exp, q)
grads(torch.log, p)
grads(torch.sqrt, p)
grads(torch.sin, q)
grads(torch.cos, q)
grads(torch.tanh, q)
grads(torch.sigmoid, q)
# %%
# subgradients at the kinks: relu'(0) = 0, abs'(0) = 0
grads(torch.relu, q)
grads(torch.abs, q)
grads(lambda a: a.relu(), [0.0, -0.0, 1e-8])
grads(lambda a: a.abs(), [0.0, -0.0, -1e-8])
# %%
# floor, ceil and round are flat almost everywhere: zero gradient
grads(torch.floor, q)
grads(torch.ceil, q)
grads(torch.round, q)
# %%
grads(lambda a: torch.clamp(a, min=0.0, max=2.0), [-1.0, 0.0, 1.0, 2.0, 3.0])
grads(lambda a: a.clamp(min=0.0), [-1.0, 0.0, 1.0])
grads(lambda a: a.clamp(max=0.0), [-1.0, 0.0, 1.0])
grads(lambda a: torch.clamp(a, -0.5, 0.5), [-1.0, -0.5, 0.0, 0.5, 1.0])
# %%
# maximum/minimum split the gradient evenly on ties
grads(torch.maximum, [1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
grads(torch.minimum, [1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
# %%
x = torch.tensor([-1.0, 2.0, -3.0, 4.0], requires_grad=True)
y = torch.tensor([10.0, 20.0, 30.0, 40.0], requires_grad=True)
z = torch.where(x > 0, x, y)
z.sum().backward()
print(z.grad_fn.name())
print(x.grad, y.grad)
# %%
x.grad = None
z = torch.where(x > 0, x * x, torch.zeros(4))
z.sum().backward()
x.grad
# %%
# broadcasting: gradients are summed back to each input's shape
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
b = torch.tensor([10.0, 20.0, 30.0], requires_grad=True)
c = torch.tensor([[2.0], [3.0]], requires_grad=True)
s = torch.tensor(0.5, requires_grad=True)
y = (a + b) * c - s
y.sum().backward()
print(a.grad)
print(b.grad)
print(c.grad)
print(s.grad)
# %%
u = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
v = torch.tensor([[1.0, -1.0]], requires_grad=True)
w = u * v
w.backward(torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
print(u.grad)
print(v.grad)
# %%
a = torch.ones(2, 1, 3, requires_grad=True)
b = torch.arange(4.0).reshape(4, 1).requires_grad_()
y = a / (b + 1)
y.sum().backward()
print(a.grad)
print(b.grad)
# %%
# float64 stays float64
a = torch.tensor([0.1, 0.2], dtype=torch.float64, requires_grad=True)
(a.exp() * a).sum().backward()
a.grad
# %%
# integer and bool tensors take part as constants
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = a * torch.tensor([1, 2, 3]) + torch.tensor([True, False, True])
print(y)
y.sum().backward()
a.grad
# %%
# the same tensor on both sides of an op
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(a * a * a).sum().backward()
print(a.grad)
a.grad = None
(a / a).sum().backward()
a.grad
