# Which graphs survive a second backward without retain_graph: only those whose nodes saved nothing.
import torch

cases = {
    "x + 1": lambda x: x + 1, "x - x": lambda x: x - x, "x * 2": lambda x: x * 2, "x * x": lambda x: x * x,
    "x / 2": lambda x: x / 2, "-x": lambda x: -x, "x ** 2": lambda x: x ** 2, "x.exp()": lambda x: x.exp(),
    "x.relu()": lambda x: x.relu(), "x.abs()": lambda x: x.abs(), "x.sum(0)": lambda x: x.sum(0),
    "x.mean()": lambda x: x.mean(), "x.prod()": lambda x: x.prod(), "x.max()": lambda x: x.max(),
    "x.max(0)[0]": lambda x: x.max(0)[0], "x.std()": lambda x: x.std(), "x.norm()": lambda x: x.norm(),
    "x.cumsum(0)": lambda x: x.cumsum(0), "x.cumprod(0)": lambda x: x.cumprod(0), "x.T": lambda x: x.T,
    "x.reshape(4)": lambda x: x.reshape(4), "x[0]": lambda x: x[0], "x[:, 1:]": lambda x: x[:, 1:],
    "x[[0, 1]]": lambda x: x[[0, 1]], "x[x > 0]": lambda x: x[x > 0], "x.expand(3, 2, 2)": lambda x: x.expand(3, 2, 2),
    "torch.cat": lambda x: torch.cat([x, x]), "torch.stack": lambda x: torch.stack([x, x]),
    "x @ x": lambda x: x @ x, "torch.mv": lambda x: torch.mv(x, x[0]), "x.clone()": lambda x: x.clone(),
    "torch.where": lambda x: torch.where(x > 0, x, -x), "x.clamp(0, 1)": lambda x: x.clamp(0, 1),
}
for name, f in cases.items():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    s = f(x).sum()
    s.backward()
    try:
        s.backward()
        print(f"{name:>18}: ran twice, x.grad = {x.grad.tolist()}")
    except RuntimeError as e:
        print(f"{name:>18}: {str(e)[:60]}")
# %%
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x * 1
y[0] = 3.0
s = y.sum()
s.backward()
s.backward()
