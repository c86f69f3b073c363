/**
 * @file The `cuda` device in the tensor core: which storages live on the GPU, and the ops that run there.
 *
 * [Note: cuda residency] A cuda storage (`storage.dev` is a Cuda) keeps its values in a GPU buffer and a host
 * array, either of which may be stale:
 *  - a GPU kernel that writes the storage makes the host copy stale (`hostValid = false`);
 *  - reading `storage.data` (printing, `.item()`, every op without a GPU kernel) reads the buffer back once,
 *    blocking like PyTorch's `.item()`, and caches it (`hostValid = true`);
 *  - host code writes only through `data` and bumps `storage.version` (autograd relies on that), so a version
 *    that moved since the last agreement means the host copy is newer: the next GPU kernel uploads it first.
 * Ops with a GPU kernel (elementwise add/sub/mul/div/maximum/minimum, neg/abs/sqrt, sum/mean over all dims or
 * one, cumsum, matmul) run there when an operand is a float32 cuda tensor; everything else computes on the host
 * copy and the device layer (src/engine/core/cuda-devices.ts) puts its result on cuda. So semantics never
 * depend on which ops have kernels, only speed does. WebGPU has no float64: float64 cuda tensors stay on the host.
 * Without a GPU (`setGpu(null)`, the Node CLI) cuda storages are host storages with a device tag.
 */
import { UNARY_OPS, type BinaryOp as KernelBinaryOp, type KernelTable, type UnaryOp as KernelUnaryOp, type View as KernelView } from '../backends/backend';
import type { DType, StorageArray } from './dtype';
import type { Operand } from './scalar';
import { deviceStorage, type Residency, type Storage } from './storage';
import { contiguousStrides, numelOf, Tensor, type Shape } from './tensor';

/** A GPU as the core drives it: kernels are queued, reads block (RemoteGpu in src/shared/backends/webgpu/remote.ts). */
export interface SyncGpu<B = unknown> {
  alloc(dtype: 'float32', length: number): B;
  free(buf: B): void;
  write(buf: B, data: Float32Array | Float64Array, offset?: number): void;
  readSync(buf: B): Float32Array;
  readonly kernels: KernelTable<B>;
  /** The most dimensions its kernels take; bigger tensors compute on the host. */
  readonly maxRank: number;
}

/**
 * [Note: freeing GPU buffers] A buffer is freed when the garbage collector finalizes its storage. That has two
 * limits: the collector does not feel GPU memory, and finalization callbacks only run when the thread returns to
 * its event loop, which the Python worker does between cells, not while one runs. So a long loop inside one
 * cell piles buffers up until the next cell. Past GPU_BUDGET_BYTES new results are computed on the host instead
 * (still on cuda and correct, just slower) until buffers are freed. Sweeping WeakRefs mid-cell does not help:
 * V8 does not collect the small storage objects without heap pressure, and every `deref()` of a not yet
 * collected storage keeps it alive until the cell ends.
 */
export const GPU_BUDGET_BYTES = 1024 * 1024 * 1024;

interface Held { buf: unknown; bytes: number; owner: SyncGpu }

let gpu: SyncGpu | null = null;
let gpuBytes = 0;
let kernelCount = 0;
const finalizer = new FinalizationRegistry<Held>(({ buf, bytes, owner }) => {
  if (owner !== gpu) return; // the GPU it lived on is gone (a new executor after a restart)
  gpuBytes -= bytes;
  owner.free(buf);
});

/** Installs the GPU that cuda float32 storages live on (null: cuda tensors are host storages with a tag). */
export function setGpu<B>(g: SyncGpu<B> | null): void {
  gpu = g as SyncGpu | null;
  gpuBytes = 0;
}

/** How many GPU kernels the core has queued, and the bytes its live buffers hold (tests, the status view). */
export const gpuStats = (): { kernels: number; bytes: number } => ({ kernels: kernelCount, bytes: gpuBytes });

