/**
 * @file Differentiable reductions: sum, mean, prod, max/min (whole and along a dim), std/var, cumsum/cumprod, and
 * `sumTo`, which folds a broadcast gradient back to an input's shape.
 *
 * The common backward step is "put the reduced dims back, then expand": a gradient of the reduced shape becomes
 * one of the input's shape that repeats along the reduced dims.
 */
import { binary as coreBinary } from '../tensor/binary';
import { zeros, zerosLike } from '../tensor/creation';
import type { DType } from '../tensor/dtype';
import * as R from '../tensor/reduce';
import { scalar } from '../tensor/scalar';
import { wrapDims } from '../tensor/shape';
import { emptyTensor, type Tensor } from '../tensor/tensor';
import * as V from '../tensor/views';
import { add, div, mul, sub, where } from './elementwise';
import { record, recording } from './record';
import { expand, reshape, unsqueeze } from './views';

type Dims = number | readonly number[] | null;

const S = (v: number) => scalar(v, 'float');

/** The reduced dims as a sorted list of wrapped indices (all dims for null). */
function dimList(x: Tensor, dims: Dims): number[] {
  if (dims === null) return x.shape.map((_, i) => i);
  if (x.ndim === 0) return [];
  return [...wrapDims(typeof dims === 'number' ? [dims] : dims, x.ndim)].sort((a, b) => a - b);
}

/** Re-inserts reduced dims (size 1) into a gradient computed without keepdim. */
function unsqueezeDims(g: Tensor, dims: readonly number[], keepdim: boolean): Tensor {
  if (keepdim) return g;
  let out = g;
  for (const d of dims) out = unsqueeze(out, d);
  return out;
}

/** at::sum_to: sums a gradient over the dims that broadcasting added or stretched, back to `shape`. */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (g.ndim === shape.length && g.shape.every((s, i) => s === shape[i])) return g;
  const lead = g.ndim - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  const summed = dims.length > 0 ? sum(g, dims, true) : g;
  return lead > 0 ? reshape(summed, shape) : summed;
}

export function sum(x: Tensor, dims: Dims = null, keepdim = false, dtype: DType | null = null): Tensor {
  const out = R.sum(x, dims, keepdim, dtype);
  if (!recording([x])) return out;
  if (dims === null) return record('SumBackward0', out, [x], () => (g) => [expand(g, x.shape)]);
  const ds = dimList(x, dims);
  return record('SumBackward1', out, [x], () => (g) => [expand(unsqueezeDims(g, ds, keepdim), x.shape)]);
}

export function mean(x: Tensor, dims: Dims = null, keepdim = false, dtype: DType | null = null): Tensor {
  const out = R.mean(x, dims, keepdim, dtype);
  if (!recording([x])) return out;
  if (dims === null) return record('MeanBackward0', out, [x], () => (g) => [div(expand(g, x.shape), S(x.numel))]);
  const ds = dimList(x, dims);
  const n = ds.reduce((p, d) => p * x.shape[d], 1);
  return record('MeanBackward1', out, [x], () => (g) => [div(expand(unsqueezeDims(g, ds, keepdim), x.shape), S(n))]);
}

/**
 * prod_backward: grad * prod / x when no input is zero; otherwise the product of all the other elements,
 * computed directly (PyTorch's prod_safe_zeros_backward), which is exact at zeros.
 */
export function prod(x: Tensor, dim: number | null = null, keepdim = false, dtype: DType | null = null): Tensor {
  const out = R.prod(x, dim, keepdim, dtype);
  if (!recording([x])) return out;
  const ds = dim === null ? null : dimList(x, dim);
  return record(dim === null ? 'ProdBackward0' : 'ProdBackward1', out, [x], (ctx) => {
    const sx = ctx.save(x), so = ctx.save(out);
    return (g) => {
      const xv = sx.get();
      if (xv.ndim === 0) return [g];
      const gx = ds === null ? expand(g, xv.shape) : expand(unsqueezeDims(g, ds, keepdim), xv.shape);
      const hasZero = R.allAny(coreBinary('eq', xv, S(0)), null, false, false).storage.data[0] !== 0;
      if (!hasZero) {
        const r = ds === null ? so.get() : unsqueezeDims(so.get(), ds, keepdim);
        return [mul(gx, div(r, xv))];
      }
      return [mul(gx, productOfOthers(xv, ds === null ? null : ds[0]))];
    };
  });
}

