/**
 * @file Reductions (sum mean prod max min argmax argmin all any std var) over one, several or all dims, and
 * scans (cumsum cumprod), with PyTorch's dtype rules and messages.
 *
 * Each output element gathers its reduced values into a scratch buffer and hands it to a reducer; this keeps
 * every reduction one short function, correct for any strides. Accumulation is in double (then rounded to the
 * output dtype), which can differ from PyTorch's float32 accumulation in the last bit only.
 */
import { indexError, runtimeError } from '../errors';
import { isFloating, TYPE_NAME, type DType } from './dtype';
import { cascadeSum, contiguousRowSum } from './cascade-sum';
import { accelCumsum, accelInnerSums, accelOuterSums, accelRowSum } from './accel';
import { storeFix } from './copy';
import { gpuCumsum, gpuSum, isCuda } from './device';
import { forEachRun } from './iterate';
import { wrapDim, wrapDims } from './shape';
import { emptyTensor, type Tensor } from './tensor';

type Reducer = (buf: Float64Array, n: number) => number;

/** Calls `visit(outIndex, buf, n)` for each output element with its reduced values gathered in `buf`. */
function groups(t: Tensor, dims: readonly number[], visit: (o: number, buf: Float64Array, n: number) => void): number {
  const kept = t.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const keptShape = kept.map((i) => t.shape[i]), keptStr = kept.map((i) => t.strides[i]);
  const redShape = dims.map((i) => t.shape[i]), redStr = dims.map((i) => t.strides[i]);
  let n = 1;
  for (const s of redShape) n *= s;
  let outN = 1;
  for (const s of keptShape) outN *= s;
  const buf = new Float64Array(Math.max(n, 1));
  const data = t.storage.data;
  const idx = new Array<number>(kept.length).fill(0);
  let base = t.offset;
  for (let o = 0; o < outN; o++) {
    let k = 0;
    forEachRun(redShape, [redStr], [base], (offs, len, st) => {
      let p = offs[0];
      const s = st[0];
      for (let i = 0; i < len; i++, p += s) buf[k++] = data[p];
    });
    visit(o, buf, n);
    for (let d = kept.length - 1; d >= 0; d--) {
      idx[d]++;
      base += keptStr[d];
      if (idx[d] < keptShape[d]) break;
      base -= keptStr[d] * keptShape[d];
      idx[d] = 0;
    }
  }
  return n;
}

export function outShape(t: Tensor, dims: readonly number[], keepdim: boolean): number[] {
  return keepdim ? t.shape.map((s, i) => (dims.includes(i) ? 1 : s)) : t.shape.filter((_, i) => !dims.includes(i));
}

/** dims: null means all; a number or list otherwise (wrapped, duplicates refused). */
export function resolveDims(t: Tensor, dims: number | readonly number[] | null | undefined): number[] {
  if (dims === null || dims === undefined) return t.shape.map((_, i) => i);
  const list = typeof dims === 'number' ? [dims] : dims;
  // An empty dim list reduces everything (PyTorch 1.13 keeps this legacy meaning).
  if (list.length === 0) return t.shape.map((_, i) => i);
  if (t.ndim === 0) { wrapDims(list, 0); return []; }
  return wrapDims(list, t.ndim);
}

function reduceWith(t: Tensor, dims: readonly number[], keepdim: boolean, dtype: DType, r: Reducer): Tensor {
  const out = emptyTensor(outShape(t, dims, keepdim), dtype);
  const od = out.storage.data;
  const fix = storeFix(dtype);
  groups(t, dims, (o, buf, n) => { od[o] = fix ? fix(r(buf, n)) : r(buf, n); });
  return out;
}

const sumR: Reducer = (b, n) => { let s = 0; for (let i = 0; i < n; i++) s += b[i]; return s; };
const prodR: Reducer = (b, n) => { let s = 1; for (let i = 0; i < n; i++) s *= b[i]; return s; };
const maxR: Reducer = (b, n) => { let m = -Infinity; for (let i = 0; i < n; i++) { const v = b[i]; if (v !== v) return NaN; if (v > m) m = v; } return m; };
const minR: Reducer = (b, n) => { let m = Infinity; for (let i = 0; i < n; i++) { const v = b[i]; if (v !== v) return NaN; if (v < m) m = v; } return m; };

/** PyTorch's accumulate dtype for sum/prod/cumsum: integers and bool widen to int64. */
const widenInt = (d: DType): DType => (isFloating(d) ? d : 'int64');

