/** @file The shared heap: alignment, reuse with coalescing, and growth that keeps old views valid. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Heap } from './heap';

const memory = () => new WebAssembly.Memory({ initial: 1, maximum: 1024, shared: true } as WebAssembly.MemoryDescriptor);

describe('Heap', () => {
  it('hands out 64-byte aligned, non-overlapping blocks and reuses freed ones', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 70_000 }), fc.boolean()), { maxLength: 60 }), (ops) => {
      const h = new Heap(memory());
      const live = new Map<number, number>();
      for (const [size, freeOne] of ops) {
        if (freeOne && live.size) { const [p] = live.keys(); h.release(p!); live.delete(p!); continue; }
        const p = h.alloc(size);
        expect(p % 64).toBe(0);
        for (const [q, s] of live) expect(p + size <= q || q + s <= p).toBe(true);
        live.set(p, size);
      }
      for (const p of [...live.keys()]) h.release(p);
      expect(h.inUse).toBe(0);
      // everything coalesced back: one allocation of the whole used range fits at the bottom again
      expect(h.alloc(64)).toBe(64);
    }));
  });

  it('growing the memory keeps earlier views valid and owned', () => {
    const h = new Heap(memory());
    const p = h.alloc(16);
    const v = new Float32Array(h.buffer, p, 4);
    v[3] = 42;
    h.alloc(5 << 20); // forces several pages of growth
    expect(v[3]).toBe(42);
    expect(new Float32Array(h.buffer, p, 4)[3]).toBe(42);
    expect(h.owns(v)).toBe(true);
    expect(h.owns(new Float32Array(4))).toBe(false);
  });

  it('rejects a free of an address it never gave out', () => {
    expect(() => new Heap(memory()).release(128)).toThrow(/unknown address/);
  });
});

describe('CpuBackend storage', () => {
  it('allocArray gives heap arrays of any element type, and free returns their bytes', async () => {
    const { createNodeCpuBackend } = await import('../../../engine/node/cpu-backend');
    const cpu = await createNodeCpuBackend({ threads: 1 });
    const before = cpu.rt.heap.inUse;
    const ints = cpu.allocArray(BigInt64Array, 5), bools = cpu.allocArray(Uint8Array, 3);
    ints[4] = 7n; bools[2] = 1;
    expect(cpu.isShared(ints) && cpu.isShared(bools)).toBe(true);
    expect(ints.byteOffset % 64).toBe(0);
    expect(cpu.rt.heap.inUse).toBe(before + 128);
    cpu.free(ints); cpu.free(bools);
    cpu.free(bools); // a second free is ignored
    expect(cpu.rt.heap.inUse).toBe(before);
    cpu.dispose();
  });
});
