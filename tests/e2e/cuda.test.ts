/**
 * @file CUDA code in browser mode on a WebGPU adapter (Chromium's software SwiftShader): the book's GPU checks
 * answer as on a one-GPU machine, tensors on cuda print `device='cuda:0'` as PyTorch does, and the first use
 * prints DiveLab's one-line notice ([Note: cuda on WebGPU] in src/engine/core/cuda-devices.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import { notebookSession } from './browser';

// 'auto', the default, keeps cuda off on a software adapter: ask for WebGPU (see backend-switch.test.ts)
const { app, run } = notebookSession(() => `${new URL('?backend=webgpu', inject('webUrl'))}`, { webgpu: true });

describe('cuda on WebGPU in browser mode', () => {
  it('torch.ones on cuda prints device=cuda:0 and the first use prints the notice', async () => {
    const shown = await run("import torch\nprint(torch.cuda.is_available(), torch.cuda.device_count())\nx = torch.ones(2, 3, device='cuda')\n(x + x).sum()");
    expect(shown).toMatch(/^True 1$/m);
    expect(shown).toMatch(/^DiveLab runs CUDA code with WebGPU \(.+\): float32 math on 'cuda:0' runs on this GPU, other dtypes and ops on the CPU\.$/m);
    expect(shown).toMatch(/^tensor\(12\., device='cuda:0'\)$/m);
    await expect.poll(() => app().page.locator('[data-testid="backend"]').innerText()).toMatch(/^CPU · .+ · cuda:0 on WebGPU \(.+\)$/);
  });

  it("mixing a cuda and a cpu tensor raises PyTorch's same-device error; .cpu() reads the values back", async () => {
    const shown = await run("y = x.cpu()\nprint(y.device, x.sum().item())\nx + y");
    expect(shown).toMatch(/^cpu 6\.0$/m);
    expect(shown).toContain('RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!');
    expect(shown).not.toContain('DiveLab runs CUDA code');
  });
});
