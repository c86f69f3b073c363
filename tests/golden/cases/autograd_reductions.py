# Gradients of reductions: sum/mean/prod/max/min/norm/std/var over everything, over a dim or dims, with keepdim.
import torch

X = [[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]

def grads(f, value=X, upstream=None):
    x = torch.tensor(value, requires_grad=True)
    out = f(x)
    if upstream is None:
        out.sum().backward()
    else:
        out.backward(torch.tensor(upstream))
    print(out.grad_fn.name(), tuple(out.shape))
    print(x.grad)

grads(lambda x: x.sum())
grads(lambda x: x.sum(0))
grads(lambda x: x.sum(1), upstream=[1.0, 2.0])
grads(lambda x: x.sum(dim=1, keepdim=True), upstream=[[1.0], [2.0]])
grads(lambda x: x.sum(axis=0, keepdims=True), upstream=[[1.0, 2.0, 3.0]])
grads(lambda x: x.sum((0, 1)))
grads(lambda x: x.sum(-1), upstream=[3.0, -1.0])
# %%
grads(lambda x: x.mean())
grads(lambda x: x.mean(0), upstream=[1.0, 2.0, 3.0])
grads(lambda x: x.mean(1, keepdim=True), upstream=[[1.0], [2.0]])
grads(lambda x: x.mean(dim=(0, 1)))
# %%
grads(lambda x: x.prod())
grads(lambda x: x.prod(1), upstream=[1.0, 2.0])
grads(lambda x: x.prod(0, keepdim=True), upstream=[[1.0, 1.0, 1.0]])
# a zero in the product
grads(lambda x: x.prod(), [[1.0, 0.0, 3.0], [4.0, 2.0, 6.0]])
grads(lambda x: x.prod(1), [[1.0, 0.0, 3.0], [0.0, 2.0, 0.0]], upstream=[1.0, 1.0])
# %%
grads(lambda x: x.max())
grads(lambda x: x.min())
grads(lambda x: x.max(1).values, upstream=[1.0, 2.0])
grads(lambda x: x.max(dim=0)[0], upstream=[1.0, 2.0, 3.0])
grads(lambda x: x.min(1, keepdim=True).values, upstream=[[1.0], [2.0]])
grads(lambda x: torch.max(x, 1)[0], upstream=[1.0, 1.0])
# %%
# ties: the whole-tensor max shares the gradient evenly, max along a dim picks the first index
grads(lambda x: x.max(), [[1.0, 6.0, 3.0], [4.0, 2.0, 6.0]])
grads(lambda x: x.max(1).values, [[6.0, 6.0, 3.0], [4.0, 2.0, 4.0]], upstream=[1.0, 1.0])
grads(lambda x: x.min(), [[1.0, 1.0], [1.0, 2.0]])
# %%
grads(lambda x: x.norm())
grads(lambda x: torch.norm(x))
grads(lambda x: x.norm(dim=1), upstream=[1.0, 1.0])
grads(lambda x: x.norm(p=1))
grads(lambda x: x.norm(1, dim=0), upstream=[1.0, 1.0, 1.0])
grads(lambda x: x.norm(), [[0.0, 0.0], [0.0, 0.0]])
grads(lambda x: x.norm(p=1), [[0.0, -1.0], [2.0, 0.0]])
# %%
grads(lambda x: x.std())
grads(lambda x: x.var())
grads(lambda x: x.std(1), upstream=[1.0, 1.0])
grads(lambda x: x.var(0, keepdim=True), upstream=[[1.0, 1.0, 1.0]])
# %%
grads(lambda x: x.cumsum(0), upstream=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
grads(lambda x: x.cumsum(1), upstream=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
grads(lambda x: x.cumprod(1), upstream=[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
# %%
# the course's normalisation: C / C.sum(axis=1, keepdims=True)
C = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
P = C / C.sum(axis=1, keepdims=True)
print(P)
(P * torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])).sum().backward()
C.grad
# %%
# 3-d input reduced over several dims
T = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
y = T.sum((0, 2))
print(y)
y.backward(torch.tensor([1.0, 2.0, 3.0]))
T.grad
# %%
T.grad = None
T.mean(dim=(0, 2), keepdim=True).sum().backward()
T.grad
