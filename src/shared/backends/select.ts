/// <reference types="@webgpu/types" />
/**
 * @file Which backend runs a notebook's tensors, and the words the UI shows about it: the settings switch
 * (cpu / webgpu / auto), the status-bar label, and the fallback message when WebGPU is missing. Kept free of
 * UI code so the engine, the renderer and tests share one decision.
 * `auto` takes WebGPU only on a hardware adapter: the software one (SwiftShader) is slower than the CPU backend.
 */

export type BackendPreference = 'cpu' | 'webgpu' | 'auto';

export type WebGpuProbe =
  | { ok: true; adapter: string; software: boolean }
  | { ok: false; reason: string };

export interface BackendStatus {
  active: 'cpu' | 'webgpu';
  /** Short text for the status bar. */
  label: string;
  /** Set when the choice differs from what was asked, or needs explaining; shown once. */
  notice?: string;
}

/** Looks for a WebGPU adapter without creating a device. */
export async function probeWebGpu(gpu: GPU | undefined = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu): Promise<WebGpuProbe> {
  if (!gpu) return { ok: false, reason: 'this runtime has no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ok: false, reason: 'no GPU adapter was found' };
    const info = (adapter as { info?: { vendor?: string; architecture?: string; description?: string } }).info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown GPU';
    const software = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true || /swiftshader/i.test(name);
    return { ok: true, adapter: name, software };
  } catch (e) {
    return { ok: false, reason: `requesting a GPU adapter failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

export function resolveBackend(pref: BackendPreference, probe: WebGpuProbe, cpuThreads: number): BackendStatus {
  const cpu = `CPU · ${cpuThreads} thread${cpuThreads === 1 ? '' : 's'}`;
  if (pref === 'cpu') return { active: 'cpu', label: cpu };
  if (!probe.ok) {
    return pref === 'webgpu'
      ? { active: 'cpu', label: cpu, notice: `WebGPU is not available: ${probe.reason}. DiveLab runs on the CPU instead.` }
      : { active: 'cpu', label: cpu };
  }
  if (pref === 'auto' && probe.software) {
    return { active: 'cpu', label: cpu, notice: `Only a software GPU (${probe.adapter}) was found; the CPU is faster, so DiveLab uses it.` };
  }
  return { active: 'webgpu', label: `WebGPU · ${probe.adapter}` };
}

/** The one-line notice printed the first time a notebook uses `cuda`. */
export const cudaNotice = (adapter: string): string =>
  `DiveLab runs CUDA code with WebGPU (${adapter}): float32 math on 'cuda:0' runs on this GPU, other dtypes and ops on the CPU.`;

/** The status bar's note that `cuda` exists, added to the backend label ([Note: cuda on WebGPU] in cuda-devices.ts). */
export const cudaLabel = (adapter: string): string => `cuda:0 on WebGPU (${adapter})`;
