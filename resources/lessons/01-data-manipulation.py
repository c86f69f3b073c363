# %% [markdown]
# # 1 · Data manipulation with tensors
#
# Everything a neural network learns from, and everything it computes, is stored in **tensors**: n-dimensional
# arrays of numbers. A tensor with one axis is a vector, with two axes a matrix, and with more axes simply a
# tensor. This lesson shows how to make tensors, look at them, compute with them and move them in and out of
# NumPy. Run each cell with **Shift+Enter** and change the code freely — you can always reopen the lesson.

# %%
import torch

# %% [markdown]
# ## Making tensors
# `torch.arange(n)` gives the integers `0 … n-1` as a row vector. Its `shape` says how long each axis is and
# `numel()` how many elements there are in total.

# %%
x = torch.arange(12)
x

# %%
x.shape, x.numel()

# %% [markdown]
# `reshape` arranges the same twelve numbers as 3 rows of 4. Give `-1` for one axis and PyTorch works out its
# length from the others.

# %%
X = x.reshape(3, 4)
X

# %%
x.reshape(-1, 4).shape

# %% [markdown]
# Tensors full of zeros, ones or random numbers (drawn from a standard normal distribution), and tensors written
# out by hand as nested Python lists:

# %%
torch.zeros((2, 3, 4))

# %%
torch.randn(3, 4).shape

# %%
torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])

# %% [markdown]
# ## Operations
# Arithmetic operators work **elementwise** on tensors of the same shape. Note that dividing integers gives
# floating-point numbers, and `**` is the power operator.

# %%
x = torch.tensor([1.0, 2, 4, 8])
y = torch.tensor([2, 2, 2, 2])
x + y, x - y, x * y, x / y, x ** y

# %%
torch.exp(x)

# %% [markdown]
# `torch.cat` joins tensors along an axis: `dim=0` stacks rows, `dim=1` puts columns side by side.

# %%
X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
torch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1)

# %% [markdown]
# Comparisons give a tensor of booleans, and `sum()` adds up every element into a tensor with one element.

# %%
X == Y

# %%
X.sum()

# %% [markdown]
# ## Broadcasting
# When shapes differ, PyTorch first copies the tensors along their axes of length 1 until both have the same
# shape, then works elementwise. Here a 3×1 column meets a 1×2 row, and both grow to 3×2.

# %%
a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
a, b, a + b

# %% [markdown]
# Shapes that can't be matched this way raise an error that names the axis at fault. Read it, then fix the
# shapes:

# %%
try:
    torch.ones(2, 3) + torch.ones(3, 2)
except RuntimeError as err:
    print('RuntimeError:', err)

# %% [markdown]
# ## Indexing and slicing
# Indices start at 0, and negative ones count from the end. `X[1:3]` picks rows 1 and 2; a second index slices
# columns.

# %%
X[-1], X[1:3]

# %%
X[1, 2] = 9
X[0:2, :] = 12
X

# %% [markdown]
# ## Saving memory
# `Y = Y + X` makes a new tensor and points the name `Y` at it, so `id(Y)` changes. Writing into an existing
# tensor — with a slice assignment or an in-place operator such as `+=` — keeps the same memory.

# %%
before = id(Y)
Y = Y + X
id(Y) == before

# %%
Z = torch.zeros_like(Y)
print('id(Z):', id(Z))
Z[:] = X + Y
print('id(Z):', id(Z))

# %%
before = id(X)
X += Y
id(X) == before

# %% [markdown]
# ## To and from NumPy and Python
# `numpy()` gives a NumPy array that shares memory with the tensor; `torch.tensor` copies one back.
# A one-element tensor turns into a Python number with `item()`, `float()` or `int()`.

# %%
A = X.numpy()
B = torch.tensor(A)
type(A), type(B)

# %%
a = torch.tensor([3.5])
a, a.item(), float(a), int(a)

# %% [markdown]
# **Try it:** change `X == Y` to `X < Y` or `X > Y`. Then replace the two tensors of the broadcasting example with
# 3-D tensors — do you get the shape you expected?
