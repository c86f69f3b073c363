/**
 * @file cuda residency and GPU dispatch ([Note: cuda residency] in device.ts) against a synchronous stand-in
 * GPU: the reference kernels on plain Float32Arrays, counting what crosses the "bus". Every cuda result is
 * compared with the same op on the host.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referenceKernels } from '../backends/reference/kernels';
import type { KernelTable } from '../backends/backend';
import { pyapi } from '../autograd/pyapi';
import { binary, binaryInplace } from './binary';
import { fromFlat } from './creation';
import { adopt, gpuStats, isCuda, moveToCuda, release, setGpu, type SyncGpu } from './device';
import { toFlatArray } from './iterate';
import { matmul } from './linalg';
import { cumulative, mean, sum } from './reduce';
import { unary } from './unary';
import { clone, contiguous, permute, reshape, transpose } from './views';
import type { Tensor } from './tensor';

interface Bus { writes: number; reads: number; frees: number; kernels: string[] }

function fakeGpu(bus: Bus): SyncGpu<Float32Array> {
  const kernels = Object.fromEntries(Object.entries(referenceKernels).map(([name, f]) =>
    [name, (args: never) => { bus.kernels.push(name); (f as (a: never) => void)(args); }])) as unknown as KernelTable<Float32Array>;
  return {
    alloc: (_d, n) => new Float32Array(n),
    free: () => { bus.frees++; },
    write: (buf, data, offset = 0) => { bus.writes++; buf.set(data, offset); },
    readSync: (buf) => { bus.reads++; return buf.slice(); },
    kernels,
    maxRank: 8,
  };
}

let bus: Bus;
beforeEach(() => {
  bus = { writes: 0, reads: 0, frees: 0, kernels: [] };
  setGpu(fakeGpu(bus));
});
afterEach(() => setGpu(null));

const f32 = (values: number[], shape: number[] = [values.length]): Tensor => fromFlat(values, shape, 'float32');
const cuda = (t: Tensor): Tensor => {
  const c = fromFlat(toFlatArray(t), t.shape, t.dtype);
  adopt(c.storage);
  return c;
};
const values = (t: Tensor): number[] => toFlatArray(t);

describe('cuda residency', () => {
  it('runs float32 elementwise ops on the GPU and reads back only when the host asks', () => {
    const x = cuda(f32([1, 2, 3, 4]));
    const y = binary('mul', binary('add', x, x), { value: 0.5, kind: 'float' });
    expect(bus.kernels).toEqual(['binary', 'binaryScalar']);
    expect(isCuda(y)).toBe(true);
    expect(bus.reads).toBe(0);
    expect(bus.writes).toBe(1); // x went up once
    expect(values(y)).toEqual([1, 2, 3, 4]);
    expect(bus.reads).toBe(1);
    expect(values(y)).toEqual([1, 2, 3, 4]);
    expect(bus.reads).toBe(1); // cached on the host now
  });

  it('uploads again after a host-side write, and never after a GPU-side one', () => {
    const x = cuda(f32([1, 2, 3]));
    binaryInplace('add', x, { value: 1, kind: 'int' }); // GPU writes x
    expect(bus.kernels).toEqual(['binaryScalar']);
    expect(values(x)).toEqual([2, 3, 4]);
    const writes = bus.writes;
    x.storage.data[0] = 10; // as setitem does: a host write, then a version bump
    x.storage.version++;
    const y = binary('add', x, x);
    expect(bus.writes).toBe(writes + 1);
    expect(values(y)).toEqual([20, 6, 8]);
    binaryInplace('mul', x, { value: 2, kind: 'int' });
    const z = binary('add', x, x);
    expect(bus.writes).toBe(writes + 1);
    expect(values(z)).toEqual([40, 12, 16]);
  });

  it('computes ops without a GPU kernel on the host copy', () => {
    const x = cuda(f32([1, 4, 9]));
    const e = binary('eq', x, { value: 4, kind: 'int' });
    expect(bus.kernels).toEqual([]);
    expect(values(e)).toEqual([0, 1, 0]);
    const s = unary('sqrt', x);
    expect(bus.kernels).toEqual(['unary']);
    expect(values(s)).toEqual([1, 2, 3]);
  });

  it('computes dot and matrix-vector products with the GPU matmul', () => {
    const a = cuda(f32([1, 2, 3])), m = cuda(f32([1, 0, 0, 0, 1, 1], [2, 3]));
    expect(values(matmul(a, a))).toEqual([14]);
    expect(matmul(a, a).shape).toEqual([]);
    expect(values(matmul(m, a))).toEqual([1, 5]);
    expect(bus.kernels).toEqual(['matmul', 'matmul', 'matmul']);
  });

  it('copies on the GPU: clone, contiguous and reshape of a transposed cuda tensor, -0. and NaN kept', () => {
    const x = transpose(cuda(f32([1, -0, NaN, 4, 5, -Infinity], [2, 3])), 0, 1);
    const before = bus.kernels.length;
    const c = clone(x), k = contiguous(x), r = reshape(x, [6]);
    expect(bus.kernels.slice(before)).toEqual(['binaryScalar', 'binaryScalar', 'binaryScalar']);
    expect([c, k, r].every(isCuda)).toBe(true);
    expect(values(r).map((v) => Object.is(v, -0) ? '-0' : String(v))).toEqual(['1', '4', '-0', '5', 'NaN', '-Infinity']);
    expect(k.isContiguous && !x.isContiguous).toBe(true);
    expect(c.strides).toEqual([1, 3]); // clone keeps the layout, as PyTorch's preserve_format
  });

  it("a CPU leaf behind a device copy gets its gradient on the CPU, though backward ran on the GPU", () => {
    const T = pyapi as unknown as Record<string, (...a: unknown[]) => Tensor>;
    const x = f32([1, 2]);
    T.setRequiresGrad(x, true, 'method');
    const y = T.to(x, 'float32', true);
    moveToCuda(y.storage);
    (pyapi as unknown as { backward1(o: Tensor, g: null, r: boolean): void }).backward1(T.sum(T.binary('mul', y, 3, 'int'), null, false, null), null, false);
    expect(bus.kernels).toContain('binaryScalar');
    expect(isCuda(x.grad!)).toBe(false);
    expect(values(x.grad!)).toEqual([3, 3]);
  });

  it('keeps float64 cuda tensors on the host', () => {
    const x = fromFlat([1, 2], [2], 'float64');
    adopt(x.storage);
    expect(values(binary('add', x, x))).toEqual([2, 4]);
    expect(bus.kernels).toEqual([]);
  });

  it('uploads a host operand that meets a cuda one inside the core, and frees it after the kernel', () => {
    const x = cuda(f32([1, 2]));
    const y = binary('sub', x, f32([5, 5]));
    expect(values(y)).toEqual([-4, -3]);
    expect(bus.kernels).toEqual(['binary']);
    expect(bus.frees).toBe(1);
  });

  it('release() brings the values home and takes the storage off cuda', () => {
    const x = binary('add', cuda(f32([1, 2])), { value: 1, kind: 'int' });
    release(x.storage);
    expect(isCuda(x)).toBe(false);
    expect(values(x)).toEqual([2, 3]);
    expect(gpuStats().kernels).toBeGreaterThan(0);
  });

  it('matches the host on random broadcast, strided float32 ops, sums, cumsums and matmuls', () => {
    const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(shapeArb, fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.integer({ min: 0, max: 1000 }), (shape, opIx, flip, seed) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = Array.from({ length: n }, (_, i) => Math.fround(Math.sin(seed + i * 7.3) * 8));
      let host = f32(data, shape);
      if (flip && shape.length > 1) host = transpose(host, 0, shape.length - 1);
      const dev = flip && shape.length > 1 ? transpose(cuda(f32(data, shape)), 0, shape.length - 1) : cuda(host);
      const row = f32(data.slice(0, host.shape[host.ndim - 1]).map((v) => v + 1), [host.shape[host.ndim - 1]]);
      const op = (['add', 'sub', 'mul', 'div', 'maximum', 'minimum'] as const)[opIx];
      expect(values(binary(op, dev, cuda(row)))).toEqual(values(binary(op, host, row)));
      const d = shape.length - 1;
      expect(values(cumulative(dev, d, true))).toEqual(values(cumulative(host, d, true)));
      const hs = values(sum(host, [d], true)), ds = values(sum(dev, [d], true));
      ds.forEach((v, i) => expect(v).toBeCloseTo(hs[i], 3));
      expect(values(mean(dev))[0]).toBeCloseTo(values(mean(host))[0], 3);
      const k = host.shape[host.ndim - 1];
      const w = f32(Array.from({ length: k * 3 }, (_, i) => (i % 5) - 2), [k, 3]);
      const hm = values(matmul(host, w)), dm = values(matmul(dev, cuda(w)));
      dm.forEach((v, i) => expect(v).toBeCloseTo(hm[i], 3));
    }), { numRuns: 60 });
    expect(bus.kernels).toContain('matmul');
    expect(bus.kernels).toContain('sum');
    expect(bus.kernels).toContain('cumsum');
  });

  it('differentiates on the GPU: a cuda leaf gets a cuda gradient equal to the host one', () => {
    const T = pyapi as unknown as Record<string, (...a: unknown[]) => Tensor>;
    const x = cuda(f32([1, -2, 3, 0.5]));
    T.setRequiresGrad(x, true, 'method');
    const w = permute(cuda(f32([1, 2, 3, 4, 5, 6, 7, 8], [2, 4])), [1, 0]);
    const y = T.sum(T.binary('mul', T.matmul(x, w), T.matmul(x, w), null), null, false, null);
    (pyapi as unknown as { backward1(o: Tensor, g: null, r: boolean): void }).backward1(y, null, false);
    expect(isCuda(x.grad!)).toBe(true);
    const h = f32([1, -2, 3, 0.5]);
    T.setRequiresGrad(h, true, 'method');
    const hw = permute(f32([1, 2, 3, 4, 5, 6, 7, 8], [2, 4]), [1, 0]);
    const hy = T.sum(T.binary('mul', T.matmul(h, hw), T.matmul(h, hw), null), null, false, null);
    (pyapi as unknown as { backward1(o: Tensor, g: null, r: boolean): void }).backward1(hy, null, false);
    expect(values(x.grad!)).toEqual(values(h.grad!));
    expect(bus.kernels).toContain('matmul');
  });
});
