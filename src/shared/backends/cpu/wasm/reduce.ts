/**
 * @file Reduction kernels: sum (partial sums written as f64) and cumsum, for f32 and f64.
 * [Note: summation accuracy] float32 sums accumulate 4 vectors (16 lanes) in f32 over blocks of 1024 elements,
 * then add each block into an f64 total: close to PyTorch's cascade sum, far better than one running f32, but not
 * its order, so the tensor core sums with the ordered kernels of cascade.ts instead and this one serves the
 * Backend interface (and the parallel cumsum's chunk totals).
 * cumsum accumulates in f64 for both dtypes and rounds each output, as PyTorch 1.13's CPU kernel does
 * (acc_type<float> is double there), so a single-chunk cumsum matches PyTorch bit for bit.
 * `cumsumq_f32`, for long float32 scans only, shortens the loop-carried chain to one add per 4 elements: it adds
 * the partial sums x0, x0+x1, x0+x1+x2, x0+..+x3 (exact in f64 for float32 inputs of similar magnitude) to the
 * running total. The total then takes fewer f64 roundings than PyTorch's, drifting by ~sqrt(n) f64 ulps, so
 * about 1 output in 10^5 can land one float32 ulp away: the same order as splitting the scan across threads.
 */
import type { FnBuilder, Local, ModuleBuilder } from './emitter';
import { bytesOf, type FloatDtype } from './elementwise';

export const sumName = (dt: FloatDtype): string => `sum_${dt}`;
export const sumExactName = 'sumx_f32';
export const cumsumName = (dt: FloatDtype): string => `cumsum_${dt}`;
export const cumsumFastName = 'cumsumq_f32';

/** `min(a, b)` for i32 locals onto the stack. */
const minI32 = (f: FnBuilder, a: Local, b: Local): FnBuilder =>
  f.get(a).get(b).get(a).get(b).op('i32.lt_s', 'select');

