# %% [markdown]
# # 4 · Derivatives and gradients
#
# Training a model means changing its parameters a little at a time in the direction that lowers the loss. The
# derivative tells us that direction. This lesson approaches the derivative as a limit, draws a tangent line, and
# meets the gradient of a function of several variables. Open the **Plots** panel beside the notebook to drag the
# tangent point and to see gradient arrows over contour lines.

# %% [markdown]
# ## The derivative as a limit
# The derivative of f at x is the limit of `(f(x + h) - f(x)) / h` as h shrinks to 0. For `f(x) = 3x² - 4x` at
# `x = 1` the quotients approach 2.

# %%
import numpy as np
from d2l import torch as d2l


def f(x):
    return 3 * x ** 2 - 4 * x


def numerical_lim(f, x, h):
    return (f(x + h) - f(x)) / h


h = 0.1
for i in range(5):
    print(f'h={h:.5f}, numerical limit={numerical_lim(f, 1, h):.5f}')
    h *= 0.1

# %% [markdown]
# ## Tangent lines
# The derivative is the slope of the tangent line. At `x = 1`, `f(1) = -1` and `f'(1) = 2`, so the tangent is
# `y = 2x - 3`. Plot both:

# %%
x = np.arange(0, 3, 0.1)
d2l.plot(x, [f(x), 2 * x - 3], 'x', 'f(x)', legend=['f(x)', 'Tangent line (x=1)'])

# %% [markdown]
# ## Partial derivatives and gradients
# For a function of several variables, the partial derivative with respect to one variable treats the others as
# constants. Collect all partial derivatives into a vector and you have the **gradient** ∇f. For
# `f(x1, x2) = x1² + 2·x2²` the gradient is `(2·x1, 4·x2)`, which at `(1, 1)` is `(2, 4)`.
#
# The gradient points where f grows fastest, and it is perpendicular to the contour line through the point.
# The cell below draws contours with gradient arrows; the Plots panel lets you move the point around.

# %%
import torch
from matplotlib import pyplot as plt

x1, x2 = torch.meshgrid(torch.linspace(-2, 2, 41), torch.linspace(-2, 2, 41), indexing='xy')
z = x1 ** 2 + 2 * x2 ** 2
plt.contour(x1, x2, z, levels=12)
s = slice(None, None, 5)
plt.quiver(x1[s, s], x2[s, s], (2 * x1)[s, s], (4 * x2)[s, s])
plt.xlabel('x1')
plt.ylabel('x2')
plt.show()

# %% [markdown]
# **Try it:** change f to `x ** 3 - 1 / x` and plot it with its tangent at `x = 1` (its derivative there is 4).
