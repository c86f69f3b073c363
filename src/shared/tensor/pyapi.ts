/**
 * @file The tensor core as Python sees it: `from _divelab_js import tensor`. core-layers.ts registers autograd's
 * pyapi (src/shared/autograd/pyapi.ts), which spreads this object and overrides a few entries.
 *
 * Designed for a thin Python facade making about one JS call per Python op (each call costs ~4–5 µs):
 *
 * - Tensors cross as handles: the JS Tensor object (a JsProxy in Python). Read its fields directly:
 *   `h.dtype` ('float32' | 'float64' | 'int64' | 'int32' | 'uint8' | 'bool'), `h.shape`, `h.strides` (JS arrays),
 *   `h.offset`, `h.numel`, `h.ndim`, `h.dataPtr`, `h._version`, `h.storage.id`, `h.isContiguous`,
 *   `h.requiresGrad`, `h.grad`, `h.gradFn`, `h.isLeaf`. `h.storage.data` is the typed array to share memory
 *   with (NumPy views): small storages sit at a byteOffset inside a shared slab, so never use `.buffer` alone.
 * - Python scalars cross as (value, kind) with kind 'bool' | 'int' | 'float' decided in Python (JS cannot tell
 *   3.0 from 3); ints beyond 2**53 arrive as BigInt and are checked (see [Note: int64 storage] in dtype.ts).
 *   Where an operand may be a tensor or a scalar, pass kind null/None for a tensor.
 * - Shapes and dim lists may be JS arrays or Python lists/tuples (PyProxies are converted with toJs()).
 * - dtype arguments are the names above or null for "infer / default".
 * - item() returns a JS number (Python must float() it for floating dtypes: Pyodide turns integral numbers into
 *   int) or a boolean; tolist() returns JSON that json.loads turns into exactly PyTorch's nested list.
 * - Errors are PyError (src/shared/errors.ts) carrying the Python exception type and PyTorch's message.
 * - Ops go through the op table (ops.ts, [Note: op table]) so that autograd's versions run once installed.
 * - Call cost from Pyodide (measured on a loaded 2-core machine, so only the ratios mean much): reading a function
 *   off this object (`tensor.binary`) makes a fresh proxy each time (~2–4 µs); keep module-level references to
 *   the functions you call. Returning a new tensor handle costs ~2 µs; the JS work of a 4-element add ~0.7 µs.
 *
 * Names here are stable; the Python engineer may append helpers in the marked section at the end.
 */
import { indexError, runtimeError } from '../errors';
import { canCast, type BinaryOp } from './binary';
import { copyInto, fillInto } from './copy';
import { item, tolistJson } from './convert';
import * as C from './creation';
import { DTYPES, getDefaultDtype, promoteTypes, setDefaultDtype, type DType, type ScalarKind } from './dtype';
import { formatTensor, setPrintOptions, tupleRepr } from './format';
import { nonzero, type IndexObj } from './indexing';
import { assertNoInternalOverlap, assertNoPartialOverlap } from './layout';
import { ops } from './ops';
import * as R from './random';
import { scalar, type Operand } from './scalar';
import { broadcastShapes, sizeRepr, wrapDim } from './shape';
import { bumpVersion, storageBase, type Tensor } from './tensor';
import type { UnaryOp } from './unary';
import { stack } from './join';

type Maybe<T> = T | null | undefined;
type ListLike = readonly unknown[] | { toJs(o?: unknown): unknown } | number;

/** A JS array from a JS array, a Python list/tuple proxy, or a lone number. */
function list<T = number>(x: ListLike): T[] {
  if (Array.isArray(x)) return x as T[];
  if (typeof x === 'number') return [x as unknown as T];
  if (x !== null && typeof x === 'object' && 'toJs' in x) return (x as { toJs(o?: unknown): unknown }).toJs({ depth: -1 }) as T[];
  if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>) as T[];
  throw runtimeError(`expected a list, got ${typeof x}`);
}
const dims = (x: Maybe<ListLike>): number | number[] | null => (x === null || x === undefined ? null : typeof x === 'number' ? x : list(x));
const dt = (d: Maybe<string>): DType | null => (d ?? null) as DType | null;
/** An operand: a tensor handle (kind null) or a Python scalar with its kind. */
const opnd = (v: unknown, kind: Maybe<string>): Operand =>
  kind === null || kind === undefined ? (v as Tensor) : scalar(v as number | boolean | bigint, kind as ScalarKind);
