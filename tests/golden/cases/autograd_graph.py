# grad_fn names and next_functions of the ops of chapter 1, the graph of a few course formulas walked from the
# top, and the nodes that in-place writes leave behind.
import torch

def walk(t):
    """The graph below t as nested (name, [inputs]) tuples; leaves show as AccumulateGrad with their shape."""
    def node(f):
        if f is None:
            return None
        if type(f).__name__ == "AccumulateGrad":
            return ("AccumulateGrad", tuple(f.variable.shape))
        return (type(f).__name__, [node(g) for g, _ in f.next_functions])
    return node(t.grad_fn)

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
v = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
ops = {
    "x + 1": x + 1, "1 + x": 1 + x, "x - v": x - v, "1 - x": 1 - x, "x * 2": x * 2, "2 * x": 2 * x,
    "x / 2": x / 2, "2 / x": 2 / x, "x ** 2": x ** 2, "2 ** x": 2 ** x, "x ** x": x ** x, "-x": -x,
    "x.exp()": x.exp(), "x.log()": x.log(), "x.sqrt()": x.sqrt(), "x.abs()": x.abs(), "x.relu()": x.relu(),
    "x.sigmoid()": x.sigmoid(), "x.tanh()": x.tanh(), "x.sin()": x.sin(), "x.cos()": x.cos(),
    "x.sum()": x.sum(), "x.sum(0)": x.sum(0), "x.mean()": x.mean(), "x.mean(1)": x.mean(1), "x.prod()": x.prod(),
    "x.max()": x.max(), "x.max(1)[0]": x.max(1)[0], "x.min()": x.min(), "x.norm()": x.norm(),
    "x.std()": x.std(), "x.var()": x.var(), "x.cumsum(0)": x.cumsum(0),
    "x.reshape(3, 2)": x.reshape(3, 2), "x.view(6)": x.view(6), "x.T": x.T, "x.t()": x.t(),
    "x.transpose(0, 1)": x.transpose(0, 1), "x.permute(1, 0)": x.permute(1, 0), "x.flatten()": x.flatten(),
    "x.unsqueeze(0)": x.unsqueeze(0), "x[None]": x[None], "x[0]": x[0], "x[:, 1]": x[:, 1], "x[0, 1]": x[0, 1],
    "x[1:]": x[1:], "x[[0, 1]]": x[[0, 1]], "x[x > 2]": x[x > 2], "v.expand(2, 3)": v.expand(2, 3),
    "x.clone()": x.clone(), "x.double()": x.double(), "x.float()": x.float(),
    "torch.cat": torch.cat([x, x]), "torch.stack": torch.stack([x, x]), "torch.dot": torch.dot(v, v),
    "torch.mv": torch.mv(x, v), "torch.mm": torch.mm(x, x.T), "x @ v": x @ v, "x @ x.T": x @ x.T,
    "v @ x.T": v @ x.T, "torch.outer": torch.outer(v, v),
    "torch.where": torch.where(x > 2, x, torch.zeros(2, 3)), "x.clamp(0, 3)": x.clamp(0, 3),
    "torch.maximum": torch.maximum(x, v), "torch.minimum": torch.minimum(x, v),
}
for k, t in ops.items():
    print(f"{k:>18}  {t.grad_fn.name():<24} {[type(f).__name__ if f is not None else None for f, _ in t.grad_fn.next_functions]}")
# %%
# the graph behind (<x, w> - y)^2, walked from the top
xv = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
z = (torch.dot(xv, w) - 1.5) ** 2
walk(z)
# %%
X = torch.ones(4, 3)
z = torch.norm(torch.mv(X, w) - torch.ones(4)) ** 2
walk(z)
# %%
a = torch.tensor(0.5, requires_grad=True)
b = a * 2
while b.norm() < 10:
    b = b * 2
walk(b)
# %%
# what in-place writes leave behind
y = x * 1
y.add_(1)
print(walk(y))
y.mul_(v)
print(walk(y))
y.zero_()
print(walk(y))
y = x * 1
y.fill_(2)
print(walk(y))
y = x * 1
y.copy_(v.expand(2, 3))
print(walk(y))
y = x * 1
y[0] = 5.0
print(walk(y))
y = x * 1
y.exp_()
print(walk(y))
# %%
# a leaf's AccumulateGrad is shared by every use of the leaf
s = x.sum() + x.mean()
f1 = s.grad_fn.next_functions[0][0].next_functions[0][0]
f2 = s.grad_fn.next_functions[1][0].next_functions[0][0]
print(type(f1).__name__, f1 == f2, f1.variable.shape)
# %%
print(x.grad_fn, (x * 1).is_leaf, x.is_leaf, torch.ones(2).is_leaf)
# %%
with torch.no_grad():
    n = x * 2
print(n.grad_fn, n.requires_grad, n.is_leaf)
