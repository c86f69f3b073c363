/** @file Creation ops: tensor() from nested data, arange, zeros/ones/full/empty(+_like), eye, linspace. */
import { runtimeError, typeError, valueError } from '../errors';
import { checkInt64, getDefaultDtype, isFloating, type DType, type ScalarKind } from './dtype';
import { storeFix } from './copy';
import { emptyStrided, preservedStrides } from './layout';
import { emptyTensor, type Shape, Tensor } from './tensor';

/** What tensor() accepts: numbers, booleans, bigints (huge Python ints), 1-element tensors, nested arrays. */
export type Nested = number | boolean | bigint | Tensor | readonly Nested[];

export function checkShape(shape: readonly number[]): number[] {
  for (const s of shape) {
    if (s < 0) throw runtimeError(`Trying to create tensor with negative dimension ${s}: [${shape.join(', ')}]`);
  }
  return shape.slice();
}

const kindOrder: Record<ScalarKind, number> = { bool: 0, int: 1, float: 2 };

/** The dtype torch.tensor infers from the widest Python scalar kind found. */
export const dtypeForKind = (k: ScalarKind): DType => (k === 'bool' ? 'bool' : k === 'int' ? 'int64' : getDefaultDtype());

/**
 * torch.tensor(data). `kind` is the widest Python scalar kind in `data` as the Python side saw it (JS cannot
 * tell 1.0 from 1); when null it is guessed from JS types (non-integers are floats).
 */
