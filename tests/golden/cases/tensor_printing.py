# Printing edge cases: precision, scientific mode, integer-valued floats, wrapping, summarization, dtype suffixes.
# %%
import torch
torch.tensor(3.14159), torch.tensor(2.0), torch.tensor(-0.5), torch.tensor(7)
# %%
torch.tensor([1.0, 2.5, -3.25]), torch.tensor([0.0001, 1.0]), torch.tensor([1e-5, 1.0])
# %%
torch.tensor([1e8, 1.0]), torch.tensor([123456789.0]), torch.tensor([1e10, 2e10])
# %%
torch.tensor([0.1, 1000.0]), torch.tensor([0.001, 10000.0])
# %%
torch.tensor([float('inf'), float('-inf'), float('nan'), 1.0])
# %%
torch.tensor([float('nan'), 1.5]), torch.tensor([float('inf'), 2.0])
# %%
torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([1.5], dtype=torch.float64)
# %%
torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([1, 2])
# %%
torch.tensor([True, False]), torch.tensor(True)
# %%
torch.tensor([-1, 10, -100]), torch.tensor([[1, -2], [300, 4]])
# %%
torch.arange(30, dtype=torch.float32) * 1.5
# %%
torch.arange(40)
# %%
torch.arange(1001)
# %%
torch.arange(2000, dtype=torch.float32).reshape(40, 50)
# %%
torch.arange(24).reshape(2, 3, 4)
# %%
torch.arange(16).reshape(2, 2, 2, 2)
# %%
torch.zeros(0), torch.zeros(2, 0), torch.zeros(0, dtype=torch.int64), torch.tensor([])
# %%
torch.ones(3, dtype=torch.float64) / 3
# %%
torch.tensor([[1e-3, 2.0], [3.0, 4e5]])
# %%
torch.tensor([0.5, 0.25, 0.125, 0.0625, 0.03125])
# %%
torch.tensor([1.0, 2.0]).dtype, torch.tensor([1, 2]).dtype, torch.tensor([True]).dtype
# %%
torch.float32, torch.float64, torch.int64, torch.int32, torch.uint8, torch.bool, torch.float, torch.double, torch.long
# %%
print(torch.tensor([1.0, 2.0]))
print(str(torch.tensor(5)))
# %%
torch.Size([2, 3]), torch.Size([]), torch.tensor(1.0).shape, type(torch.Size([1]))
# %%
s = torch.zeros(2, 3, 4).shape
s[0], s[-1], s[1:], len(s), s == (2, 3, 4), isinstance(s, tuple)
# %%
t = torch.tensor(2.71828)
f'{t:.2f}', f'{t}', '{:.3e}'.format(torch.tensor(12345.678))
# %%
torch.get_default_dtype()
