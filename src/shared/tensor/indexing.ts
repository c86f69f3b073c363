/**
 * @file Tensor indexing (`t[idx]` and `t[idx] = v`) from a compact encoded index, with PyTorch's semantics:
 * ints select, slices/None/Ellipsis make views, and integer/bool tensors (advanced indices) gather or scatter.
 *
 * [Note: index encoding] The Python facade turns a subscript into a flat list of opcodes so that one JS call
 * does the whole indexing: `0, i` int · `1, start, stop, step` slice (null for an omitted part) · `2` None ·
 * `3` Ellipsis · `4, k` the k-th entry of a side list `objs`, which holds a Tensor (int or bool), a nested JS
 * array (a Python list index), or a boolean (a Python bool index). `x[1:, None, t]` is
 * `[1, 1, null, null, 2, 4, 0]` with objs `[t]`.
 */
import { indexError, runtimeError, valueError } from '../errors';
import { copyInto, fillInto, storeFix } from './copy';
import { tensorFromNested, type Nested } from './creation';
import { forEachValue } from './iterate';
import { assertNoInternalOverlap, assertNoPartialOverlap } from './layout';
import { broadcastShapes } from './shape';
import { isTensor, type Operand } from './scalar';
import { emptyTensor, type Tensor } from './tensor';
import { expand, select, sliceDim, squeeze, unsqueeze } from './views';

export type IndexObj = Tensor | Nested | boolean;
type Item =
  | { k: 'int'; i: number } | { k: 'slice'; start: number | null; stop: number | null; step: number | null }
  | { k: 'none' } | { k: 'ellipsis' } | { k: 'tensor'; t: Tensor } | { k: 'bool'; v: boolean };

const nul = (x: unknown): number | null => (x === null || x === undefined ? null : (x as number));

function decode(spec: readonly unknown[], objs: readonly IndexObj[]): Item[] {
  const items: Item[] = [];
  for (let p = 0; p < spec.length;) {
    const op = spec[p++];
    if (op === 0) items.push({ k: 'int', i: spec[p++] as number });
    else if (op === 1) { items.push({ k: 'slice', start: nul(spec[p]), stop: nul(spec[p + 1]), step: nul(spec[p + 2]) }); p += 3; }
    else if (op === 2) items.push({ k: 'none' });
    else if (op === 3) items.push({ k: 'ellipsis' });
    else if (op === 4) {
      const o = objs[spec[p++] as number];
      if (typeof o === 'boolean') items.push({ k: 'bool', v: o });
      else if (isTensor(o)) items.push({ k: 'tensor', t: o });
      else {
        const t = Array.isArray(o) && o.length === 0 ? emptyTensor([0], 'int64') : tensorFromNested(o as Nested, null, null);
        items.push({ k: 'tensor', t });
      }
    } else throw runtimeError(`bad index opcode ${String(op)}`);
  }
  return items;
}

const consumes = (it: Item): number =>
  it.k === 'int' || it.k === 'slice' ? 1 : it.k === 'tensor' ? (isMask(it.t) ? it.t.ndim : 1) : 0;
const isMask = (t: Tensor): boolean => t.dtype === 'bool' || t.dtype === 'uint8';

/** Python's slice clamping for a positive step. */
function sliceBounds(s: { start: number | null; stop: number | null; step: number | null }, size: number): [number, number, number] {
  const step = s.step ?? 1;
  if (step === 0) throw valueError('slice step cannot be zero');
  if (step < 0) throw valueError('step must be greater than zero');
  const clamp = (v: number | null, dflt: number): number => (v === null ? dflt : v < 0 ? Math.max(0, v + size) : Math.min(v, size));
  return [clamp(s.start, 0), clamp(s.stop, size), step];
}

interface Parsed { view: Tensor; adv: { dim: number; t: Tensor }[] }

