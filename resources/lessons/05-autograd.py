# %% [markdown]
# # 5 · Automatic differentiation
#
# Working out derivatives by hand is slow and error-prone. PyTorch records the operations that produce a value
# (the **computation graph**) and then walks it backwards to compute gradients — *backpropagation*. This lesson
# shows how to ask for gradients, how they accumulate, and how to stop them.

# %%
import torch

# %% [markdown]
# ## A first gradient
# Take `y = 2 xᵀx` for `x = (0, 1, 2, 3)`. First tell PyTorch to track `x`; `x.grad` stays `None` until a backward
# pass fills it.

# %%
x = torch.arange(4.0)
x.requires_grad_(True)
x.grad is None

# %%
y = 2 * torch.dot(x, x)
y

# %% [markdown]
# `y` remembers how it was made: its `grad_fn`. Calling `backward()` computes dy/dx, which should be `4x`.

# %%
y.backward()
x.grad

# %%
x.grad == 4 * x

# %% [markdown]
# ## Gradients accumulate
# A second backward pass **adds** to `x.grad`. Reset it with `zero_()` before computing a new gradient.

# %%
x.grad.zero_()
y = x.sum()
y.backward()
x.grad

# %% [markdown]
# ## Non-scalar outputs
# `backward()` needs a scalar. For a vector `y`, we usually want the gradient of the sum of its elements.

# %%
x.grad.zero_()
y = x * x
y.sum().backward()
x.grad

# %% [markdown]
# ## Detaching
# `detach()` gives a tensor with the same values but no history, so gradients don't flow through it. Here `u` is
# treated as a constant, and the gradient of `u * x` is just `u`.

# %%
x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
x.grad == u

# %%
x.grad.zero_()
y.sum().backward()
x.grad == 2 * x

# %% [markdown]
# ## Control flow
# The graph is recorded as the code runs, so loops and `if` statements are fine. Whatever path `f` takes, the
# result is a linear function of `a`, so its gradient equals `d / a`.

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

# %% [markdown]
# **Try it:** show the graph of `y = 2 * torch.dot(x, x)` with `d2l.show_graph(y)`, or open the output's
# "show graph" action, and follow the gradient from `MulBackward0` down to `x`.
