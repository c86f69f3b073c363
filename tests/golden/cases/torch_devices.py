# Devices on a machine without a GPU, as the book's GPU section meets them: DiveLab in the CLI and the tests has
# no WebGPU, so it answers as PyTorch 1.13 built without CUDA does.
import torch

# %%
torch.cuda.is_available(), torch.cuda.device_count()
# %%
def try_gpu(i=0):
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f'cuda:{i}')
    return torch.device('cpu')

def try_all_gpus():
    devices = [torch.device(f'cuda:{i}') for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device('cpu')]

try_gpu(), try_gpu(10), try_all_gpus()
# %%
x = torch.tensor([1, 2, 3])
x.device, x.is_cuda, x.device.type, x.device.index, str(x.device)
# %%
X = torch.ones(2, 3, device=try_gpu())
X
# %%
Y = torch.rand(2, 3, device=try_gpu(1))
Y.shape, Y.device
# %%
X.to(torch.device('cpu')) is X, X.to('cpu', torch.float64).dtype, X.to(device='cpu').device, X.cpu() is X
# %%
torch.zeros_like(X, device='cpu'), torch.tensor([1.5], device=torch.device('cpu'))
# %%
torch.device('cuda:0'), torch.device('cuda', 1), str(torch.device('cuda:1')), torch.device('cpu') == torch.device('cpu')
# %%
X.cuda()
# %%
X.cuda(1)
# %%
X.to('cuda:0')
# %%
X.to(torch.device('cuda'))
# %%
torch.ones(2, device=torch.device('cuda'))
# %%
torch.arange(3, device='cuda')
# %%
torch.device('cuda:x')
# %%
torch.device('gpu:0')
# %%
torch.device('cuda:01')
# %%
torch.device('CUDA')
# %%
torch.device('cpu:0'), torch.device(' cuda')
# %%
torch.cuda.memory_allocated()
# %%
torch.cuda.synchronize()
# %%
torch.cuda.get_device_name()
# %%
torch.cuda.current_device()
