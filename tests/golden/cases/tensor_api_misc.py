# Tensor API beyond the course: method forms, keyword arguments, aliases, conversions and module functions.
# %%
import torch
x = torch.tensor([1.0, -2.0, 3.5])
y = torch.tensor([2.0, 2.0, -1.0])
x.add(y), x.add(y, alpha=2), x.sub(y, alpha=0.5), x.mul(2), x.div(y), x.div(y, rounding_mode='floor'), x.div(y, rounding_mode='trunc')
# %%
torch.add(x, 1), torch.sub(x, y), torch.mul(x, y), torch.div(x, 2), torch.pow(x, 2), torch.pow(2, x), torch.remainder(x, 2)
# %%
x.eq(y), x.ne(y), x.lt(y), x.le(1), x.gt(y), x.ge(y), torch.maximum(x, y), x.maximum(y), x.max(y)
# %%
a = torch.arange(4.)
b = a
a.add_(1).mul_(2).sub_(1).div_(2)
a, a is b, a.pow_(2), a.neg_(), a.abs_(), a.sqrt_(), a.exp_().shape
# %%
x.clamp(min=0), x.clamp(max=0), x.clamp(-1, 1), torch.clamp(x, min=-1.5), x.clip(0, 2)
# %%
x.clamp()
# %%
torch.where(x > 0, x, 0.0), torch.where(x > 0, 1, -1), torch.where(torch.tensor([[True, False]]), torch.tensor([1, 2]), torch.tensor([[3], [4]]))
# %%
torch.where(torch.tensor([0, 1, 1, 0]))
# %%
x.exp(), x.sigmoid(), x.tanh(), x.relu(), x.sign(), x.square(), x.reciprocal(), x.floor(), x.ceil(), x.trunc(), x.frac()
# %%
x.log(), torch.log(torch.tensor([0.0, -1.0]))
# %%
torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, 1.234])), torch.tensor([1.2345, 9.8765]).round(decimals=2)
# %%
torch.isnan(torch.tensor([1.0, float('nan')])), torch.isinf(torch.tensor([1.0, float('inf')])), torch.tensor([True, False]).logical_not()
# %%
M = torch.arange(12).reshape(3, 4)
torch.sum(M, dim=1), torch.sum(M, axis=0, keepdims=True), M.sum(1, True), M.sum((0, 1)), M.sum(dim=[]), M.sum(dtype=torch.float32)
# %%
M.float().mean((0, 1)), M.float().mean(dim=0, keepdim=True), torch.mean(M, dtype=torch.float64)
# %%
M.max(), M.max(1), torch.max(M, 0, keepdim=True), M.min(dim=-1).values, M.argmax(), M.argmin(0), torch.argmax(M, dim=1)
# %%
torch.amax(M, dim=0), torch.amin(M, (0, 1)), M.amax(1, keepdim=True)
# %%
M.float().std(), M.float().std(0), M.float().std(dim=1, unbiased=False), M.float().var(1, keepdim=True), M.float().var(False)
# %%
M.all(), M.any(), (M > 5).any(dim=0), (M >= 0).all(1), torch.all(M > -1), torch.any(M > 100)
# %%
M.prod(0), M.cumsum(1), torch.cumsum(M, dim=0), M.cumprod(dim=1), M.cumsum(-1).dtype, torch.tensor([True, True]).cumsum(0)
# %%
M.cumsum()
# %%
M.float().norm(), M.float().norm(dim=1), torch.norm(M.float(), p=1), torch.norm(M.float(), dim=(0, 1))
# %%
M.numel(), torch.numel(M), M.nelement(), M.element_size(), M.float().element_size(), M.size(), M.size(1), M.size(dim=-2)
# %%
M.size(2)
# %%
M.dtype, M.is_floating_point(), M.float().is_floating_point(), torch.is_tensor(M), torch.is_tensor([1]), M.device, M.is_cuda
# %%
M.type(), M.float().type(), M.type(torch.float64), M.type('torch.FloatTensor'), M.to(torch.float32).dtype
# %%
f = torch.tensor([1.5])
f.to(torch.float32) is f, f.float() is f, f.to('cpu') is f, f.clone() is f, f.detach() is f, f.contiguous() is f
# %%
M.T.contiguous().is_contiguous(), M.t().stride(), M.transpose(1, 0).shape, M.mT.shape, M.permute(1, 0).is_contiguous()
# %%
M.unsqueeze(1).expand(3, 2, 4).shape, M.expand_as(torch.zeros(2, 3, 4)).shape, M.view_as(torch.zeros(4, 3)).shape, M.reshape_as(torch.zeros(6, 2)).shape
# %%
M.unbind(0), torch.unbind(M, 1)[0], M.select(1, 2), M.narrow(1, 1, 2), M.flatten(0, 1).shape, torch.flatten(M)
# %%
torch.zeros(2, 1, 3).squeeze(1).shape, torch.squeeze(torch.zeros(1, 2)).shape, torch.unsqueeze(torch.zeros(2), 0).shape, torch.reshape(M, (2, 6)).shape
# %%
torch.transpose(M, 0, 1).shape, torch.t(M).shape, torch.permute(M, (1, 0)).shape
# %%
torch.ones(2, 2, 2).T.shape
# %%
torch.cat([M, M]).shape, torch.cat((M, M), 1).shape, torch.cat((M, M), dim=-1).shape, torch.concat((M, M)).shape, torch.stack([M, M], dim=2).shape
# %%
torch.cat((M, M.float())).dtype, torch.cat((torch.zeros(0), torch.ones(2)))
# %%
torch.cat(M, M)
# %%
torch.cat([M, 1])
# %%
torch.equal(M, M.clone()), torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0000001])), torch.isclose(torch.tensor([1.0, 2.0]), torch.tensor([1.1, 2.0]))
# %%
torch.zeros(2, 3, dtype=torch.int64), torch.ones((2,), dtype=torch.bool), torch.full((2, 2), True), torch.full([3], 2, dtype=torch.float64)
# %%
torch.empty(0, 3).shape, torch.zeros([]), torch.ones(()), torch.arange(0), torch.arange(-3, 3), torch.arange(5, 0, -2), torch.arange(0.5, 2)
# %%
torch.arange(0, 1, 0)
# %%
torch.arange(5, 1)
# %%
torch.linspace(-1, 1, 3), torch.linspace(0, 10, 1), torch.eye(2, dtype=torch.int64), torch.zeros_like(M, dtype=torch.float32)
# %%
torch.tensor(3.5, requires_grad=True), torch.ones(2, requires_grad=True), torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
# %%
torch.tensor(3, requires_grad=True)
# %%
torch.tensor([1, 2], dtype=float), torch.tensor([1.7, 2.2], dtype=int), torch.tensor(5, dtype=torch.bool), torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
# %%
torch.tensor([torch.tensor(1.0), torch.tensor(2)]), torch.tensor((1, 2, 3)), torch.tensor([[1.5], [2]])
# %%
torch.tensor(torch.tensor([1, 2]))
# %%
torch.tensor([None])
# %%
torch.tensor([torch.tensor([1.0, 2.0])])
# %%
t0 = torch.tensor(2.5)
f'{t0:.3f}', f'{t0:>8.1f}', '{:e}'.format(t0), round(float(t0)), int(torch.tensor(7)), float(torch.tensor([4]))
# %%
f'{torch.tensor([1.0, 2.0])}'
# %%
'{:.2f}'.format(torch.tensor([1.0, 2.0]))
# %%
[v.item() for v in torch.tensor([1.5, 2.5])], list(torch.arange(3)), [r.tolist() for r in torch.arange(4).reshape(2, 2)]
# %%
iter(torch.tensor(1))
# %%
int(torch.tensor([1, 2]))
# %%
torch.tensor(1.5).item(), torch.tensor(True).item(), torch.tensor(3).item(), type(torch.tensor(3.0).item()), type(torch.tensor(3).item())
# %%
torch.zeros(0).item()
# %%
M[torch.tensor(1)], M[torch.tensor([0, 2]), 1], M[:, torch.tensor([True, False, True, False])], M[1][2], M[1, 2].item()
# %%
[M[i, i].item() for i in range(3)], M[M.sum(1) > 10], M[..., -1]
# %%
M[[0, 1], [1, 2, 3]]
# %%
M[torch.tensor([0.0])]
# %%
M[:, :, 0]
# %%
M[..., ...]
# %%
Z = torch.zeros(2, 3)
Z[0, :] = torch.tensor([1., 2., 3.])
Z[:, 0] += 5
Z[Z == 0] = 9
Z[1] = 7.5
Z
# %%
Z[[0, 1], [2, 2]] = torch.tensor([-1., -2.])
Z[..., 1] = torch.tensor(4)
Z
# %%
Z[0] = 'a'
# %%
torch.manual_seed(42)
r1 = torch.randn(3)
torch.manual_seed(42)
torch.equal(r1, torch.randn(3)), torch.rand(2, 2).dtype, torch.randint(5, (2, 3)).shape, torch.randint(1, 5, (4,)).dtype, torch.randperm(5).sum(), torch.randperm(5).dtype
# %%
torch.randint(0, 10, (1000,)).min() >= 0, torch.randint(0, 10, (1000,)).max() < 10, torch.rand(1000).max() < 1, torch.normal(2.0, 0.5, size=(3,)).dtype
# %%
torch.tensor([1, 2]).add([1, 2])
# %%
torch.tensor([1, 2]).mul_('a')
# %%
torch.tensor([1, 2]) == [1, 2], torch.tensor([1, 2]) == None, 2 in torch.tensor([1, 2])
# %%
torch.tensor([1, 2]) + [1, 2]
# %%
# d2l's autograd section writes the size as a keyword.
a = torch.randn(size=(), requires_grad=True)
a.shape, a.requires_grad, torch.zeros(size=(2, 3)).shape, torch.ones(size=[2]), torch.rand(size=(1,)).dtype
# %%
M = torch.arange(6).reshape(2, 3)
2 in M, 7 in M, torch.tensor(5) in M, 2.0 in M
# %%
'a' in M
# %%
# relu is clamp_min(0): NaN and -0. pass through; log and sqrt of negatives are nan, log(0) is -inf
s = torch.tensor([-0.0, float('nan'), -1.0, 2.0, 0.0])
torch.relu(s), s.relu(), torch.log(s), torch.sqrt(s), torch.tanh(torch.tensor([-50.0, 1e-8, 50.0])), torch.sigmoid(torch.tensor([-100.0, 0.0, 100.0]))
