# Type promotion between tensors and with Python scalars.
# %%
import torch
i = torch.tensor([1, 2, 3])
f = torch.tensor([1.0, 2.0, 3.0])
d = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
b = torch.tensor([True, False, True])
i32 = torch.tensor([1, 2, 3], dtype=torch.int32)
u8 = torch.tensor([1, 2, 3], dtype=torch.uint8)
(i + f).dtype, (i + d).dtype, (f + d).dtype, (b + i).dtype, (b + b).dtype, (i32 + i).dtype, (u8 + i32).dtype
# %%
i + 1.5, i * 2, i / 2, i // 2, i % 2, i ** 2
# %%
(i + 1.5).dtype, (i * 2).dtype, (i / 2).dtype, (i / i).dtype, (b * 2).dtype, (b + 0.5).dtype
# %%
(i32 + 1).dtype, (i32 + 1.0).dtype, (u8 + 1).dtype, (f + 1).dtype, (d + 1.5).dtype
# %%
i / i, 7 // i, -7 // i, torch.tensor([-7, 7]) % 3, torch.tensor([-7.5, 7.5]) % 2
# %%
2 ** i, 2.0 ** i, i ** 0.5, f ** 2
# %%
1 - i, 1.0 - i, 10 / i, -i, abs(torch.tensor([-1, 2, -3]))
# %%
i == 2, i != 2, i < 2, i <= 2, i > 2, i >= 2, f == i
# %%
b & torch.tensor([True, True, False]), b | torch.tensor([False, False, True]), b ^ b, ~b
# %%
torch.tensor([12, 10]) & torch.tensor([10, 6]), torch.tensor([12]) | 3, ~torch.tensor([0, 5])
# %%
f & f
# %%
~f
# %%
b - b
# %%
-b
# %%
i.float(), f.long(), f.int(), i.double(), i.bool(), torch.tensor([2.7, -2.7]).long()
# %%
i.to(torch.float64), i.type(torch.float32), f.to(dtype=torch.int64), i.type()
# %%
u8 - 2
# %%
torch.tensor([1.0, 2.0]) + torch.tensor([1, 2], dtype=torch.float64)
# %%
torch.zeros(2, dtype=torch.int32).dtype, torch.ones(2, dtype=torch.bool), torch.full((2,), 7).dtype, torch.full((2,), 7.0).dtype
# %%
torch.arange(5).dtype, torch.arange(5.0).dtype, torch.arange(0, 1, 0.25), torch.arange(1, 10, 3)
# %%
torch.linspace(0, 1, 5), torch.eye(3), torch.eye(2, 3), torch.full((2, 2), 1.5)
# %%
torch.zeros_like(i), torch.ones_like(f), torch.full_like(i, 4), torch.empty(2, 3).shape