/** For each element, the product of the other elements of its slice along `dim` (or of the whole tensor). */
function productOfOthers(x: Tensor, dim: number | null): Tensor {
  const flat = dim === null ? V.reshape(V.contiguous(x), [1, x.numel]) : V.contiguous(V.transpose(x, dim, x.ndim - 1));
  const n = flat.shape[flat.ndim - 1];
  const src = flat.storage.data;
  const out = emptyTensor(flat.shape, x.dtype);
  const od = out.storage.data;
  for (let base = 0; base < flat.numel; base += n) {
    let left = 1;
    for (let i = 0; i < n; i++) {
      let right = 1;
      for (let j = i + 1; j < n; j++) right *= src[base + j];
      od[base + i] = left * right;
      left *= src[base + i];
    }
  }
  return dim === null ? V.reshape(out, x.shape) : V.contiguous(V.transpose(out, dim, x.ndim - 1));
}

/**
 * max()/min() of the whole tensor (MaxBackward1/MinBackward1): ties share the gradient evenly, as PyTorch's
 * evenly_distribute_backward does. With dims (amax/amin) the same rule runs per slice.
 */
export function amaxmin(x: Tensor, dims: Dims, keepdim: boolean, isMax: boolean, name = isMax ? 'max' : 'min'): Tensor {
  const out = isMax ? R.amax(x, dims, keepdim, name) : R.amin(x, dims, keepdim, name);
  if (!recording([x])) return out;
  const ds = dims === null ? null : dimList(x, dims);
  const nodeName = ds === null ? (isMax ? 'MaxBackward1' : 'MinBackward1') : isMax ? 'AmaxBackward0' : 'AminBackward0';
  return record(nodeName, out, [x], (ctx) => {
    const sx = ctx.save(x), so = ctx.save(out);
    return (g) => {
      const xv = sx.get();
      const r = ds === null ? so.get() : unsqueezeDims(so.get(), ds, keepdim);
      const mask = coreBinary('logical_or', coreBinary('eq', xv, r), coreBinary('logical_and', coreBinary('ne', xv, xv), coreBinary('ne', r, r)));
      const count = R.sum(mask, ds, true, xv.dtype);
      const share = div(ds === null ? g : unsqueezeDims(g, ds, keepdim), ds === null ? V.reshape(count, []) : count);
      return [where(mask, share, S(0))];
    };
  });
}

/** Writes `g` (the reduced shape, dim kept) into zeros of `shape` at `indices` along `dim`; gathers back. */
function scatterBack(g: Tensor, indices: Tensor, dim: number, shape: readonly number[]): Tensor {
  const out = zeros(shape, g.dtype);
  const gc = V.contiguous(g), ic = V.contiguous(indices);
  const outer = shape.slice(0, dim).reduce((p, q) => p * q, 1);
  const inner = shape.slice(dim + 1).reduce((p, q) => p * q, 1);
  const od = out.storage.data, gd = gc.storage.data, id = ic.storage.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const k = o * inner + i;
      od[(o * shape[dim] + id[ic.offset + k]) * inner + i] = gd[gc.offset + k];
    }
  }
  if (!recording([g])) return out;
  return record('ScatterBackward0', out, [g], () => (gg) => [gatherAlong(gg, indices, dim, g.shape)]);
}

function gatherAlong(x: Tensor, indices: Tensor, dim: number, shape: readonly number[]): Tensor {
  const xc = V.contiguous(x), ic = V.contiguous(indices);
  const out = emptyTensor(shape, x.dtype);
  const outer = shape.slice(0, dim).reduce((p, q) => p * q, 1);
  const inner = shape.slice(dim + 1).reduce((p, q) => p * q, 1);
  const od = out.storage.data, xd = xc.storage.data, id = ic.storage.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const k = o * inner + i;
      od[k] = xd[xc.offset + (o * x.shape[dim] + id[ic.offset + k]) * inner + i];
    }
  }
  return out;
}

