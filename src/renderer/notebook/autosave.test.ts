import { describe, expect, it, vi } from 'vitest';
import { AutosaveScheduler } from './autosave';

describe('AutosaveScheduler', () => {
  it('writes once after the edits go quiet', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const s = new AutosaveScheduler(write, { quietMs: 800, maxWaitMs: 3000 }, globalThis, Date.now);
    s.changed();
    await vi.advanceTimersByTimeAsync(500);
    s.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(write).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('writes within maxWaitMs of the first edit even while typing goes on', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const s = new AutosaveScheduler(write, { quietMs: 800, maxWaitMs: 3000 }, globalThis, Date.now);
    for (let t = 0; t < 3200; t += 200) {
      s.changed();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(write).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('flushes at once on request and does nothing when nothing changed', async () => {
    const write = vi.fn(async () => {});
    const s = new AutosaveScheduler(write);
    await s.flush();
    expect(write).not.toHaveBeenCalled();
    s.changed();
    expect(s.pending).toBe(true);
    await s.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect(s.pending).toBe(false);
  });
});