/** Waits until every queued kernel has run: a one-element buffer is written and read back behind them. */
export function synchronizeGpu(): void {
  const g = gpu;
  if (g === null) return;
  const b = g.alloc('float32', 1);
  g.readSync(b);
  g.free(b);
}

class Cuda implements Residency {
  buf: unknown = null;
  gpuValid = false;
  /** `storage.version` when the host copy and the GPU buffer last agreed. */
  synced = -1;
  constructor(public hostValid: boolean) {}

  pull(s: Storage): StorageArray {
    if (!this.hostValid) {
      s.setHostArray(gpu!.readSync(this.buf));
      this.hostValid = true;
      this.synced = s.version;
    }
    return s.hostArray()!;
  }
}

export const isCuda = (t: Tensor): boolean => t.storage.dev !== null;

/** Puts a host storage on cuda (its values stay on the host until a GPU kernel needs them). */
export function adopt(s: Storage): void {
  if (s.dev === null) s.dev = new Cuda(true);
}

/**
 * Puts a storage on cuda and, for float32 with a GPU, sends its values now, as `.cuda()` copies at once in
 * PyTorch (so `torch.cuda.memory_allocated()` counts it, and the first kernel does not pay the copy).
 */
export function moveToCuda(s: Storage): void {
  adopt(s);
  if (gpu !== null && s.dtype === 'float32' && fits(s.length)) bufferOf(s, s.dev as Cuda);
}

/**
 * Puts a fresh `result` on `like`'s device: a leaf's gradient, made by whichever ops backward ran (on the GPU
 * for a CPU leaf behind `x.cuda()`, on the host for some ops of a cuda leaf), lives where the leaf does.
 */
export function followDevice(result: Tensor, like: Tensor): void {
  if (like.storage.dev !== null) adopt(result.storage);
  else if (result.storage.dev !== null) release(result.storage);
}

/** Takes a storage off cuda: the host copy becomes the values, the GPU buffer goes with the storage's collection. */
export function release(s: Storage): void {
  if (s.dev === null) return;
  void s.data; // read back what only the GPU has
  s.dev = null;
}

const onGpu = (t: Tensor): boolean => gpu !== null && t.dtype === 'float32' && t.storage.dev instanceof Cuda && t.ndim <= gpu.maxRank;

function allocBuffer(s: Storage, c: Cuda): void {
  const g = gpu!;
  c.buf = g.alloc('float32', s.length);
  const held: Held = { buf: c.buf, bytes: s.length * 4, owner: g };
  gpuBytes += held.bytes;
  finalizer.register(s, held);
}

/** The storage's GPU buffer, allocated and uploaded as needed ([Note: cuda residency]). */
function bufferOf(s: Storage, c: Cuda): unknown {
  const g = gpu!;
  if (c.buf === null) allocBuffer(s, c);
  if (!c.gpuValid || (c.hostValid && s.version !== c.synced)) {
    g.write(c.buf, s.hostArray()! as Float32Array | Float64Array);
    c.gpuValid = true;
    c.synced = s.version;
  }
  return c.buf;
}

/** A new float32 cuda tensor whose values the next kernel writes. */
function gpuEmpty(shape: Shape, strides: readonly number[] = contiguousStrides(shape)): Tensor {
  const n = numelOf(shape);
  const s = deviceStorage('float32', n);
  const c = new Cuda(false);
  s.dev = c;
  allocBuffer(s, c);
  c.gpuValid = true;
  return new Tensor(s, shape.slice(), strides.slice(), 0);
}

/** After a kernel wrote into `t`'s storage: the GPU has the newest values; bumps the version as any write does. */
function written(t: Tensor): void {
  const c = t.storage.dev as Cuda;
  t.storage.version++;
  c.hostValid = false;
  c.gpuValid = true;
  c.synced = t.storage.version;
}

/** Room on the GPU for `elements` more float32 values ([Note: freeing GPU buffers]). */
const fits = (elements: number): boolean => gpuBytes + elements * 4 <= GPU_BUDGET_BYTES;

/**
 * The kernel view of a tensor operand broadcast to `shape` (stride 0 where expanded). Operands not on the GPU
 * (a host tensor reaching a cuda op from inside autograd) are uploaded into a buffer freed after the kernel.
 */