export function sum(t: Tensor, dims: number | readonly number[] | null = null, keepdim = false, dtype: DType | null = null): Tensor {
  const ds = resolveDims(t, dims);
  if (isFloating(t.dtype) && (dtype === null || dtype === t.dtype)) return floatSum(t, ds, keepdim, 1);
  return reduceWith(t, ds, keepdim, dtype ?? widenInt(t.dtype), sumR);
}

/** Float sums in PyTorch's order of additions ([Note: cascade sum]), optionally divided by `divisor` (mean). */
function floatSum(t: Tensor, dims: readonly number[], keepdim: boolean, divisor: number): Tensor {
  const onDevice = isCuda(t) && gpuSum(t, dims, outShape(t, dims, keepdim), divisor);
  if (onDevice) return onDevice;
  const out = emptyTensor(outShape(t, dims, keepdim), t.dtype);
  if (dims.length === t.ndim && t.isContiguous) { // x.sum() / x.mean(): one row, no bookkeeping
    const s = accelRowSum(t.storage.data, t.offset, t.numel) ?? contiguousRowSum(t.storage.data, t.offset, t.numel, t.dtype === 'float32');
    out.storage.data[0] = divisor === 1 ? s : s / divisor;
    return out;
  }
  // contiguous rows or columns, on the CPU backend
  if (accelInnerSums(t, dims, out.storage.data, divisor) || accelOuterSums(t, dims, out.storage.data, divisor)) return out;
  const sums = cascadeSum(t, dims, out.numel);
  const od = out.storage.data;
  for (let i = 0; i < sums.length; i++) od[i] = divisor === 1 ? sums[i] : sums[i] / divisor;
  return out;
}

export function prod(t: Tensor, dims: number | readonly number[] | null = null, keepdim = false, dtype: DType | null = null): Tensor {
  return reduceWith(t, resolveDims(t, dims), keepdim, dtype ?? widenInt(t.dtype), prodR);
}

export function mean(t: Tensor, dims: number | readonly number[] | null = null, keepdim = false, dtype: DType | null = null): Tensor {
  const d = dtype ?? t.dtype;
  if (!isFloating(d)) {
    throw runtimeError(`mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${TYPE_NAME[d]}`);
  }
  const ds = resolveDims(t, dims);
  if (d === t.dtype) return floatSum(t, ds, keepdim, ds.reduce((n, i) => n * t.shape[i], 1));
  return reduceWith(t, ds, keepdim, d, (b, n) => sumR(b, n) / n);
}

function checkNonEmpty(t: Tensor, name: string, dims: readonly number[]): void {
  if (t.numel !== 0) return;
  if (dims.length === t.ndim && t.ndim !== 0 && dims.length !== 1) {
    throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  }
  for (const d of dims) if (t.shape[d] === 0) throw indexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
}

/** max()/min() over everything (no indices), or amax/amin over dims. */
export function amax(t: Tensor, dims: number | readonly number[] | null = null, keepdim = false, name = 'max'): Tensor {
  return extreme(t, dims, keepdim, name, maxR);
}
export function amin(t: Tensor, dims: number | readonly number[] | null = null, keepdim = false, name = 'min'): Tensor {
  return extreme(t, dims, keepdim, name, minR);
}

/** amax and amin alike: an extreme has no value over no elements, so empty input or an empty dim is an error. */
function extreme(t: Tensor, dims: number | readonly number[] | null, keepdim: boolean, name: string, r: Reducer): Tensor {
  if (dims === null && t.numel === 0) {
    throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  }
  const ds = resolveDims(t, dims);
  checkNonEmpty(t, name, ds);
  return reduceWith(t, ds, keepdim, t.dtype, r);
}

/** Index of the first max (or min); NaN wins, as in PyTorch. */
function argIndex(b: Float64Array, n: number, isMax: boolean): number {
  let best = 0, bv = b[0];
  for (let i = 1; i < n; i++) {
    const v = b[i];
    if (bv !== bv) break;
    if (v !== v || (isMax ? v > bv : v < bv)) { best = i; bv = v; }
  }
  return best;
}

