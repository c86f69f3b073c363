# More printing: summarized 3-D tensors, wide int and bool rows, float64 digits, suffixes that wrap.
# %%
import torch
torch.arange(2 * 30 * 30).reshape(2, 30, 30)
# %%
torch.arange(1200, dtype=torch.float64).reshape(3, 400) / 7
# %%
torch.arange(-20, 20) * 1000
# %%
torch.arange(40) % 3 == 0
# %%
torch.arange(25, dtype=torch.float32).reshape(5, 5) / 3 - 4
# %%
torch.tensor([1e-4, 1e4]), torch.tensor([1e-5, 1e3]), torch.tensor([0.0, 1e-5]), torch.tensor([123.456, 0.001])
# %%
torch.tensor([[1e20, -1e-20], [0.0, 1.0]]), torch.tensor([3.0, -1e9]), torch.tensor([1.0e-10])
# %%
torch.tensor([100000.0, 2.0]), torch.tensor([99999.0, 1.5]), torch.tensor([-0.0, 0.0])
# %%
torch.ones(3, 30, requires_grad=True)
# %%
torch.arange(12, dtype=torch.float64).reshape(3, 4).requires_grad_()
# %%
torch.zeros(2, 0, 3), torch.zeros(0, dtype=torch.bool), torch.ones(0, 2, dtype=torch.float64)
# %%
torch.tensor([[True, False, True]] * 30)
# %%
torch.linspace(0, 1, 9, dtype=torch.float64), torch.tensor([1 / 3], dtype=torch.float64)
# %%
torch.tensor([2 ** 40, -5]), torch.tensor([255, 0], dtype=torch.uint8) + 1, torch.tensor([-(2 ** 31)], dtype=torch.int32)