function viewOf(t: Tensor, shape: Shape, temps: unknown[]): KernelView<unknown> {
  const pad = shape.length - t.ndim;
  const strides = shape.map((n, d) => (d < pad || t.shape[d - pad] === 1 && n !== 1 ? 0 : t.strides[d - pad]));
  if (onGpu(t)) return { buf: bufferOf(t.storage, t.storage.dev as Cuda), offset: t.offset, strides };
  const host = t.storage.data;
  const buf = gpu!.alloc('float32', host.length);
  gpu!.write(buf, host instanceof Float32Array ? host : Float32Array.from(host as ArrayLike<number>));
  temps.push(buf);
  return { buf, offset: t.offset, strides };
}

function run(temps: unknown[], launch: () => void): void {
  launch();
  kernelCount++;
  for (const b of temps) gpu!.free(b); // frees queue after the kernel that reads them
}

const isTensorOperand = (o: Operand): o is Tensor => o instanceof Tensor;
const GPU_BINARY = new Set<string>(['add', 'sub', 'mul', 'div', 'maximum', 'minimum']);
const GPU_UNARY = new Set<string>(UNARY_OPS);

/** A scalar a cuda op may take by value: a Python number, or a 0-dim tensor on the host (PyTorch allows CPU scalars). */
function scalarValue(o: Operand): number | null {
  if (!isTensorOperand(o)) return o.value;
  return o.ndim === 0 && o.storage.dev === null ? o.storage.data[o.offset] as number : null;
}

/**
 * `a op b` on the GPU when an operand is a float32 cuda tensor and the op computes in float32; null leaves it to
 * the host loops. `out` is the in-place target (already checked for shape and overlap); `strides` the layout of
 * a new result (binary.ts's elementwiseStrides).
 */
export function gpuBinary(op: string, a: Operand, b: Operand, shape: Shape, compute: DType, result: DType, out: Tensor | null, strides: () => number[]): Tensor | null {
  if (gpu === null || compute !== 'float32' || result !== 'float32' || !GPU_BINARY.has(op)) return null;
  const ta = isTensorOperand(a) ? a : null, tb = isTensorOperand(b) ? b : null;
  if (!(ta !== null && onGpu(ta)) && !(tb !== null && onGpu(tb))) return null;
  if (out !== null && !onGpu(out)) return null;
  const n = numelOf(shape);
  if (n === 0 || shape.length > gpu.maxRank || (out === null && !fits(n))) return null;
  const target = out ?? gpuEmpty(shape, strides());
  const temps: unknown[] = [];
  const o = viewOf(target, shape, temps);
  const k = gpu.kernels, bop = op as KernelBinaryOp;
  const sa = ta !== null && onGpu(ta) ? null : scalarValue(a), sb = tb !== null && onGpu(tb) ? null : scalarValue(b);
  if (sb !== null) run(temps, () => k.binaryScalar({ op: bop, a: viewOf(ta!, shape, temps), scalar: sb, scalarFirst: false, out: o, shape }));
  else if (sa !== null) run(temps, () => k.binaryScalar({ op: bop, a: viewOf(tb!, shape, temps), scalar: sa, scalarFirst: true, out: o, shape }));
  else run(temps, () => k.binary({ op: bop, a: viewOf(ta!, shape, temps), b: viewOf(tb!, shape, temps), out: o, shape }));
  written(target);
  return target;
}

/**
 * A copy of a float32 cuda tensor made on the GPU, laid out with `strides` (clone, contiguous, reshape of a
 * non-contiguous view); null otherwise. It is `t * 1`, which gives back every float32 bit pattern's value,
 * -0., infinities and NaN included.
 */
export function gpuCopy(t: Tensor, strides: readonly number[]): Tensor | null {
  if (!onGpu(t) || t.numel === 0 || !fits(t.numel)) return null;
  return gpuBinary('mul', t, { value: 1, kind: 'float' }, t.shape, 'float32', 'float32', null, () => strides.slice());
}

