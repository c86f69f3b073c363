# Views share storage; in-place operations keep identity; view vs reshape vs contiguous.
# %%
import torch
x = torch.arange(12)
v = x.view(3, 4)
v[0, 0] = 100
x
# %%
r = x.reshape(4, 3)
r[1, 1] = -1
x, r.data_ptr() == x.data_ptr()
# %%
t = v.T
t.is_contiguous(), v.is_contiguous(), t.stride(), v.stride(), t.shape
# %%
t.view(12)
# %%
t.reshape(12)
# %%
t.contiguous().view(12), t.contiguous().is_contiguous(), t.contiguous().data_ptr() == t.data_ptr()
# %%
v.stride(0), v.stride(1), v.size(0), v.size(-1), v.dim(), v.ndim
# %%
s = v[:, 1]
s[:] = 0
v
# %%
c = v.clone()
c[0, 0] = 999
v[0, 0], c[0, 0], c.data_ptr() == v.data_ptr()
# %%
y = torch.arange(6).reshape(2, 3)
y.permute(1, 0), y.transpose(0, 1), y.t(), y.unsqueeze(0).shape, y.unsqueeze(-1).shape
# %%
z = torch.zeros(1, 3, 1)
z.squeeze().shape, z.squeeze(0).shape, z.squeeze(1).shape, z.flatten().shape
# %%
torch.arange(3).reshape(3, 1).expand(3, 4), torch.arange(3).expand(2, 3).stride()
# %%
torch.arange(10).narrow(0, 2, 3), torch.arange(12).reshape(3, 4).flatten()
# %%
x = torch.ones(3)
before = id(x)
x += 1
x -= 0.5
x *= 4
x /= 2
id(x) == before, x
# %%
x = torch.arange(4)
before = id(x)
x.add_(10)
x.mul_(2)
id(x) == before, x
# %%
x = torch.arange(4)
x += 1.5
# %%
x = torch.arange(4)
x /= 2
# %%
x = torch.ones(2, 2)
x.zero_(), x.fill_(3), x.copy_(torch.tensor([1, 2])), x
# %%
x = torch.ones(3)
y = x
y += 1
x is y, x
# %%
X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
before = id(X)
X[:] = X + 1
id(X) == before, X
# %%
x = torch.ones(2, 3)
x += torch.ones(3)
x
# %%
x = torch.ones(3)
x += torch.ones(2, 3)
# %%
a = torch.arange(6).reshape(2, 3)
a.view(3, -1), a.view(-1), a.reshape(-1, 2)
# %%
a.view(4, -1)
# %%
a.reshape(-1, -1)
# %%
a.view(2, 2)
# %%
a.permute(0)
# %%
a.transpose(0, 2)
# %%
x = torch.arange(6)
v = x.view(2, 3)
v.storage().data_ptr() == x.storage().data_ptr(), x[2:].storage().data_ptr() == x.storage().data_ptr(), x.clone().storage().data_ptr() == x.storage().data_ptr(), x[2:].data_ptr() - x.data_ptr(), x.storage().size()
