/** @file The backend switch from the UI's side: asking before a restart loses variables, the restart, the notice. */
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { switchBackend } from '../session';
import { useKernelStore } from './kernel';
import { FakeTransport } from '../engine/fake-transport';

const SOFTWARE = 'Only a software GPU (Google SwiftShader) was found; the CPU is faster, so DiveLab uses it.';
const MISSING = 'WebGPU is not available: this runtime has no WebGPU. DiveLab runs on the CPU instead.';

function setup() {
  setActivePinia(createPinia());
  const kernel = useKernelStore();
  const t = new FakeTransport();
  kernel.attach(t);
  const ready = (notice?: string) => {
    t.emit({ type: 'ready', startupMs: 10, fromSnapshot: true, backend: 'CPU · 2 threads', ...(notice ? { notice } : {}) });
    t.emit({ type: 'status', state: 'idle' });
  };
  return { kernel, t, ready };
}

describe('backend switch', () => {
  it("starts on 'auto' (nothing stored in Node) and tells the engine so", () => {
    const { kernel, t } = setup();
    expect(kernel.preference).toBe('auto');
    expect(t.sent).toEqual([{ type: 'configure', backend: 'auto' }]);
  });

  it('shows the fallback notice once, not again after a plain restart', () => {
    const { kernel, t, ready } = setup();
    ready(SOFTWARE);
    expect(kernel.notice).toEqual({ kind: 'info', text: SOFTWARE });
    expect(kernel.backendNotice).toBe(SOFTWARE);
    kernel.dismissNotice();
    kernel.restart();
    t.emit({ type: 'restarted', reason: 'user' });
    ready(SOFTWARE);
    expect(kernel.notice?.text).toBe('Kernel restarted. Variables are gone; run the cells again.');
    expect(kernel.backendNotice).toBe(SOFTWARE);
  });

  it('restarts a fresh kernel on the new backend without asking', () => {
    const { kernel, t, ready } = setup();
    ready();
    const ask = vi.fn(() => false);
    expect(switchBackend('cpu', ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(t.sent.at(-1)).toEqual({ type: 'restart', backend: 'cpu' });
    expect(kernel.preference).toBe('cpu');
    expect(kernel.state).toBe('restarting');
    t.emit({ type: 'restarted', reason: 'user' });
    expect(kernel.notice?.text).toBe('Compute backend set to CPU: the kernel restarted. Variables are gone; run the cells again.');
  });

  it('asks before a switch when the kernel has run code, and does nothing when the student says no', () => {
    const { kernel, t, ready } = setup();
    ready();
    kernel.client.execute('x = 1', { onOutput() {}, onDone() {} });
    const sent = t.sent.length;
    const no = vi.fn(() => false);
    expect(switchBackend('webgpu', no)).toBe(false);
    expect(no).toHaveBeenCalledWith('Switch the compute backend to WebGPU? The kernel restarts: its variables are lost (the notebook is kept).');
    expect(t.sent).toHaveLength(sent);
    expect(kernel.preference).toBe('auto');
    expect(switchBackend('webgpu', () => true)).toBe(true);
    expect(t.sent.at(-1)).toEqual({ type: 'restart', backend: 'webgpu' });
  });

  it("shows the new kernel's notice after a switch, as a warning when WebGPU was asked for and is missing", () => {
    const { kernel, t, ready } = setup();
    ready();
    switchBackend('webgpu', () => true);
    t.emit({ type: 'restarted', reason: 'user' });
    ready(MISSING);
    expect(kernel.notice).toEqual({ kind: 'warning', text: MISSING });
    // Switching back and forth shows the outcome each time, even when the words are the same.
    switchBackend('auto', () => true);
    t.emit({ type: 'restarted', reason: 'user' });
    ready(SOFTWARE);
    switchBackend('webgpu', () => true);
    t.emit({ type: 'restarted', reason: 'user' });
    ready(MISSING);
    expect(kernel.notice).toEqual({ kind: 'warning', text: MISSING });
  });

  it("tells a dead kernel's successor the new preference instead of restarting it, without asking", () => {
    const { kernel, t, ready } = setup();
    ready();
    kernel.client.execute('x = 1', { onOutput() {}, onDone() {} });
    t.emit({ type: 'status', state: 'dead' });
    const ask = vi.fn(() => false);
    expect(switchBackend('cpu', ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(t.sent).toContainEqual({ type: 'configure', backend: 'cpu' });
    const fresh = new FakeTransport();
    kernel.attach(fresh);
    expect(fresh.sent[0]).toEqual({ type: 'configure', backend: 'cpu' });
  });

  it('does nothing when the choice is the current one', () => {
    const { t, ready } = setup();
    ready();
    const before = t.sent.length;
    expect(switchBackend('auto', () => true)).toBe(false);
    expect(t.sent).toHaveLength(before);
  });
});