/** neg/abs/sqrt of a float32 cuda tensor on the GPU (into `out` when in place); null otherwise. */
export function gpuUnary(op: string, t: Tensor, result: DType, out: Tensor | null, strides: () => number[]): Tensor | null {
  if (!onGpu(t) || result !== 'float32' || !GPU_UNARY.has(op) || (out !== null && !onGpu(out))) return null;
  const n = t.numel;
  if (n === 0 || (out === null && !fits(n))) return null;
  const target = out ?? gpuEmpty(t.shape, strides());
  const temps: unknown[] = [];
  run(temps, () => gpu!.kernels.unary({ op: op as KernelUnaryOp, a: viewOf(t, t.shape, temps), out: viewOf(target, t.shape, temps), shape: t.shape }));
  written(target);
  return target;
}

/** Batched float32 matmul [b, m, k] · [b, k, n] on the GPU when an operand is on cuda; null otherwise. */
export function gpuBmm(a: Tensor, b: Tensor): Tensor | null {
  if (gpu === null || a.dtype !== 'float32' || b.dtype !== 'float32' || !(onGpu(a) || onGpu(b))) return null;
  const [bs, m, k] = a.shape, n = b.shape[2];
  if (bs * m * n === 0 || !fits(bs * m * n)) return null;
  if (k === 0) return null; // zeros: the host loop makes them without a kernel
  const out = gpuEmpty([bs, m, n]);
  const temps: unknown[] = [];
  const va = viewOf(a, a.shape, temps), vb = viewOf(b, b.shape, temps), vo = viewOf(out, out.shape, temps);
  run(temps, () => {
    for (let i = 0; i < bs; i++) {
      gpu!.kernels.matmul({
        a: { buf: va.buf, offset: va.offset + i * va.strides[0], strides: [va.strides[1], va.strides[2]] },
        b: { buf: vb.buf, offset: vb.offset + i * vb.strides[0], strides: [vb.strides[1], vb.strides[2]] },
        out: { buf: vo.buf, offset: i * m * n, strides: [n, 1] },
        m, n, k,
      });
    }
  });
  written(out);
  return out;
}

/**
 * The float32 sum of a cuda tensor over all dims or one (`dims` resolved and sorted), shaped `outShape`, divided
 * by `divisor` unless it is 1 (mean); null for other reductions.
 */
export function gpuSum(t: Tensor, dims: readonly number[], outShape: Shape, divisor: number): Tensor | null {
  if (!onGpu(t) || t.numel === 0 || t.ndim === 0 || !(dims.length === t.ndim || dims.length === 1)) return null;
  const outN = numelOf(outShape);
  if (!fits(2 * outN)) return null;
  const dim = dims.length === t.ndim ? null : dims[0]!;
  const temps: unknown[] = [];
  const sums = gpuEmpty(outShape);
  const kept = dim === null ? [] : t.shape.filter((_, d) => d !== dim);
  const a = viewOf(t, t.shape, temps);
  run(temps, () => gpu!.kernels.sum({ a, out: { buf: bufferOf(sums.storage, sums.storage.dev as Cuda), offset: 0, strides: contiguousStrides(kept) }, shape: t.shape, dim }));
  written(sums);
  if (divisor === 1) return sums;
  return gpuBinary('div', sums, { value: divisor, kind: 'float' }, outShape, 'float32', 'float32', null, () => contiguousStrides(outShape));
}

/** Running float32 sum of a cuda tensor along `dim` on the GPU; null otherwise. */
export function gpuCumsum(t: Tensor, dim: number, result: DType): Tensor | null {
  if (!onGpu(t) || result !== 'float32' || t.ndim === 0 || t.numel === 0 || !fits(t.numel)) return null;
  const out = gpuEmpty(t.shape);
  const temps: unknown[] = [];
  run(temps, () => gpu!.kernels.cumsum({ a: viewOf(t, t.shape, temps), out: viewOf(out, t.shape, temps), shape: t.shape, dim }));
  written(out);
  return out;
}