export function tensorFromNested(data: Nested, dtype: DType | null, kind: ScalarKind | null): Tensor {
  const shape: number[] = [];
  for (let d: Nested = data; Array.isArray(d); d = (d as readonly Nested[])[0]) {
    shape.push((d as readonly Nested[]).length);
    if ((d as readonly Nested[]).length === 0) break;
  }
  const flat: number[] = [];
  let seen: ScalarKind = 'bool';
  let any = false;
  let tensorDtype: DType | null = null;
  const walk = (d0: Nested, dim: number): void => {
    const d = unwrapProxy(d0);
    if (dim < shape.length) {
      if (!Array.isArray(d)) throw typeError('not a sequence');
      const arr = d as readonly Nested[];
      if (arr.length !== shape[dim]) throw valueError(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${arr.length})`);
      for (const x of arr) walk(x, dim + 1);
      return;
    }
    if (Array.isArray(d)) throw typeError("'list' object cannot be interpreted as an integer");
    any = true;
    if (typeof d === 'boolean') flat.push(d ? 1 : 0);
    else if (typeof d === 'bigint') { flat.push(checkInt64(d)); if (kindOrder[seen] < 1) seen = 'int'; }
    else if (typeof d === 'number') {
      flat.push(d);
      const k: ScalarKind = Number.isInteger(d) ? 'int' : 'float';
      if (kindOrder[k] > kindOrder[seen]) seen = k;
    } else if (d instanceof Tensor) {
      if (d.numel !== 1) throw valueError('only one element tensors can be converted to Python scalars');
      flat.push(d.storage.data[d.offset]);
      tensorDtype = tensorDtype === null ? d.dtype : tensorDtype;
      const k: ScalarKind = d.dtype === 'bool' ? 'bool' : d.dtype.startsWith('float') ? 'float' : 'int';
      if (kindOrder[k] > kindOrder[seen]) seen = k;
    } else if (typeof d === 'string') throw typeError("new(): invalid data type 'str'");
    else throw runtimeError(`Could not infer dtype of ${pyTypeName(d)}`);
  };
  walk(data, 0);
  const k: ScalarKind = !any ? 'float' : kind !== null && kindOrder[kind] > kindOrder[seen] ? kind : seen;
  const dt = dtype ?? (tensorDtype !== null && data instanceof Tensor ? tensorDtype : dtypeForKind(k));
  return fromFlat(flat, shape, dt);
}

/** A Python object left unconverted inside data (a PyProxy): its core tensor if it wraps one (`_t`), else itself. */
function unwrapProxy(x: Nested): Nested {
  if (x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Tensor) && 'toJs' in x) {
    const inner = (x as unknown as { _t?: unknown })._t;
    if (inner instanceof Tensor) return inner;
  }
  return x;
}

/** The Python type name of a value PyTorch cannot put in a tensor (PyProxies report their own). */
function pyTypeName(x: unknown): string {
  if (typeof x === 'string') return 'str';
  if (x === null || x === undefined) return 'NoneType';
  if (x instanceof Map) return 'dict';
  if (typeof x === 'object' && typeof (x as { type?: unknown }).type === 'string') return (x as { type: string }).type;
  return typeof x;
}

/** A contiguous tensor from row-major values (cast to dtype, with PyTorch's overflow check for small ints). */
export function fromFlat(flat: ArrayLike<number>, shape: Shape, dtype: DType): Tensor {
  const t = emptyTensor(checkShape(shape as number[]), dtype);
  const data = t.storage.data;
  const fix = storeFix(dtype);
  const lim = dtype === 'uint8' ? [-255, 255] : dtype === 'int32' ? [-(2 ** 31), 2 ** 31 - 1] : null;
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (lim && (v < lim[0] || v > lim[1])) throw runtimeError(`value cannot be converted to type ${dtype} without overflow`);
    data[i] = fix ? fix(v) : v;
  }
  return t;
}

/** A 0-d tensor holding a Python scalar of the given kind (dtype inferred from the kind unless given). */
export function scalarTensor(value: number | boolean | bigint, kind: ScalarKind, dtype: DType | null = null): Tensor {
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : typeof value === 'bigint' ? checkInt64(value) : value;
  return fromFlat([v], [], dtype ?? dtypeForKind(kind));
}

export function full(shape: readonly number[], value: number | boolean, kind: ScalarKind, dtype: DType | null = null): Tensor {
  const t = emptyTensor(checkShape(shape), dtype ?? dtypeForKind(kind));
  const fix = storeFix(t.dtype);
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  t.storage.data.fill(fix ? fix(v) : v);
  return t;
}

export const zeros = (shape: readonly number[], dtype: DType | null = null): Tensor =>
  emptyTensor(checkShape(shape), dtype ?? getDefaultDtype());
export const ones = (shape: readonly number[], dtype: DType | null = null): Tensor => full(shape, 1, 'float', dtype ?? getDefaultDtype());
/** empty() hands out zeros: uninitialised memory would make outputs non-reproducible for no benefit. */
export const empty = zeros;

/** *_like: same shape, and a dense input's strides (PyTorch's preserve_format). */
export function fullLike(t: Tensor, value: number | boolean, dtype: DType | null = null): Tensor {
  const out = emptyStrided(t.shape, preservedStrides(t), dtype ?? t.dtype);
  const fix = storeFix(out.dtype);
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  out.storage.data.fill(fix ? fix(v) : v);
  return out;
}
export const zerosLike = (t: Tensor, dtype: DType | null = null): Tensor => fullLike(t, 0, dtype);
export const onesLike = (t: Tensor, dtype: DType | null = null): Tensor => fullLike(t, 1, dtype);

/**
 * torch.arange. `anyFloat` says whether any of start/end/step was a Python float (it picks the default float
 * dtype over int64). Sizes and values are computed in double, as PyTorch's CPU kernel does.
 */
export function arange(start: number, end: number, step: number, anyFloat: boolean, dtype: DType | null = null): Tensor {
  const dt = dtype ?? (anyFloat ? getDefaultDtype() : 'int64');
  // Integral dtypes take start/step as int64 (truncated) before anything else, as PyTorch's kernel does.
  const integral = !isFloating(dt);
  const s0 = integral ? Math.trunc(start) : start, st = integral ? Math.trunc(step) : step;
  if (st === 0) throw runtimeError('step must be nonzero');
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw runtimeError(`unsupported range: ${start} -> ${end}`);
  if ((st > 0 && end < s0) || (st < 0 && end > s0)) {
    throw runtimeError('upper bound and larger bound inconsistent with step sign');
  }
  const n = dt === 'int64' ? Math.ceil((Math.trunc(end) - s0) / st) : Math.ceil((end - start) / step);
  const t = emptyTensor([Math.max(n, 0)], dt);
  const d = t.storage.data;
  const fix = storeFix(dt);
  for (let i = 0; i < n; i++) d[i] = fix ? fix(s0 + i * st) : s0 + i * st;
  return t;
}

/** torch.linspace: the first half counts up from start, the second half down from end, as PyTorch does. */
export function linspace(start: number, end: number, steps: number, dtype: DType | null = null): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const dt = dtype ?? getDefaultDtype();
  const t = emptyTensor([steps], dt);
  const d = t.storage.data;
  const fix = storeFix(dt);
  if (steps === 1) d[0] = fix ? fix(start) : start;
  if (steps > 1) {
    const raw = (end - start) / (steps - 1);
    const step = dt === 'float32' ? Math.fround(raw) : raw;
    const s = dt === 'float32' ? Math.fround(start) : start, e = dt === 'float32' ? Math.fround(end) : end;
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) {
      const v = i < half ? s + step * i : e - step * (steps - i - 1);
      d[i] = fix ? fix(v) : v;
    }
  }
  return t;
}

export function eye(n: number, m: number | null = null, dtype: DType | null = null): Tensor {
  const cols = m ?? n;
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  if (cols < 0) throw runtimeError(`m must be greater or equal to 0, got ${cols}`);
  const t = emptyTensor([n, cols], dtype ?? getDefaultDtype());
  for (let i = 0; i < Math.min(n, cols); i++) t.storage.data[i * cols + i] = 1;
  return t;
}
