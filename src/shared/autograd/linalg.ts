/**
 * @file Differentiable linear algebra: dot, mv, mm, batched mm, matmul (built from those exactly as ATen's
 * matmul is, so the graph shows PyTorch's nodes), outer and norm.
 */
import { binary as coreBinary } from '../tensor/binary';
import * as L from '../tensor/linalg';
import { scalar } from '../tensor/scalar';
import { broadcastShapes } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { unary, div, mul, pow, where } from './elementwise';
import { record, recording } from './record';
import { expand, reshape, transpose, t2, unsqueeze } from './views';
import * as R from '../tensor/reduce';
import * as V from '../tensor/views';

const S = (v: number) => scalar(v, 'float');

export function dot(a: Tensor, b: Tensor): Tensor {
  const out = L.dot(a, b);
  return record('DotBackward0', out, [a, b], (ctx) => {
    const sa = ctx.needs[1] ? ctx.save(a) : null;
    const sb = ctx.needs[0] ? ctx.save(b) : null;
    return (g) => [sb ? mul(g, sb.get()) : null, sa ? mul(g, sa.get()) : null];
  });
}

export function mv(a: Tensor, x: Tensor): Tensor {
  const out = L.mv(a, x);
  return record('MvBackward0', out, [a, x], (ctx) => {
    const sa = ctx.needs[1] ? ctx.save(a) : null;
    const sx = ctx.needs[0] ? ctx.save(x) : null;
    return (g) => [sx ? outer(g, sx.get()) : null, sa ? mv(t2(sa.get()), g) : null];
  });
}

export function mm(a: Tensor, b: Tensor): Tensor {
  const out = L.mm(a, b);
  return record('MmBackward0', out, [a, b], (ctx) => {
    const sa = ctx.needs[1] ? ctx.save(a) : null;
    const sb = ctx.needs[0] ? ctx.save(b) : null;
    return (g) => [sb ? mm(g, t2(sb.get())) : null, sa ? mm(t2(sa.get()), g) : null];
  });
}

/** [b, m, k] @ [b, k, n]; the core's matmul takes this shape straight to its batched kernel. */
export function bmm(a: Tensor, b: Tensor): Tensor {
  const out = L.matmul(a, b);
  return record('BmmBackward0', out, [a, b], (ctx) => {
    const sa = ctx.needs[1] ? ctx.save(a) : null;
    const sb = ctx.needs[0] ? ctx.save(b) : null;
    return (g) => [sb ? bmm(g, transpose(sb.get(), 1, 2)) : null, sa ? bmm(transpose(sa.get(), 1, 2), g) : null];
  });
}

/** ATen's _unsafe_view after a matmul: a plain view of the fresh product with its own node. */
function unsafeView(x: Tensor, shape: readonly number[]): Tensor {
  return record('UnsafeViewBackward0', V.view(x, shape), [x], () => (g) => [reshape(g, x.shape)]);
}

/** torch.matmul, decomposed as ATen 1.13 does, so the nodes (and their names) are PyTorch's. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const da = a.ndim, db = b.ndim;
  if (da === 0 || db === 0) return L.matmul(a, b); // the core's error
  if (da === 1 && db === 1) return dot(a, b);
  if (da === 2 && db === 1) return mv(a, b);
  if (da === 1 && db === 2) return squeezeInPlaceName(mm(unsqueeze(a, 0), b), 0);
  if (da === 2 && db === 2) return mm(a, b);
  if (da >= 3 && (db === 1 || db === 2)) {
    // fold the batch into the rows of one mm/mv
    const k = a.shape[da - 1];
    const folded = reshape(a, [-1, k]);
    L.matmul(a, b); // let the core raise its size-mismatch message with PyTorch's folded shapes
    const out = db === 1 ? mv(folded, b) : mm(folded, b);
    const shape = db === 1 ? a.shape.slice(0, -1) : [...a.shape.slice(0, -1), b.shape[1]];
    return unsafeView(out, shape);
  }
  L.matmul(a, b); // validates shapes with the core's messages
  const A = da === 1 ? unsqueeze(a, 0) : a;
  const B = db === 1 ? unsqueeze(b, 1) : b;
  const [m, k] = A.shape.slice(-2), n = B.shape[B.ndim - 1];
  const batch = broadcastShapes(A.shape.slice(0, -2), B.shape.slice(0, -2));
  const nb = batch.reduce((p, q) => p * q, 1);
  const A3 = reshape(expand(A, [...batch, m, k]), [nb, m, k]);
  const B3 = reshape(expand(B, [...batch, k, n]), [nb, k, n]);
  const shape = [...batch];
  if (da > 1) shape.push(m);
  if (db > 1) shape.push(n);
  return unsafeView(bmm(A3, B3), shape);
}

/** ATen's in-place squeeze_(0) after vec @ mat shows as SqueezeBackward3. */
function squeezeInPlaceName(x: Tensor, dim: number): Tensor {
  return record('SqueezeBackward3', V.squeeze(x, dim), [x], () => (g) => [unsqueeze(g, dim)]);
}

/** torch.outer is a broadcast multiply in PyTorch (MulBackward0 over two unsqueezes). */
export const outer = (a: Tensor, b: Tensor): Tensor => {
  L.outer(a, b); // the core's checks and message
  return mul(unsqueeze(a, 1), unsqueeze(b, 0));
};

/**
 * torch.norm (NormBackward1): p = 2 → x * (g / norm), zero where the norm is 0; p = 1 → sign(x) * g;
 * other p → x * |x|^(p-2) * g / norm^(p-1); ±inf → the gradient split evenly among the extreme elements.
 */
export function norm(x: Tensor, p: number | 'fro' | null, dims: number | readonly number[] | null, keepdim: boolean): Tensor {
  const out = L.norm(x, p, dims, keepdim);
  if (!recording([x])) return out;
  const q = p === null || p === 'fro' ? 2 : p;
  const ds = dims === null ? null : (typeof dims === 'number' ? [dims] : [...dims]).map((d) => (d < 0 ? d + x.ndim : d)).sort((u, v) => u - v);
  const back = (t: Tensor): Tensor => {
    if (ds === null || keepdim) return t;
    let r = t;
    for (const d of ds) r = unsqueeze(r, d);
    return r;
  };
  return record('NormBackward1', out, [x], (ctx) => {
    const sx = ctx.save(x), so = ctx.save(out);
    return (g0) => {
      const xv = sx.get(), nv = back(so.get()), g = back(g0);
      if (q === 0) return [mul(xv, S(0))];
      if (q === 1) return [mul(unary('sign', xv), g)];
      if (q === 2) return [mul(xv, where(coreBinary('eq', nv, S(0)), S(0), div(g, nv)))];
      if (q === Infinity || q === -Infinity) {
        const mask = coreBinary('eq', unary('abs', xv), nv);
        const count = R.sum(mask, ds, true, xv.dtype);
        return [mul(mul(unary('sign', xv), mask), div(g, count))];
      }
      const scale = mul(mul(xv, pow(unary('abs', xv), S(q - 2))), g);
      return [where(coreBinary('eq', nv, S(0)), S(0), div(scale, pow(nv, S(q - 1))))];
    };
  });
}
