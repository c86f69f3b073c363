# %% [markdown]
# # 3 · Linear algebra in tensors
#
# Scalars, vectors, matrices and higher-order tensors are tensors with 0, 1, 2 or more axes. This lesson builds
# each one, then the operations deep learning uses all the time: sums and means along axes, dot products,
# matrix–vector and matrix–matrix products, and norms.

# %%
import torch

# %% [markdown]
# ## Scalars and vectors
# A scalar is a tensor with no axes. Arithmetic on scalars works as on ordinary numbers.

# %%
x = torch.tensor(3.0)
y = torch.tensor(2.0)
x + y, x * y, x / y, x ** y

# %% [markdown]
# A vector is a list of scalars. Index it like a list; `len` and `shape` give its length.

# %%
x = torch.arange(4)
x, x[3], len(x), x.shape

# %% [markdown]
# ## Matrices
# `A.T` is the transpose: rows become columns. A symmetric matrix equals its own transpose.

# %%
A = torch.arange(20).reshape(5, 4)
A, A.T

# %%
B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
B == B.T

# %% [markdown]
# Tensors can have more axes — a colour image, for example, has height, width and channels.

# %%
X = torch.arange(24).reshape(2, 3, 4)
X

# %% [markdown]
# ## Elementwise operations
# Operations between tensors of one shape keep that shape. Multiplying elementwise is the *Hadamard product*
# `A ⊙ B`; adding or multiplying a scalar touches every element.

# %%
A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
B = A.clone()
A, A + B

# %%
A * B

# %%
a = 2
X = torch.arange(24).reshape(2, 3, 4)
a + X, (a * X).shape

# %% [markdown]
# ## Reductions
# `sum()` adds every element. With `axis=0` it adds down the rows (one result per column); with `axis=1` across
# the columns (one per row). `mean` works the same way.

# %%
x = torch.arange(4, dtype=torch.float32)
x, x.sum()

# %%
A.shape, A.sum()

# %%
A_sum_axis0 = A.sum(axis=0)
A_sum_axis0, A_sum_axis0.shape

# %%
A_sum_axis1 = A.sum(axis=1)
A_sum_axis1, A_sum_axis1.shape

# %%
A.sum(axis=[0, 1])

# %%
A.mean(), A.sum() / A.numel()

# %%
A.mean(axis=0), A.sum(axis=0) / A.shape[0]

# %% [markdown]
# `keepdims=True` keeps the reduced axis with length 1, so the result still broadcasts against `A`: dividing by
# the row sums makes each row add up to 1.

# %%
sum_A = A.sum(axis=1, keepdims=True)
sum_A

# %%
A / sum_A

# %%
A.cumsum(axis=0)

# %% [markdown]
# ## Products
# The dot product of two vectors sums their elementwise product. `torch.mv` multiplies a matrix by a vector and
# `torch.mm` two matrices.

# %%
y = torch.ones(4, dtype=torch.float32)
x, y, torch.dot(x, y)

# %%
torch.sum(x * y)

# %%
A.shape, x.shape, torch.mv(A, x)

# %%
B = torch.ones(4, 3)
torch.mm(A, B)

# %% [markdown]
# ## Norms
# A norm measures the size of a vector. The L2 norm is the square root of the sum of squares, the L1 norm the
# sum of absolute values; for a matrix, the Frobenius norm is the L2 norm of all its elements.

# %%
u = torch.tensor([3.0, -4.0])
torch.norm(u)

# %%
torch.abs(u).sum()

# %%
torch.norm(torch.ones((4, 9)))

# %% [markdown]
# **Try it:** what shape does `A / A.sum(axis=1)` need to work? Run it and read the error, then explain why the
# `keepdims=True` version works.
