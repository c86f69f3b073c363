/**
 * @file cuda tensors computed on WebGPU in browser mode ([Note: cuda on WebGPU] in src/engine/core/cuda-devices.ts):
 * Chromium's software adapter (SwiftShader) runs the kernels in the engine's Web Worker while the Python worker
 * waits on read-back. Each cell checks the values against the same code on the CPU and that kernels really went to
 * the GPU (the engine's kernel counter, torch.cuda.memory_allocated). Sizes stay small: SwiftShader is slow.
 */
import { describe, expect, inject, it } from 'vitest';
import { notebookSession } from './browser';

/** The software adapter is used only when asked for: `?backend=webgpu`. Cells are typed into Monaco, so no
 * line may rely on indentation or continue a bracket. */
const { run } = notebookSession(() => {
  const url = new URL(inject('webUrl'));
  url.searchParams.set('backend', 'webgpu');
  return url.href;
}, { webgpu: true });

describe('cuda tensors computed on WebGPU', () => {
  it('elementwise ops, reductions and matmul run as GPU kernels and agree with the CPU', async () => {
    const shown = await run([
      'import torch',
      'from _divelab_js import device as _dev',
      'k0 = _dev.kernelCount()',
      'a = torch.arange(24, dtype=torch.float32).reshape(4, 6)',
      'b = torch.linspace(-1, 1, 18).reshape(6, 3)',
      'ga, gb = a.cuda(), b.cuda()',
      'print(torch.cuda.memory_allocated() > 0)',
      'pairs = [((a * 2 - 1) / 3, (ga * 2 - 1) / 3), (a.sum(dim=0), ga.sum(dim=0)), (a.mean(), ga.mean())]',
      'pairs += [(a.cumsum(1), ga.cumsum(1)), (a @ b, ga @ gb), (a.t().sqrt(), ga.t().sqrt()), (torch.maximum(a, 5 - a), torch.maximum(ga, 5 - ga))]',
      'print([torch.allclose(c, g.cpu(), atol=1e-5) for c, g in pairs])',
      'print(_dev.kernelCount() - k0 >= 10)',
      'print((ga @ gb).device, (ga + 1).cpu().device)',
    ].join('\n'));
    expect(shown).toMatch(/^True$/m);
    expect(shown).toMatch(/^\[True, True, True, True, True, True, True\]$/m);
    expect(shown).toMatch(/^True\ncuda:0 cpu$/m);
    expect(shown).not.toMatch(/Error/);
  });

  it('autograd on cuda: the gradient is computed on the GPU and lives on cuda:0', async () => {
    const shown = await run([
      "x = torch.arange(4.0, device='cuda', requires_grad=True)",
      'y = 2 * torch.dot(x, x)',
      'y.backward()',
      'print(x.grad)',
      "w = torch.ones(3, 4, device='cuda', requires_grad=True)",
      'loss = ((w @ x) ** 2).sum()',
      'loss.backward()',
      'print(w.grad)',
    ].join('\n'));
    expect(shown).toContain("tensor([ 0.,  4.,  8., 12.], device='cuda:0')");
    expect(shown).toContain("tensor([[ 0., 12., 24., 36.],\n        [ 0., 12., 24., 36.],\n        [ 0., 12., 24., 36.]], device='cuda:0')");
  });

  it('an in-place update on the GPU then a host read sees the new values (a training step)', async () => {
    const shown = await run([
      "p = torch.ones(5, device='cuda')",
      "with torch.no_grad(): p -= 0.5 * torch.arange(5.0, device='cuda')",
      'p[0] = 7',
      'print(p, p.sum().item())',
    ].join('\n'));
    expect(shown).toContain("tensor([ 7.0000,  0.5000,  0.0000, -0.5000, -1.0000], device='cuda:0') 6.0");
  });

  it('a loop inside one cell that outgrows the GPU budget stays correct ([Note: freeing GPU buffers])', async () => {
    // 1500 iterations x 2 results x 1 MB = 3 GB of results, three times the budget, freed only after the cell
    const shown = await run([
      "x = torch.ones(250_000, device='cuda')",
      'k0 = _dev.kernelCount()',
      'for i in range(1500): y = x * 2 + 1',
      'print(1000 < _dev.kernelCount() - k0 < 3000, torch.cuda.memory_allocated() <= 2**30, y.device, y.sum().item())',
    ].join('\n'));
    expect(shown).toContain('True True cuda:0 750000.0');
  });

  it('torch.cuda names the adapter, waits for queued kernels, and counts live GPU memory', async () => {
    const shown = await run([
      "big = torch.ones(300, 300, device='cuda')",
      'm0 = torch.cuda.memory_allocated()',
      'h = big @ big',
      'print(torch.cuda.get_device_name(), torch.cuda.current_device(), torch.cuda.synchronize(), torch.cuda.memory_allocated() - m0)',
    ].join('\n'));
    expect(shown).toMatch(/^google swiftshader 0 None 360000$/m);
  });

  it("exp, log, tanh, sigmoid and relu run on the GPU too, with PyTorch's NaN, -inf and -0. at the edges", async () => {
    const shown = await run([
      'u = torch.linspace(-3, 3, 12).reshape(3, 4); gu = u.cuda()',
      'k0 = _dev.kernelCount()',
      'outs = [(f(u), f(gu)) for f in (torch.exp, torch.tanh, torch.sigmoid, torch.relu)] + [(u.abs().log(), gu.abs().log())]',
      'print([torch.allclose(c, g.cpu(), rtol=1e-5, atol=1e-6) for c, g in outs], _dev.kernelCount() - k0)',
      "e = torch.tensor([-0.0, float('nan'), -1.0, 2.0, 0.0]).cuda()",
      'print(torch.relu(e), torch.log(e), torch.sqrt(e))',
      "print(torch.maximum(e, torch.ones(5, device='cuda')), torch.minimum(e, torch.ones(5, device='cuda')))",
    ].join('\n'));
    expect(shown).toContain("tensor([1., nan, 1., 2., 1.], device='cuda:0') tensor([-0., nan, -1.,  1.,  0.], device='cuda:0')");
    expect(shown).toContain('[True, True, True, True, True] 6');
    expect(shown).toContain("tensor([-0., nan, 0., 2., 0.], device='cuda:0') tensor([  -inf,    nan,    nan, 0.6931,   -inf], device='cuda:0') tensor([-0.0000,    nan,    nan, 1.4142, 0.0000], device='cuda:0')");
  });
});