export function emitReductions(m: ModuleBuilder, dt: FloatDtype): void {
  const es = bytesOf(dt);
  const V = dt === 'f32' ? 'f32x4' : 'f64x2';
  const lanes = 16 / es;
  // sum_<dt>(a, out, n): *out = sum(a[0..n)) as f64
  m.fn(sumName(dt), ['i32', 'i32', 'i32'], [], (f) => {
    const [a, out, n] = f.params;
    const i = f.local('i32'), end = f.local('i32'), end16 = f.local('i32'), blockEnd = f.local('i32'), t = f.local('i32');
    const total = f.local('f64');
    const acc = [f.local('v128'), f.local('v128'), f.local('v128'), f.local('v128')];
    const s = f.local('v128');
    f.get(n).i32(es).op('i32.mul').set(end);
    f.get(n).i32(~(4 * lanes - 1)).op('i32.and').i32(es).op('i32.mul').set(end16);
    f.i32(0).set(i);
    f.block(() => f.loop(() => {
      f.get(i).get(end16).op('i32.ge_s').brIf(1);
      f.get(i).i32(4096).op('i32.add').set(t);
      minI32(f, t, end16).set(blockEnd);
      for (const v of acc) f.f64(0).simd('f64x2.splat').set(v);
      f.loop(() => {
        acc.forEach((v, k) => { f.get(v).get(a).get(i).op('i32.add').mem('v128.load', 16 * k).simd(`${V}.add`).set(v); });
        f.inc(i, 64);
        f.get(i).get(blockEnd).op('i32.lt_s').brIf(0);
      });
      f.get(acc[0]).get(acc[1]).simd(`${V}.add`).get(acc[2]).get(acc[3]).simd(`${V}.add`).simd(`${V}.add`).set(s);
      if (dt === 'f32') {
        f.get(total)
          .get(s).lane('f32x4.extract_lane', 0).get(s).lane('f32x4.extract_lane', 1).op('f32.add')
          .get(s).lane('f32x4.extract_lane', 2).get(s).lane('f32x4.extract_lane', 3).op('f32.add')
          .op('f32.add', 'f64.promote_f32', 'f64.add').set(total);
      } else {
        f.get(total).get(s).lane('f64x2.extract_lane', 0).get(s).lane('f64x2.extract_lane', 1).op('f64.add', 'f64.add').set(total);
      }
      f.br(0);
    }));
    f.for(i, end16, end, es, () => {
      f.get(total).get(a).get(i).op('i32.add');
      if (dt === 'f32') f.mem('f32.load').op('f64.promote_f32'); else f.mem('f64.load');
      f.op('f64.add').set(total);
    });
    f.get(out).get(total).mem('f64.store');
  });

  // cumsum_<dt>(a, out, n, basePtr): running f64 sum starting at *basePtr, rounded to dt at each step
  m.fn(cumsumName(dt), ['i32', 'i32', 'i32', 'i32'], [], (f) => {
    const [a, out, n, base] = f.params;
    const i = f.local('i32'), end = f.local('i32');
    const acc = f.local('f64');
    f.get(base).mem('f64.load').set(acc);
    f.get(n).i32(es).op('i32.mul').set(end);
    f.for(i, 0, end, es, () => {
      f.get(out).get(i).op('i32.add');
      f.get(acc).get(a).get(i).op('i32.add');
      if (dt === 'f32') f.mem('f32.load').op('f64.promote_f32'); else f.mem('f64.load');
      f.op('f64.add').tee(acc);
      if (dt === 'f32') f.op('f32.demote_f64').mem('f32.store'); else f.mem('f64.store');
    });
  });

  if (dt === 'f32') {
    m.fn(cumsumFastName, ['i32', 'i32', 'i32', 'i32'], [], (f) => {
      const [a, out, n, base] = f.params;
      const i = f.local('i32'), end = f.local('i32'), end4 = f.local('i32');
      const acc = f.local('f64'), x0 = f.local('f64'), s1 = f.local('f64'), s2 = f.local('f64'), s3 = f.local('f64');
      const ld = (off: number) => f.get(a).get(i).op('i32.add').mem('f32.load', off).op('f64.promote_f32');
      const st = (off: number, v: () => void) => { f.get(out).get(i).op('i32.add'); v(); f.op('f32.demote_f64').mem('f32.store', off); };
      f.get(base).mem('f64.load').set(acc);
      f.get(n).i32(4).op('i32.mul').set(end);
      f.get(n).i32(~3).op('i32.and').i32(4).op('i32.mul').set(end4);
      f.for(i, 0, end4, 16, () => {
        ld(0).set(x0);
        f.get(x0); ld(4); f.op('f64.add').set(s1);
        f.get(s1); ld(8); f.op('f64.add').set(s2);
        f.get(s2); ld(12); f.op('f64.add').set(s3);
        st(0, () => f.get(acc).get(x0).op('f64.add'));
        st(4, () => f.get(acc).get(s1).op('f64.add'));
        st(8, () => f.get(acc).get(s2).op('f64.add'));
        f.get(acc).get(s3).op('f64.add').set(acc);
        st(12, () => f.get(acc));
      });
      f.for(i, end4, end, 4, () => {
        f.get(acc); ld(0); f.op('f64.add').set(acc);
        st(0, () => f.get(acc));
      });
    });
    // sumx_f32(a, out, n): f32 values summed in f64 lanes; the chunk totals of a parallel cumsum
    m.fn(sumExactName, ['i32', 'i32', 'i32'], [], (f) => {
      const [a, out, n] = f.params;
      const i = f.local('i32'), end = f.local('i32'), end4 = f.local('i32');
      const acc0 = f.local('v128'), acc1 = f.local('v128');
      const total = f.local('f64');
      f.get(n).i32(4).op('i32.mul').set(end);
      f.get(n).i32(~3).op('i32.and').i32(4).op('i32.mul').set(end4);
      f.f64(0).simd('f64x2.splat').set(acc0).f64(0).simd('f64x2.splat').set(acc1);
      f.for(i, 0, end4, 16, () => {
        f.get(acc0).get(a).get(i).op('i32.add').mem('v128.load64_splat', 0).simd('f64x2.promote_low_f32x4', 'f64x2.add').set(acc0);
        f.get(acc1).get(a).get(i).op('i32.add').mem('v128.load64_splat', 8).simd('f64x2.promote_low_f32x4', 'f64x2.add').set(acc1);
      });
      f.get(acc0).get(acc1).simd('f64x2.add').set(acc0);
      // load64_splat duplicates the pair into both halves; promote_low reads lanes 0,1 = the pair
      f.get(acc0).lane('f64x2.extract_lane', 0).get(acc0).lane('f64x2.extract_lane', 1).op('f64.add').set(total);
      f.for(i, end4, end, 4, () => {
        f.get(total).get(a).get(i).op('i32.add').mem('f32.load').op('f64.promote_f32', 'f64.add').set(total);
      });
      f.get(out).get(total).mem('f64.store');
    });
  }
}