/** Applies the basic part of an index (views) and collects the advanced parts with their dims in the view. */
function parse(t: Tensor, items: Item[]): Parsed {
  const used = items.reduce((n, it) => n + consumes(it), 0);
  if (used > t.ndim) {
    if (t.ndim === 0 && items.some((it) => it.k === 'int')) {
      throw indexError('invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number');
    }
    throw indexError(`too many indices for tensor of dimension ${t.ndim}`);
  }
  let cur = t, d = 0, orig = 0;
  const adv: { dim: number; t: Tensor }[] = [];
  for (const it of items) {
    switch (it.k) {
      case 'int': {
        const size = cur.shape[d];
        if (it.i < -size || it.i >= size) throw indexError(`index ${it.i} is out of bounds for dimension ${orig} with size ${size}`);
        cur = select(cur, d, it.i);
        orig++;
        break;
      }
      case 'slice': {
        const [a, b, s] = sliceBounds(it, cur.shape[d]);
        cur = sliceDim(cur, d, a, b, s);
        d++; orig++;
        break;
      }
      case 'none': cur = unsqueeze(cur, d); d++; break;
      case 'ellipsis': d += t.ndim - used; orig += t.ndim - used; break;
      case 'bool': {
        cur = unsqueeze(cur, d);
        // x[True] adds a dim of size 1 (index 0), x[False] one of size 0.
        adv.push({ dim: d, t: emptyTensor([it.v ? 1 : 0], 'int64') });
        d++;
        break;
      }
      case 'tensor': {
        const x = it.t;
        if (!isMask(x)) {
          if (x.dtype !== 'int64') throw indexError('tensors used as indices must be long, byte or bool tensors');
          adv.push({ dim: d, t: x }); d++; orig++;
          break;
        }
        if (x.ndim === 0) {
          cur = unsqueeze(cur, d);
          adv.push({ dim: d, t: x.storage.data[x.offset] !== 0 ? emptyTensor([1], 'int64') : emptyTensor([0], 'int64') });
          d++;
          break;
        }
        for (let j = 0; j < x.ndim; j++) {
          if (x.shape[j] !== cur.shape[d + j]) {
            throw indexError(`The shape of the mask [${x.shape.join(', ')}] at index ${j} does not match the shape of the indexed tensor [${cur.shape.join(', ')}] at index ${d + j}`);
          }
        }
        nonzero(x).forEach((ix, j) => adv.push({ dim: d + j, t: ix }));
        d += x.ndim; orig += x.ndim;
        break;
      }
      default: it satisfies never;
    }
  }
  return { view: cur, adv };
}

/** The coordinates of the nonzero elements of `m`, one int64 vector per dim (torch.nonzero(as_tuple=True)). */
export function nonzero(m: Tensor): Tensor[] {
  const coords: number[][] = m.shape.map(() => []);
  const idx = m.shape.map(() => 0);
  forEachValue(m, (v) => {
    if (v !== 0) idx.forEach((x, j) => coords[j].push(x));
    for (let j = m.ndim - 1; j >= 0; j--) { if (++idx[j] < m.shape[j]) break; idx[j] = 0; }
  });
  return coords.map((c) => { const t = emptyTensor([c.length], 'int64'); t.storage.data.set(c); return t; });
}

/** One axis of an advanced-index result: a plain dim of the view, or the broadcast index dims as one table. */
type Axis = { size: number; stride: number } | { size: number; table: Float64Array };

interface Plan { axes: Axis[]; shape: number[]; base: number }

