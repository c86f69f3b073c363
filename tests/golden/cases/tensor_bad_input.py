# Bad input: ragged lists, wrong types, unknown keyword arguments, broadcasting errors, overflow.
# %%
import torch
torch.tensor([[1, 2], [3]])
# %%
torch.tensor([[1, 2], 3])
# %%
torch.tensor([1, 'a'])
# %%
torch.tensor([1, 2.5]), torch.tensor([True, 2]), torch.tensor([[]]).shape, torch.tensor([1, 2], dtype=torch.float64)
# %%
torch.tensor(2 ** 63)
# %%
torch.tensor([2 ** 53]), torch.tensor(-2 ** 53).dtype, torch.tensor([2 ** 53]) - 1
# %%
torch.arange(4).reshape(2, 2, foo=3)
# %%
torch.tensor([1, 2], foo=1)
# %%
torch.ones(2, 3) + torch.ones(3, 2)
# %%
torch.ones(2, 3) * torch.ones(4)
# %%
torch.arange(6).reshape(4, 2)
# %%
torch.arange(6).reshape(2, -1, 5)
# %%
torch.zeros(-1)
# %%
torch.cat((torch.ones(2, 3), torch.ones(2, 2)), dim=0)
# %%
torch.cat((torch.ones(2, 3), torch.ones(2, 2)), dim=1), torch.stack((torch.ones(2), torch.zeros(2))), torch.stack((torch.ones(2), torch.zeros(2)), dim=1)
# %%
torch.stack((torch.ones(2), torch.zeros(3)))
# %%
torch.cat((torch.ones(2), torch.ones(2)), dim=1)
# %%
torch.arange(3) + 'a'
# %%
torch.tensor([1, 2]) / 0, torch.tensor([1., -1., 0.]) / 0
# %%
torch.tensor([1, 2]) // 0
# %%
torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), torch.tensor([3, 4])), torch.clamp(torch.tensor([-2., 0.5, 3.]), min=0, max=1)
# %%
x = torch.tensor([-1.5, 0.0, 2.25])
torch.relu(x), torch.sigmoid(x), torch.tanh(x), torch.sqrt(torch.abs(x)), torch.log(torch.tensor([1.0, 2.0])), x.round(), x.floor(), x.ceil()
# %%
torch.sin(x), torch.cos(x), x.exp(), x.abs(), x.neg(), torch.equal(x, x.clone()), torch.equal(x, x[:2])
# %%
torch.sqrt(torch.tensor([4, 9])), torch.exp(torch.tensor([0, 1]))
# %%
x = torch.arange(6).reshape(2, 3)
x.to('cpu').shape, torch.zeros(2, device='cpu'), torch.device('cpu'), torch.device('cuda', 0), x.device, torch.cuda.is_available()
# %%
x.to('cuda')
# %%
torch.zeros(2, device='cuda')
# %%
torch.device('gpu')
# %%
torch.zeros('a')
# %%
torch.arange('a')
# %%
torch.arange(1, 'b')
# %%
torch.full((2,), 'a')
# %%
x.fill_('a')
# %%
x.sum(dim='a')
