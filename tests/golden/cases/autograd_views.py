# Gradients through views (reshape, transpose, permute, expand, squeeze, slicing, indexing), through cat/stack,
# and through assignment into a slice; grad_fn names of each.
import torch

def grads(f, upstream=None, shape=(2, 3)):
    x = torch.arange(1.0, 1.0 + torch.Size(shape).numel()).reshape(shape).requires_grad_()
    out = f(x)
    g = upstream if upstream is not None else torch.arange(1.0, 1.0 + out.numel()).reshape(out.shape)
    out.backward(g)
    print(out.grad_fn.name(), tuple(out.shape))
    print(x.grad)

grads(lambda x: x.reshape(3, 2))
grads(lambda x: x.reshape(-1))
grads(lambda x: x.view(6))
grads(lambda x: x.flatten())
grads(lambda x: x.T)
grads(lambda x: x.t())
grads(lambda x: x.transpose(0, 1))
grads(lambda x: x.permute(1, 0))
# %%
grads(lambda x: x.unsqueeze(0))
grads(lambda x: x.unsqueeze(-1))
grads(lambda x: x[None])
grads(lambda x: x[:, None])
grads(lambda x: x.squeeze(), shape=(1, 3, 1))
grads(lambda x: x.squeeze(0), shape=(1, 3, 1))
grads(lambda x: x.expand(4, 2, 3))
grads(lambda x: x[:, :1].expand(2, 3))
# %%
grads(lambda x: x[0])
grads(lambda x: x[-1])
grads(lambda x: x[1, 2])
grads(lambda x: x[:, 1])
grads(lambda x: x[0:1])
grads(lambda x: x[:, 1:])
grads(lambda x: x[:, ::2])
grads(lambda x: x[..., 0])
grads(lambda x: x[1:, ::2], shape=(3, 4))
# %%
grads(lambda x: x[[0, 0, 1]])
grads(lambda x: x[:, [2, 0]])
grads(lambda x: x[x > 2])
grads(lambda x: x[torch.tensor([1, 1])])
# %%
grads(lambda x: x.narrow(1, 1, 2))
grads(lambda x: x.T.reshape(6))
grads(lambda x: x.T.contiguous())
grads(lambda x: x.clone())
# %%
# views of views, then arithmetic
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
y = x[1:].T[::2] * 2
print(y)
y.sum().backward()
x.grad
# %%
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0, 5.0], requires_grad=True)
c = torch.cat([a, b])
print(c.grad_fn.name())
c.backward(torch.arange(5.0))
print(a.grad, b.grad)
# %%
A = torch.ones(2, 2, requires_grad=True)
B = torch.ones(2, 1, requires_grad=True)
C = torch.cat((A, B), dim=1)
C.backward(torch.arange(6.0).reshape(2, 3))
print(A.grad)
print(B.grad)
# %%
A.grad = None
C = torch.cat((A, A * 2), dim=0)
C.backward(torch.arange(8.0).reshape(4, 2))
A.grad
# %%
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
s = torch.stack([a, b])
print(s.grad_fn.name())
s.backward(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(a.grad, b.grad)
# %%
a.grad = None
b.grad = None
s = torch.stack((a, b), dim=1)
s.backward(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(a.grad, b.grad)
# %%
# assignment into a slice of a non-leaf
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = x * 1
y[1:3] = 0.0
print(y, y.grad_fn.name())
y.backward(torch.tensor([1.0, 2.0, 3.0, 4.0]))
x.grad
# %%
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
v = torch.tensor([10.0, 20.0], requires_grad=True)
y = x.clone()
y[::2] = v * v
print(y)
y.backward(torch.tensor([1.0, 2.0, 3.0, 4.0]))
print(x.grad)
print(v.grad)
# %%
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
y = x * 2
y[0] = torch.tensor([7.0, 8.0, 9.0])
y[:, 2] += x[:, 0]
print(y)
y.sum().backward()
x.grad
# %%
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
y = x.clone()
y[y < 0] = 0.0
y.sum().backward()
x.grad
# %%
# a view of a leaf: gradient flows back to the leaf through the view
x = torch.arange(4.0, requires_grad=True)
v = x.view(2, 2)
print(v.is_leaf, v.grad_fn.name())
(v * v).sum().backward()
x.grad