/** max(dim)/min(dim) → [values, indices]: the gradient goes to the selected index only (MaxBackward0). */
export function maxMinDim(x: Tensor, dim: number, keepdim: boolean, isMax: boolean): [Tensor, Tensor] {
  const [values, indices] = R.maxMinDim(x, dim, keepdim, isMax);
  if (!recording([x]) || x.ndim === 0) return [values, indices];
  const d = dimList(x, dim)[0];
  record(isMax ? 'MaxBackward0' : 'MinBackward0', values, [x], (ctx) => {
    const si = ctx.save(indices);
    return (g) => {
      const idx = si.get();
      return [scatterBack(keepdim ? g : unsqueeze(g, d), keepdim ? idx : V.unsqueeze(idx, d), d, x.shape)];
    };
  });
  return [values, indices];
}

/** var_backward: 2 / (n - correction) * grad * (x - mean); std divides the gradient by 2 * std first. */
export function stdVar(x: Tensor, dims: Dims, correction: number, keepdim: boolean, isStd: boolean): Tensor {
  const out = R.stdVar(x, dims, correction, keepdim, isStd);
  if (!recording([x])) return out;
  const ds = dimList(x, dims);
  const n = ds.reduce((p, d) => p * x.shape[d], 1);
  return record(isStd ? 'StdBackward0' : 'VarBackward0', out, [x], (ctx) => {
    const sx = ctx.save(x);
    const so = isStd ? ctx.save(out) : null;
    return (g) => {
      const xv = sx.get();
      let gv = unsqueezeDims(g, ds, keepdim);
      if (so !== null) {
        const r = unsqueezeDims(so.get(), ds, keepdim);
        gv = where(coreBinary('eq', r, S(0)), S(0), div(gv, mul(r, S(2))));
      }
      const centered = sub(xv, mean(xv, ds, true));
      return [mul(mul(S(2 / (n - correction)), gv), centered)];
    };
  });
}

/** cumsum: the gradient is the reversed cumulative sum of the output gradient. cumprod: summed directly. */
export function cumulative(x: Tensor, dim: number, isSum: boolean, dtype: DType | null = null): Tensor {
  const out = R.cumulative(x, dim, isSum, dtype);
  if (!recording([x])) return out;
  const d = x.ndim === 0 ? 0 : dimList(x, dim)[0];
  if (isSum) {
    return record('CumsumBackward0', out, [x], () => (g) => [x.ndim === 0 ? g : reverseCumsum(g, d)]);
  }
  return record('CumprodBackward0', out, [x], (ctx) => {
    const sx = ctx.save(x), so = ctx.save(out);
    return (g) => [x.ndim === 0 ? g : cumprodGrad(g, sx.get(), so.get(), d)];
  });
}

/** out[i] = sum_{j >= i} g[j] along `dim`. */
function reverseCumsum(g: Tensor, dim: number): Tensor {
  const total = sum(g, [dim], true);
  return sub(add(total, g), cumulative(g, dim, true));
}

/** d/dx_i of sum_j g_j * prod_{k <= j} x_k, exact at zeros: sum over j >= i of g_j * prod_{k <= j, k != i} x_k. */
function cumprodGrad(g: Tensor, x: Tensor, _out: Tensor, dim: number): Tensor {
  const move = (t: Tensor) => V.contiguous(V.transpose(t, dim, t.ndim - 1));
  const gc = move(g), xc = move(x);
  const n = xc.shape[xc.ndim - 1];
  const res = zerosLike(xc);
  const rd = res.storage.data, gd = gc.storage.data, xd = xc.storage.data;
  for (let base = 0; base < xc.numel; base += n) {
    for (let i = 0; i < n; i++) {
      let acc = 0;
      let p = 1;
      for (let k = 0; k < i; k++) p *= xd[base + k];
      for (let j = i; j < n; j++) {
        if (j > i) p *= xd[base + j];
        acc += gd[base + j] * p;
      }
      rd[base + i] = acc;
    }
  }
  return V.contiguous(V.transpose(res, dim, x.ndim - 1));
}
