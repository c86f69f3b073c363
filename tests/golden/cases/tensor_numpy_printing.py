# NumPy 1.24's printing of the arrays that Tensor.numpy() and pandas' .values produce.
# %%
import numpy as np
import torch
torch.arange(12, dtype=torch.float64).reshape(3, 4).div(7).numpy()
# %%
(torch.arange(6, dtype=torch.float32) / 3).numpy(), (torch.arange(6) - 3).numpy(), (torch.arange(4) > 1).numpy()
# %%
np.array([1e-5, 1.5, 300.0]), np.array([1e8, 1.0]), np.array([0.5, -0.25, 1e-3]), np.array([123456.789, 0.001])
# %%
np.array([float('nan'), 1.0, float('-inf')]), np.array([float('nan')]), np.array([float('inf'), -1.5])
# %%
np.array([-0.0, 0.0]), np.array([0.0, 0.0]), np.array([1e300, 1.0]), np.array([1e-300, 1.0])
# %%
np.array([[1, -20, 300], [4000, 5, -6]]), np.array([[True], [False]]), np.array([[[1.5]]])
# %%
torch.arange(200, dtype=torch.float32).reshape(10, 20).numpy()
# %%
torch.arange(3000).reshape(3, 1000).numpy()
# %%
torch.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5).numpy()
# %%
torch.tensor([0.1, 0.2, 0.3], dtype=torch.float32).numpy(), torch.tensor([1 / 3], dtype=torch.float32).numpy()
# %%
torch.zeros(0, 3).numpy(), torch.zeros(2, 0, dtype=torch.int32).numpy(), torch.zeros(0, dtype=torch.bool).numpy()
# %%
print(torch.arange(6.0).reshape(2, 3).numpy())
print(np.array([[True, False], [False, True]]))
print(np.array([1e-8, 1.0]))
print(np.array(2.5), np.array(3), np.array(True))
# %%
np.array([[3.0, 'Pave'], [float('nan'), float('nan')], [4.0, 'Grvl']], dtype=object)
# %%
np.array(['a', 1, None, [1, 2]], dtype=object)