function plan(p: Parsed): Plan {
  const { view, adv } = p;
  let B: number[] = [];
  try {
    B = adv.reduce<number[]>((s, a) => broadcastShapes(s, a.t.shape), []);
  } catch {
    throw indexError(`shape mismatch: indexing tensors could not be broadcast together with shapes ${adv.map((a) => `[${a.t.shape.join(', ')}]`).join(', ')}`);
  }
  const nB = B.reduce((x, y) => x * y, 1);
  const table = new Float64Array(nB);
  for (const a of adv) {
    const size = view.shape[a.dim], stride = view.strides[a.dim];
    const vals = expand(a.t, B);
    let k = 0;
    forEachValue(vals, (v) => {
      if (v < -size || v >= size) throw indexError(`index ${v} is out of bounds for dimension ${a.dim} with size ${size}`);
      table[k++] += (v < 0 ? v + size : v) * stride;
    });
  }
  const advDims = adv.map((a) => a.dim).sort((x, y) => x - y);
  const adjacent = advDims.every((x, i) => i === 0 || x === advDims[i - 1] || x === advDims[i - 1] + 1);
  const plain = view.shape.map((_, i) => i).filter((i) => !advDims.includes(i));
  const plainAxis = (i: number): Axis => ({ size: view.shape[i], stride: view.strides[i] });
  const tableAxis: Axis = { size: nB, table };
  let axes: Axis[], shape: number[];
  if (adjacent) {
    const before = plain.filter((i) => i < advDims[0]), after = plain.filter((i) => i > advDims[0]);
    axes = [...before.map(plainAxis), tableAxis, ...after.map(plainAxis)];
    shape = [...before.map((i) => view.shape[i]), ...B, ...after.map((i) => view.shape[i])];
  } else {
    axes = [tableAxis, ...plain.map(plainAxis)];
    shape = [...B, ...plain.map((i) => view.shape[i])];
  }
  return { axes, shape, base: view.offset };
}

/** Calls f(storageOffset, k) for every result element in row-major order (k = 0, 1, ...). */
function visit(pl: Plan, f: (off: number, k: number) => void): void {
  let k = 0;
  const rec = (a: number, off: number): void => {
    if (a === pl.axes.length) { f(off, k++); return; }
    const ax = pl.axes[a];
    if ('table' in ax) for (let i = 0; i < ax.size; i++) rec(a + 1, off + ax.table[i]);
    else for (let i = 0; i < ax.size; i++) rec(a + 1, off + i * ax.stride);
  };
  rec(0, pl.base);
}

/** `t[index]`: a view when the index is basic, else a new tensor gathered by advanced indexing. */
export function getIndex(t: Tensor, spec: readonly unknown[], objs: readonly IndexObj[] = []): Tensor {
  const p = parse(t, decode(spec, objs));
  if (p.adv.length === 0) return p.view;
  const pl = plan(p);
  const out = emptyTensor(pl.shape, t.dtype);
  const src = t.storage.data, dst = out.storage.data;
  visit(pl, (off, k) => { dst[k] = src[off]; });
  return out;
}

/** Drops leading size-1 dims of an assigned value, as PyTorch's setitem does before expanding it. */
function stripLeadingOnes(v: Tensor): Tensor {
  let x = v;
  while (x.ndim > 0 && x.shape[0] === 1) x = squeeze(x, 0);
  return x;
}

/** `t[index] = value` in place (value: tensor or Python scalar), with broadcasting and casting. */
export function setIndex(t: Tensor, spec: readonly unknown[], objs: readonly IndexObj[], value: Operand): void {
  const p = parse(t, decode(spec, objs));
  if (p.adv.length === 0) {
    if (isTensor(value)) {
      const v = expand(stripLeadingOnes(value), p.view.shape);
      assertNoInternalOverlap(p.view);
      assertNoPartialOverlap(p.view, value);
      copyInto(p.view, v);
    }
    else fillInto(p.view, value.value);
  } else {
    const pl = plan(p);
    const data = t.storage.data;
    const fix = storeFix(t.dtype);
    if (isTensor(value)) {
      const v = stripLeadingOnes(value);
      try { broadcastShapes(v.shape, pl.shape); if (v.ndim > pl.shape.length) throw new Error(); } catch {
        throw runtimeError(`shape mismatch: value tensor of shape [${value.shape.join(', ')}] cannot be broadcast to indexing result of shape [${pl.shape.join(', ')}]`);
      }
      const vals = emptyTensor(pl.shape, t.dtype);
      copyInto(vals, expand(v, pl.shape));
      const vd = vals.storage.data;
      visit(pl, (off, k) => { data[off] = vd[k]; });
    } else {
      const x = fix ? fix(value.value) : value.value;
      visit(pl, (off) => { data[off] = x; });
    }
  }
  t.storage.version++;
}