/** max(dim)/min(dim): [values, indices]. */
export function maxMinDim(t: Tensor, dim: number, keepdim: boolean, isMax: boolean): [Tensor, Tensor] {
  const name = isMax ? 'max' : 'min';
  const d = t.ndim === 0 ? (wrapDim(dim, 0), -1) : wrapDim(dim, t.ndim);
  const dims = d < 0 ? [] : [d];
  if (d >= 0 && t.shape[d] === 0) throw indexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  const shape = outShape(t, dims, keepdim);
  const values = emptyTensor(shape, t.dtype), indices = emptyTensor(shape, 'int64');
  const vd = values.storage.data, id = indices.storage.data;
  groups(t, dims, (o, buf, n) => { const i = argIndex(buf, n, isMax); id[o] = i; vd[o] = buf[i]; });
  return [values, indices];
}

export function argmaxmin(t: Tensor, dim: number | null, keepdim: boolean, isMax: boolean): Tensor {
  const name = isMax ? 'argmax' : 'argmin';
  if (dim === null) {
    if (t.numel === 0) throw indexError(`${name}(): Expected reduction dim to be specified for input.numel() == 0.`);
    const all = t.shape.map((_, i) => i);
    const out = emptyTensor(keepdim ? t.shape.map(() => 1) : [], 'int64');
    groups(t, all, (o, buf, n) => { out.storage.data[o] = argIndex(buf, n, isMax); });
    return out;
  }
  const d = t.ndim === 0 ? (wrapDim(dim, 0), -1) : wrapDim(dim, t.ndim);
  const dims = d < 0 ? [] : [d];
  if (d >= 0 && t.shape[d] === 0) throw indexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  const out = emptyTensor(outShape(t, dims, keepdim), 'int64');
  groups(t, dims, (o, buf, n) => { out.storage.data[o] = argIndex(buf, n, isMax); });
  return out;
}

/** all/any: bool results (uint8 stays uint8, as in PyTorch 1.13). */
export function allAny(t: Tensor, dims: number | readonly number[] | null, keepdim: boolean, isAll: boolean): Tensor {
  const r: Reducer = isAll
    ? (b, n) => { for (let i = 0; i < n; i++) if (b[i] === 0) return 0; return 1; }
    : (b, n) => { for (let i = 0; i < n; i++) if (b[i] !== 0) return 1; return 0; };
  return reduceWith(t, resolveDims(t, dims), keepdim, t.dtype === 'uint8' ? 'uint8' : 'bool', r);
}

/** std/var with Bessel's correction (`correction` = 1 is unbiased=True). */
export function stdVar(t: Tensor, dims: number | readonly number[] | null, correction: number, keepdim: boolean, isStd: boolean): Tensor {
  if (!isFloating(t.dtype)) throw runtimeError('std and var only support floating point and complex dtypes');
  return reduceWith(t, resolveDims(t, dims), keepdim, t.dtype, (b, n) => {
    const m = sumR(b, n) / n;
    let s = 0;
    for (let i = 0; i < n; i++) s += (b[i] - m) * (b[i] - m);
    const v = s / Math.max(0, n - correction);
    return isStd ? Math.sqrt(v) : v;
  });
}

/** cumsum/cumprod along `dim`: accumulated in double and rounded per output, as PyTorch's CPU kernel does. */
export function cumulative(t: Tensor, dim: number, isSum: boolean, dtype: DType | null = null): Tensor {
  const d = wrapDim(dim, t.ndim);
  const outD = dtype ?? widenInt(t.dtype);
  const onDevice = isSum && isCuda(t) && gpuCumsum(t, d, outD);
  if (onDevice) return onDevice;
  const out = emptyTensor(t.shape, outD);
  if (t.ndim === 0) { out.storage.data[0] = t.storage.data[t.offset]; return out; }
  if (isSum && outD === t.dtype && accelCumsum(t, d, out)) return out; // contiguous float rows, on the CPU backend
  const od = out.storage.data;
  const fix = storeFix(outD);
  const outStrides = out.strides;
  // Groups come in row-major order of the kept dims; recover each one's output offset from its index.
  let g = 0;
  const kept = t.shape.map((_, i) => i).filter((i) => i !== d);
  const keptShape = kept.map((i) => t.shape[i]);
  groups(t, [d], (_o, buf, n) => {
    let rem = g++, off = 0;
    for (let k = kept.length - 1; k >= 0; k--) {
      const i = rem % keptShape[k];
      rem = Math.floor(rem / keptShape[k]);
      off += i * outStrides[kept[k]];
    }
    let acc = isSum ? 0 : 1;
    for (let i = 0; i < n; i++) {
      acc = isSum ? acc + buf[i] : acc * buf[i];
      od[off + i * outStrides[d]] = fix ? fix(acc) : acc;
    }
  });
  return out;
}
