# Section 1.7.3 of the course, cell by cell: the gradient of y = x.T x, accumulation, Hadamard product, detach,
# and a function with Python control flow (fixed inputs instead of torch.randn, so the output is reproducible).
import torch

x = torch.arange(4.0)
x
# %%
x.requires_grad_(True)
# %%
x.grad
# %%
print(x.grad)
# %%
y = torch.dot(x, x)
y
# %%
y.backward()
x.grad
# %%
x.grad == 2 * x
# %%
x.grad.zero_()
y = x.sum()
y.backward()
x.grad
# %%
# without zero_() the gradients add up
y = x.sum()
y.backward()
x.grad
# %%
x.grad.zero_()
y = x * x
y.sum().backward()
x.grad
# %%
x.grad.zero_()
y = x * x
y.backward(torch.ones(len(x)))
x.grad
# %%
x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
x.grad == u
# %%
u
# %%
x.grad.zero_()
y.sum().backward()
x.grad == 2 * x
# %%
x = torch.arange(4.0, requires_grad=True)
x
# %%
def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c

a = torch.tensor(0.5, requires_grad=True)
d = f(a)
d.backward()
a.grad == d / a
# %%
d
# %%
a.grad
# %%
a = torch.tensor(-1.25, requires_grad=True)
d = f(a)
d.backward()
print(d, a.grad)
a.grad == d / a
# %%
a = torch.tensor([0.1, -0.2, 0.3], requires_grad=True)
d = f(a)
d.sum().backward()
print(d)
print(a.grad)
a.grad == d / a
# %%
x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
y
# %%
y.backward()
x.grad
# %%
x.grad == 4 * x
