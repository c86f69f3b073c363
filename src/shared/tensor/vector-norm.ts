/**
 * @file torch.norm / linalg.vector_norm on float tensors in PyTorch 1.13's order of operations, so float32 norms
 * print the same last digit (see [Note: cascade sum] for why the order matters).
 *
 * PyTorch's norm kernel (ReduceOpsKernel.cpp) has a vectorised path for p = 2 over one contiguous innermost
 * reduced dim: 8 float (4 double) lane accumulators of x*x, folded left to right, then the leftover elements.
 * Every other case accumulates sequentially per output in the iterator's order (memory order of the reduced dims).
 */
import { reductionDims, type IterDim } from './cascade-sum';
import type { Tensor } from './tensor';

/** Norms of `t` over `dims` for p in {1, 2, other finite}, row-major over the kept dims. */
export function vectorNorm(t: Tensor, dims: readonly number[], p: number, outLen: number): number[] {
  const f32 = t.dtype === 'float32';
  const r = (v: number): number => (f32 ? Math.fround(v) : v);
  const x = t.storage.data;
  const it = reductionDims(t, dims);
  const red = it.filter((d) => d.o === 0), kept = it.filter((d) => d.o !== 0);
  const out = new Array<number>(outLen).fill(0);
  const lastdim = p === 2 && red.length === 1 && it[0] === red[0] && red[0].s === 1;
  const lanes = f32 ? 8 : 4;
  eachOffset(kept, t.offset, (base, o) => {
    if (lastdim) {
      const n = red[0].n;
      const acc = new Array<number>(lanes).fill(0);
      let d = 0;
      for (; d < n - (n % lanes); d += lanes) {
        for (let l = 0; l < lanes; l++) { const v = x[base + d + l]; acc[l] = r(acc[l] + r(v * v)); }
      }
      let b = acc[0];
      for (let l = 1; l < lanes; l++) b = r(b + acc[l]);
      for (; d < n; d++) { const v = x[base + d]; b = r(b + v * v); }
      out[o] = r(Math.sqrt(b));
      return;
    }
    let acc = 0;
    eachOffset(red, base, (off) => {
      const a = Math.abs(x[off]);
      acc = p === 1 ? r(acc + a) : p === 2 ? r(acc + a * a) : r(acc + r(a ** p));
    });
    out[o] = p === 1 ? acc : p === 2 ? r(Math.sqrt(acc)) : r(acc ** (1 / p));
  });
  return out;
}

/** Visits offsets base + Σ i_d·s_d over `ds` (first dim fastest), with the row-major output index Σ i_d·o_d. */
function eachOffset(ds: readonly IterDim[], base: number, f: (off: number, out: number) => void): void {
  const idx = ds.map(() => 0);
  if (ds.some((d) => d.n === 0)) return;
  for (;;) {
    let off = base, o = 0;
    ds.forEach((d, k) => { off += idx[k] * d.s; o += idx[k] * d.o; });
    f(off, o);
    let k = 0;
    for (; k < ds.length; k++) { if (++idx[k] < ds[k].n) break; idx[k] = 0; }
    if (k === ds.length) return;
  }
}
