# Gradients of dot, mv, mm, matmul (incl. batched and broadcast forms) and outer, with their grad_fn names.
import torch

A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
B = torch.tensor([[1.0, -1.0], [0.5, 2.0], [-2.0, 1.0]], requires_grad=True)
v = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
u = torch.tensor([3.0, 1.0, -1.0], requires_grad=True)

d = torch.dot(u, v)
print(d)
d.backward()
print(u.grad, v.grad)
# %%
u.grad = None
v.grad = None
d = u @ v
print(d.grad_fn.name())
d.backward()
print(u.grad, v.grad)
# %%
y = torch.mv(A, v)
print(y)
y.backward(torch.tensor([1.0, 2.0]))
print(A.grad)
print(v.grad)
# %%
A.grad = None
v.grad = None
y = A @ v
print(y.grad_fn.name())
y.sum().backward()
print(A.grad)
print(v.grad)
# %%
A.grad = None
C = torch.mm(A, B)
print(C)
C.backward(torch.tensor([[1.0, 0.0], [0.0, 1.0]]))
print(A.grad)
print(B.grad)
# %%
A.grad = None
B.grad = None
C = torch.matmul(A, B)
print(C.grad_fn.name())
C.sum().backward()
print(A.grad)
print(B.grad)
# %%
A.grad = None
G = A @ A.T
print(G)
G.sum().backward()
A.grad
# %%
# vector @ matrix
A.grad = None
w = torch.tensor([1.0, -1.0], requires_grad=True)
y = w @ A
print(y, y.grad_fn.name())
y.backward(torch.tensor([1.0, 2.0, 3.0]))
print(w.grad)
print(A.grad)
# %%
# batched matmul and broadcasting over the batch
X = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
W = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], requires_grad=True)
Y = X @ W
print(Y)
print(Y.grad_fn.name())
Y.sum().backward()
print(X.grad)
print(W.grad)
# %%
X.grad = None
W2 = torch.ones(2, 3, 2, requires_grad=True)
Y = torch.matmul(X, W2)
Y.sum().backward()
print(X.grad)
print(W2.grad)
# %%
X.grad = None
Y = torch.matmul(X, v)
print(Y.shape)
Y.sum().backward()
X.grad
# %%
o = torch.outer(u, torch.tensor([1.0, 2.0], requires_grad=True))
print(o.grad_fn.name())
u.grad = None
o.sum().backward()
u.grad
# %%
# a linear layer by hand: y = X w + b, squared loss, gradients of w and b
X = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
yt = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([0.1, -0.2], requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
loss = ((X @ w + b - yt) ** 2).mean()
print(loss)
loss.backward()
print(w.grad, b.grad)
# %%
# one step of gradient descent, as d2l does it
with torch.no_grad():
    w -= 0.1 * w.grad
    b -= 0.1 * b.grad
    w.grad.zero_()
    b.grad.zero_()
print(w, b)
loss = ((X @ w + b - yt) ** 2).mean()
loss