const optOpnd = (v: unknown, kind: Maybe<string>): Operand | null => (v === null || v === undefined ? null : opnd(v, kind));

export const pyapi = {
  // ---- dtypes and options -------------------------------------------------------------------------------------
  dtypes: DTYPES,
  getDefaultDtype: (): string => getDefaultDtype(),
  setDefaultDtype: (d: string): void => setDefaultDtype(d as DType),
  promoteTypes: (a: string, b: string): string => promoteTypes(a as DType, b as DType),
  canCast: (from: string, to: string): boolean => canCast(from as DType, to as DType),
  setPrintOptions(precision: Maybe<number>, threshold: Maybe<number>, edgeitems: Maybe<number>, linewidth: Maybe<number>,
    profile: Maybe<string>, sciMode: Maybe<boolean>): void {
    setPrintOptions({
      precision: precision ?? undefined, threshold: threshold ?? undefined, edgeitems: edgeitems ?? undefined,
      linewidth: linewidth ?? undefined, profile: (profile ?? null) as 'default' | null, sciMode: sciMode ?? null,
    });
  },

  // ---- creation -----------------------------------------------------------------------------------------------
  /** torch.tensor(data): nested lists of numbers/bools (or JS arrays); kind = widest Python kind seen, if known. */
  tensor: (data: unknown, dtype: Maybe<string>, kind: Maybe<string>): Tensor => {
    const d = data !== null && typeof data === 'object' && 'toJs' in (data as object) ? list(data as ListLike) : data;
    return C.tensorFromNested(d as C.Nested, dt(dtype), (kind ?? null) as ScalarKind | null);
  },
  /** A tensor from row-major values (array, typed array or Python list) and a shape. */
  fromFlat: (flat: ListLike | ArrayLike<number>, shape: ListLike, dtype: string): Tensor =>
    C.fromFlat(ArrayBuffer.isView(flat) ? (flat as unknown as ArrayLike<number>) : list(flat as ListLike), list(shape), dtype as DType),
  scalarTensor: (value: number | boolean | bigint, kind: string, dtype: Maybe<string>): Tensor =>
    C.scalarTensor(value, kind as ScalarKind, dt(dtype)),
  arange: (start: number, end: number, step: number, anyFloat: boolean, dtype: Maybe<string>): Tensor =>
    C.arange(start, end, step, anyFloat, dt(dtype)),
  zeros: (shape: ListLike, dtype: Maybe<string>): Tensor => C.zeros(list(shape), dt(dtype)),
  ones: (shape: ListLike, dtype: Maybe<string>): Tensor => C.ones(list(shape), dt(dtype)),
  empty: (shape: ListLike, dtype: Maybe<string>): Tensor => C.empty(list(shape), dt(dtype)),
  full: (shape: ListLike, value: number | boolean, kind: string, dtype: Maybe<string>): Tensor =>
    C.full(list(shape), value, kind as ScalarKind, dt(dtype)),
  zerosLike: (t: Tensor, dtype: Maybe<string>): Tensor => C.zerosLike(t, dt(dtype)),
  onesLike: (t: Tensor, dtype: Maybe<string>): Tensor => C.onesLike(t, dt(dtype)),
  emptyLike: (t: Tensor, dtype: Maybe<string>): Tensor => C.zerosLike(t, dt(dtype)),
  fullLike: (t: Tensor, value: number | boolean, dtype: Maybe<string>): Tensor => C.fullLike(t, value, dt(dtype)),
  eye: (n: number, m: Maybe<number>, dtype: Maybe<string>): Tensor => C.eye(n, m ?? null, dt(dtype)),
  linspace: (start: number, end: number, steps: number, dtype: Maybe<string>): Tensor => C.linspace(start, end, steps, dt(dtype)),
  rand: (shape: ListLike, dtype: Maybe<string>): Tensor => R.rand(list(shape), dt(dtype)),
  randn: (shape: ListLike, dtype: Maybe<string>): Tensor => R.randn(list(shape), dt(dtype)),
  randint: (low: number, high: number, shape: ListLike, dtype: Maybe<string>): Tensor => R.randint(low, high, list(shape), dt(dtype)),
  normal: (mean: number, std: number, shape: ListLike, dtype: Maybe<string>): Tensor => R.normal(mean, std, list(shape), dt(dtype)),
  randperm: (n: number, dtype: Maybe<string>): Tensor => R.randperm(n, dt(dtype)),
  manualSeed: (seed: number | bigint): void => R.manualSeed(seed),

  // ---- views and copies ---------------------------------------------------------------------------------------
  view: (t: Tensor, shape: ListLike): Tensor => ops.view(t, list(shape)),
  reshape: (t: Tensor, shape: ListLike): Tensor => ops.reshape(t, list(shape)),
  transpose: (t: Tensor, d0: number, d1: number): Tensor => ops.transpose(t, d0, d1),
  /** t.t() (≤ 2-D). */
  t: (t: Tensor): Tensor => ops.t2(t),
  /** t.T: all dims reversed (Python warns for ndim != 2 as PyTorch 1.13 does). */
  T: (t: Tensor): Tensor => ops.reverseDims(t),
  permute: (t: Tensor, order: ListLike): Tensor => ops.permute(t, list(order)),
  expand: (t: Tensor, sizes: ListLike): Tensor => ops.expand(t, list(sizes)),
  squeeze: (t: Tensor, dim: Maybe<number>): Tensor => ops.squeeze(t, dim ?? null),
  unsqueeze: (t: Tensor, dim: number): Tensor => ops.unsqueeze(t, dim),
  flatten: (t: Tensor, start: number, end: number): Tensor => ops.flatten(t, start, end),
  narrow: (t: Tensor, dim: number, start: number, length: number): Tensor => ops.narrow(t, dim, start, length),
  /** `t[i]` along `dim` (t[:, i] is select(t, 1, i)), with indexing's error text. */
  select: (t: Tensor, dim: number, i: number): Tensor => {
    if (t.ndim > 0) {
      const d = wrapDim(dim, t.ndim), size = t.shape[d];
      if (i < -size || i >= size) throw indexError(`index ${i} is out of bounds for dimension ${d} with size ${size}`);
    }
    return t.ndim === 0 ? ops.getIndex(t, [0, i], []) : ops.select(t, dim, i);
  },
  /** torch.select / Tensor.select(dim, i), whose out-of-range text differs from indexing's. */
  selectMethod: (t: Tensor, dim: number, i: number): Tensor => ops.select(t, dim, i),
  /** `t[i]` for a Python int i: the common case of getIndex in one short call. */
  index: (t: Tensor, i: number): Tensor => ops.getIndex(t, [0, i], []),
  contiguous: (t: Tensor): Tensor => ops.contiguous(t),
  clone: (t: Tensor): Tensor => ops.clone(t),
  /** A new handle on the same storage with no autograd history (tensor.detach()). */
  detach: (t: Tensor): Tensor => ops.alias(t),

  // ---- elementwise --------------------------------------------------------------------------------------------
  /** `a op b`; b is a tensor (bKind null) or a Python scalar of bKind. Ops: see BinaryOp in binary.ts. */
  binary: (op: string, a: Tensor, b: unknown, bKind: Maybe<string>): Tensor => ops.binary(op as BinaryOp, a, opnd(b, bKind)),
  /** `s op t` with the Python scalar on the left (2 - x, 2 ** x). */
  rbinary: (op: string, s: unknown, sKind: string, t: Tensor): Tensor => ops.binary(op as BinaryOp, opnd(s, sKind), t),
  /** `a op= b`: returns `a` itself. */
  binary_: (op: string, a: Tensor, b: unknown, bKind: Maybe<string>): Tensor => ops.binaryInplace(op as BinaryOp, a, opnd(b, bKind)),
  /** Ops: see UnaryOp in unary.ts. */
  unary: (op: string, t: Tensor): Tensor => ops.unary(op as UnaryOp, t),
  unary_: (op: string, t: Tensor): Tensor => ops.unaryInplace(op as UnaryOp, t),
  /** Python's `~t` (TypeError for floats, unlike torch.bitwise_not). */
  invert: (t: Tensor): Tensor => ops.invert(t),
  round: (t: Tensor, decimals: Maybe<number>): Tensor => ops.roundDecimals(t, decimals ?? 0),
  clamp: (t: Tensor, min: unknown, minKind: Maybe<string>, max: unknown, maxKind: Maybe<string>): Tensor =>
    ops.clamp(t, optOpnd(min, minKind), optOpnd(max, maxKind)),
  clamp_: (t: Tensor, min: unknown, minKind: Maybe<string>, max: unknown, maxKind: Maybe<string>): Tensor =>
    ops.clamp(t, optOpnd(min, minKind), optOpnd(max, maxKind), true),
  where: (cond: Tensor, a: unknown, aKind: Maybe<string>, b: unknown, bKind: Maybe<string>): Tensor =>
    ops.where(cond, opnd(a, aKind), opnd(b, bKind)),
  equal: (a: Tensor, b: Tensor): boolean => ops.equal(a, b),

  // ---- reductions (dims: null for all, an int, or a list) ------------------------------------------------------
  sum: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean, dtype: Maybe<string>): Tensor => ops.sum(t, dims(d), !!keepdim, dt(dtype)),
  mean: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean, dtype: Maybe<string>): Tensor => ops.mean(t, dims(d), !!keepdim, dt(dtype)),
  prod: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean, dtype: Maybe<string>): Tensor => ops.prod(t, dims(d), !!keepdim, dt(dtype)),
  /** t.max() with no dim, or torch.amax(t, dims). */
  amax: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean): Tensor => ops.amax(t, dims(d), !!keepdim, d === null || d === undefined ? 'max' : 'amax'),
  amin: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean): Tensor => ops.amin(t, dims(d), !!keepdim, d === null || d === undefined ? 'min' : 'amin'),
  /** t.max(dim): [values, indices] (a JS array of two handles). */
  maxDim: (t: Tensor, dim: number, keepdim: boolean): Tensor[] => ops.maxMinDim(t, dim, !!keepdim, true),
  minDim: (t: Tensor, dim: number, keepdim: boolean): Tensor[] => ops.maxMinDim(t, dim, !!keepdim, false),
  argmax: (t: Tensor, dim: Maybe<number>, keepdim: boolean): Tensor => ops.argmaxmin(t, dim ?? null, !!keepdim, true),
  argmin: (t: Tensor, dim: Maybe<number>, keepdim: boolean): Tensor => ops.argmaxmin(t, dim ?? null, !!keepdim, false),
  all: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean): Tensor => ops.allAny(t, dims(d), !!keepdim, true),
  any: (t: Tensor, d: Maybe<ListLike>, keepdim: boolean): Tensor => ops.allAny(t, dims(d), !!keepdim, false),
  /** correction: 1 for unbiased=True (the default), 0 for unbiased=False. */
  std: (t: Tensor, d: Maybe<ListLike>, correction: number, keepdim: boolean): Tensor => ops.stdVar(t, dims(d), correction, !!keepdim, true),
  var: (t: Tensor, d: Maybe<ListLike>, correction: number, keepdim: boolean): Tensor => ops.stdVar(t, dims(d), correction, !!keepdim, false),
  cumsum: (t: Tensor, dim: number, dtype: Maybe<string>): Tensor => ops.cumulative(t, dim, true, dt(dtype)),
  cumprod: (t: Tensor, dim: number, dtype: Maybe<string>): Tensor => ops.cumulative(t, dim, false, dt(dtype)),

  // ---- joining and linear algebra -----------------------------------------------------------------------------
  cat: (ts: ListLike, dim: number): Tensor => ops.cat(list<Tensor>(ts), dim),
  stack: (ts: ListLike, dim: number): Tensor => ops.stack(list<Tensor>(ts), dim),
  dot: (a: Tensor, b: Tensor): Tensor => ops.dot(a, b),
  mv: (a: Tensor, x: Tensor): Tensor => ops.mv(a, x),
  mm: (a: Tensor, b: Tensor): Tensor => ops.mm(a, b),
  matmul: (a: Tensor, b: Tensor): Tensor => ops.matmul(a, b),
  outer: (a: Tensor, b: Tensor): Tensor => ops.outer(a, b),
  /** p: a number, 'fro' or null (2-norm); dims as for reductions. */
  norm: (t: Tensor, p: Maybe<number | string>, d: Maybe<ListLike>, keepdim: boolean): Tensor =>
    ops.norm(t, (p ?? null) as number | 'fro' | null, dims(d), !!keepdim),

  // ---- indexing ([Note: index encoding] in indexing.ts) ---------------------------------------------------------
  getIndex: (t: Tensor, spec: ListLike, objs: Maybe<ListLike>): Tensor =>
    ops.getIndex(t, list<unknown>(spec), objs === null || objs === undefined ? [] : list<IndexObj>(objs)),
  /** `t[index] = value`; value is a tensor (valueKind null) or a Python scalar. Returns nothing. */
  setIndex: (t: Tensor, spec: ListLike, objs: Maybe<ListLike>, value: unknown, valueKind: Maybe<string>): void =>
    ops.setIndex(t, list<unknown>(spec), objs === null || objs === undefined ? [] : list<IndexObj>(objs), opnd(value, valueKind)),
  /** torch.nonzero(t): an int64 tensor [n, ndim]. */
  nonzero: (t: Tensor): Tensor => {
    const cols = nonzero(t);
    return cols.length === 0 ? C.zeros([t.numel === 0 || t.storage.data[t.offset] === 0 ? 0 : 1, 0], 'int64') : stack(cols, 1);
  },

  // ---- conversion and in-place writes -------------------------------------------------------------------------
  item: (t: Tensor): number | boolean => item(t),
  tolist: (t: Tensor): string => tolistJson(t),
  /** t.to(dtype) / .float() / .long() ...: t itself if the dtype already matches (unless copy). */
  to: (t: Tensor, dtype: string, copy: boolean): Tensor => ops.to(t, dtype as DType, !!copy),
  /** dst.copy_(src): broadcasts and casts src into dst; returns dst. */
  copy_: (dst: Tensor, src: Tensor): Tensor => {
    broadcastShapes(dst.shape, src.shape);
    ops.expand(src, dst.shape);
    assertNoInternalOverlap(dst);
    assertNoPartialOverlap(dst, src);
    copyInto(dst, src);
    bumpVersion(dst);
    return dst;
  },
  fill_: (t: Tensor, value: number | boolean, kind: string): Tensor => {
    void kind;
    fillInto(t, typeof value === 'boolean' ? +value : value);
    bumpVersion(t);
    return t;
  },
  zero_: (t: Tensor): Tensor => { fillInto(t, 0); bumpVersion(t); return t; },
  /**
   * Sets requires_grad with PyTorch's dtype check, whose wording depends on the spelling used:
   * how = 'method' (t.requires_grad_(), the default), 'attribute' (t.requires_grad = True) or 'factory'
   * (torch.tensor(..., requires_grad=True) and the other creation functions).
   */
  setRequiresGrad: (t: Tensor, flag: boolean, how: Maybe<string>): Tensor => {
    if (flag && t.dtype !== 'float32' && t.dtype !== 'float64') {
      const text = how === 'factory' ? 'Only Tensors of floating point and complex dtype can require gradients'
        : how === 'attribute' ? 'only Tensors of floating point and complex dtype can require gradients'
          : 'only Tensors of floating point dtype can require gradients';
      throw runtimeError(text);
    }
    t.requiresGrad = !!flag;
    return t;
  },

  // ---- printing -----------------------------------------------------------------------------------------------
  /** repr(t)/str(t); gradFnName like 'AddBackward0' or null. */
  repr: (t: Tensor, gradFnName: Maybe<string>, requiresGrad: Maybe<boolean>): string =>
    formatTensor(t, { gradFnName: gradFnName ?? null, requiresGrad: requiresGrad ?? undefined }),
  /** The address `t.untyped_storage().data_ptr()` reports: equal for all views of one storage. */
  storagePtr: (t: Tensor): number => storageBase(t.storage),
  /** `torch.Size([2, 3])`. */
  sizeRepr: (shape: ListLike): string => sizeRepr(list(shape)),
  /** A Python tuple's repr of a shape: `(2, 3)`, `(3,)`. */
  tupleRepr: (shape: ListLike): string => tupleRepr(list(shape)),

  // ---- appended by the Python facade (keep names above stable) ------------------------------------------------
  /**
   * `t[index]` for basic indices (ints, slices, None, Ellipsis) with the opcodes as separate arguments: Python
   * passes plain numbers/None cheaply, while a list argument costs a toJs() conversion (~5x the call itself).
   */
  getIndexArgs: (t: Tensor, ...spec: unknown[]): Tensor => ops.getIndex(t, spec, []),
  /** `t[index] = value` for basic indices, opcodes as trailing arguments (see getIndexArgs). */
  setIndexArgs: (t: Tensor, value: unknown, valueKind: Maybe<string>, ...spec: unknown[]): void =>
    ops.setIndex(t, spec, [], opnd(value, valueKind)),
  /** t.reshape(*shape) / t.view(*shape) with the sizes as arguments (no list conversion, see getIndexArgs). */
  reshapeArgs: (t: Tensor, ...shape: number[]): Tensor => ops.reshape(t, shape),
  viewArgs: (t: Tensor, ...shape: number[]): Tensor => ops.view(t, shape),
};

export type PyApi = typeof pyapi;
