/** @file Backend choice and its messages: explicit CPU, WebGPU with fallback, and auto avoiding software GPUs. */
import { describe, expect, it } from 'vitest';
import { cudaLabel, cudaNotice, probeWebGpu, resolveBackend } from './select';

const hw = { ok: true, adapter: 'nvidia hopper', software: false } as const;
const sw = { ok: true, adapter: 'google swiftshader', software: true } as const;
const none = { ok: false, reason: 'no GPU adapter was found' } as const;

describe('backend selection', () => {
  it('the cpu setting always means the CPU, without a notice', () => {
    expect(resolveBackend('cpu', hw, 2)).toEqual({ active: 'cpu', label: 'CPU · 2 threads' });
  });

  it('asking for WebGPU on a machine without it falls back to the CPU and says why', () => {
    expect(resolveBackend('webgpu', none, 1)).toEqual({
      active: 'cpu', label: 'CPU · 1 thread',
      notice: 'WebGPU is not available: no GPU adapter was found. DiveLab runs on the CPU instead.',
    });
    expect(resolveBackend('webgpu', sw, 2).active).toBe('webgpu');
  });

  it('auto takes a hardware GPU but not a software one', () => {
    expect(resolveBackend('auto', hw, 2)).toEqual({ active: 'webgpu', label: 'WebGPU · nvidia hopper' });
    expect(resolveBackend('auto', sw, 2)).toMatchObject({ active: 'cpu', notice: expect.stringContaining('software GPU') });
    expect(resolveBackend('auto', none, 2)).toEqual({ active: 'cpu', label: 'CPU · 2 threads' });
  });

  it('probing reports a runtime without WebGPU and an adapter that is missing', async () => {
    expect(await probeWebGpu(undefined)).toEqual({ ok: false, reason: 'this runtime has no WebGPU' });
    const gpu = { requestAdapter: async () => null } as unknown as GPU;
    expect(await probeWebGpu(gpu)).toEqual({ ok: false, reason: 'no GPU adapter was found' });
    const soft = { requestAdapter: async () => ({ isFallbackAdapter: true, info: { vendor: 'google', architecture: 'swiftshader' } }) } as unknown as GPU;
    expect(await probeWebGpu(soft)).toEqual({ ok: true, adapter: 'google swiftshader', software: true });
  });

  it('the CUDA notice names the adapter', () => {
    expect(cudaNotice('nvidia hopper')).toBe("DiveLab runs CUDA code with WebGPU (nvidia hopper): float32 math on 'cuda:0' runs on this GPU, other dtypes and ops on the CPU.");
    expect(cudaLabel('google swiftshader')).toBe('cuda:0 on WebGPU (google swiftshader)');
  });
});
