/**
 * @file Matrix multiply for the wasm module (float32 and float64 from one generator): B packing and a packed,
 * register-blocked, cache-blocked GEMM.
 * [Note: gemm blocking] GotoBLAS-style. B (k x n, any strides) is packed once into column panels of NR=8, each
 * panel k x 8 contiguous (zero-padded; NR=4 for float64), in parallel chunks. The pool then splits C by row blocks of MC rows; a
 * chunk packs its A rows for one KC-deep slice into its own scratch (MR-row micro panels, ~64 KB: lives in L2)
 * and sweeps the 8-column B micro panels (KC x 8 = 8 KB: lives in L1) over all its micro panels of A.
 * The micro-kernel keeps an MR x 8 tile of C in 2*MR v128 registers; with relaxed SIMD it uses fused
 * multiply-add (one instruction per 4 lanes), else a multiply and an add. Edge tiles go through a small tile
 * buffer so the hot path never branches per element.
 */
import type { FnBuilder, Local, ModuleBuilder } from './emitter';
import type { FloatDtype } from './elementwise';

/** Columns per B micro panel: two vectors, so 8 float32 or 4 float64 (32 bytes per row either way). */
export const nrOf = (dt: FloatDtype): number => (dt === 'f32' ? 8 : 4);
export const KC = 256;
/** Column chunk of the parallel B packing (a multiple of NR). */
export const PACK_COLS = 64;

export interface GemmShape { mr: number; mc: number }
/** Bytes of scratch one row-block chunk needs: its packed A slice plus the edge tile. */
export const gemmScratchBytes = (s: GemmShape, dt: FloatDtype = 'f32'): number => (s.mc * KC + s.mr * nrOf(dt)) * (dt === 'f32' ? 4 : 8);
export const gemmName = (dt: FloatDtype = 'f32'): string => `gemm_${dt}`;
export const packBName = (dt: FloatDtype = 'f32'): string => `packb_${dt}`;

const minI32 = (f: FnBuilder, a: Local, b: Local): FnBuilder => f.get(a).get(b).get(a).get(b).op('i32.lt_s', 'select');

export function emitGemm(m: ModuleBuilder, shape: GemmShape, fma: boolean, dt: FloatDtype = 'f32'): void {
  const { mr: MR, mc: MC } = shape;
  const NR = nrOf(dt);
  const ES = dt === 'f32' ? 4 : 8;
  const V = dt === 'f32' ? 'f32x4' : 'f64x2';
  const LOAD = dt === 'f32' ? 'f32.load' : 'f64.load';
  const STORE = dt === 'f32' ? 'f32.store' : 'f64.store';
  const SPLAT = dt === 'f32' ? 'v128.load32_splat' : 'v128.load64_splat';
  const zero = (f: FnBuilder) => (dt === 'f32' ? f.f32(0) : f.f64(0));
  // packb_f32(b, rsB, csB, dst, ncols, k): panels of NR columns, each k x NR, zero-padded past ncols
  m.fn(packBName(dt), ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (f) => {
    const [b, rsB, csB, dst, ncols, k] = f.params;
    const jp = f.local('i32'), p = f.local('i32'), cols = f.local('i32'), src = f.local('i32'), d = f.local('i32');
    const rs4 = f.local('i32'), cs4 = f.local('i32'), t = f.local('i32'), q = f.local('i32');
    f.get(rsB).i32(ES).op('i32.mul').set(rs4).get(csB).i32(ES).op('i32.mul').set(cs4);
    f.for(jp, 0, ncols, NR, () => {
      f.get(ncols).get(jp).op('i32.sub').set(t).i32(NR).set(cols);
      minI32(f, t, cols).set(cols);
      f.get(b).get(jp).get(cs4).op('i32.mul', 'i32.add').set(src);
      f.get(dst).get(jp).get(k).op('i32.mul').i32(ES).op('i32.mul', 'i32.add').set(d);
      f.get(cols).i32(NR).op('i32.eq').get(csB).i32(1).op('i32.eq', 'i32.and');
      f.if(() => {
        // full panel of a row-major B: two vector copies per row
        f.for(p, 0, k, 1, () => {
          f.get(d).get(src).mem('v128.load', 0).mem('v128.store', 0);
          f.get(d).get(src).mem('v128.load', 16).mem('v128.store', 16);
          f.inc(src, rs4).inc(d, NR * ES);
        });
      }, () => {
        f.for(p, 0, k, 1, () => {
          for (let c = 0; c < NR; c++) { f.get(d); zero(f); f.mem(STORE, c * ES); }
          f.for(q, 0, cols, 1, () => {
            f.get(d).get(q).i32(ES).op('i32.mul', 'i32.add');
            f.get(src).get(q).get(cs4).op('i32.mul', 'i32.add').mem(LOAD);
            f.mem(STORE);
          });
          f.inc(src, rs4).inc(d, NR * ES);
        });
      });
    });
  });

  // gemm_f32(a, rsA, csA, bp, c, ldc, m, n, k, scratch): C[m x n] = A[m x k] @ B, m <= MC, bp from packb_f32
  m.fn(gemmName(dt), ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (f) => {
    const [a, rsA, csA, bp, c, ldc, mm, n, k, scr] = f.params;
    const pc = f.local('i32'), kc = f.local('i32'), ir = f.local('i32'), jr = f.local('i32');
    const p = f.local('i32'), pa = f.local('i32'), pb = f.local('i32'), paEnd = f.local('i32'), pbBase = f.local('i32');
    const rs4 = f.local('i32'), cs4 = f.local('i32'), ldc4 = f.local('i32'), src = f.local('i32'), d = f.local('i32');
    const rows = f.local('i32'), cols = f.local('i32'), t = f.local('i32'), r = f.local('i32'), q = f.local('i32');
    const cptr = f.local('i32'), tile = f.local('i32');
    const acc: Local[] = [];
    for (let i = 0; i < 2 * MR; i++) acc.push(f.local('v128'));
    const b0 = f.local('v128'), b1 = f.local('v128'), av = f.local('v128');
    f.get(rsA).i32(ES).op('i32.mul').set(rs4).get(csA).i32(ES).op('i32.mul').set(cs4).get(ldc).i32(ES).op('i32.mul').set(ldc4);
    f.get(scr).i32(MC * KC * ES).op('i32.add').set(tile);
    const madd = (x: Local, y: Local, z: Local): void => {
      if (fma) f.get(x).get(y).get(z).simd(`${V}.relaxed_madd`).set(z);
      else f.get(x).get(y).simd(`${V}.mul`).get(z).simd(`${V}.add`).set(z);
    };
    f.for(pc, 0, k, KC, () => {
      f.get(k).get(pc).op('i32.sub').set(t).i32(KC).set(kc);
      minI32(f, t, kc).set(kc);
      // pack A[0..m, pc..pc+kc) into MR-row micro panels at scr + ir*kc*4
      f.for(ir, 0, mm, MR, () => {
        f.get(mm).get(ir).op('i32.sub').set(rows);
        f.get(a).get(ir).get(rs4).op('i32.mul', 'i32.add').get(pc).get(cs4).op('i32.mul', 'i32.add').set(src);
        f.get(scr).get(ir).get(kc).op('i32.mul').i32(ES).op('i32.mul', 'i32.add').set(d);
        f.for(p, 0, kc, 1, () => {
          for (let rr = 0; rr < MR; rr++) {
            // element (ir+rr, pc+p), or 0 past the last row so edge panels need no special micro-kernel
            f.get(rows).i32(rr).op('i32.gt_s');
            f.if(() => { f.get(d).get(src).i32(rr).get(rs4).op('i32.mul', 'i32.add').mem(LOAD).mem(STORE, rr * ES); },
              () => { f.get(d); zero(f); f.mem(STORE, rr * ES); });
          }
          f.inc(src, cs4).inc(d, MR * ES);
        });
      });
      f.for(jr, 0, n, NR, () => {
        f.get(bp).get(jr).get(k).op('i32.mul').get(pc).i32(NR).op('i32.mul', 'i32.add').i32(ES).op('i32.mul', 'i32.add').set(pbBase);
        f.for(ir, 0, mm, MR, () => {
          f.get(scr).get(ir).get(kc).op('i32.mul').i32(ES).op('i32.mul', 'i32.add').tee(pa);
          f.get(kc).i32(MR * ES).op('i32.mul', 'i32.add').set(paEnd);
          f.get(pbBase).set(pb);
          for (const v of acc) f.f64(0).simd('f64x2.splat').set(v);
          f.loop(() => {
            f.get(pb).mem('v128.load', 0).set(b0).get(pb).mem('v128.load', 16).set(b1);
            for (let rr = 0; rr < MR; rr++) {
              f.get(pa).mem(SPLAT, rr * ES).set(av);
              madd(av, b0, acc[2 * rr]);
              madd(av, b1, acc[2 * rr + 1]);
            }
            f.inc(pa, MR * ES).inc(pb, NR * ES);
            f.get(pa).get(paEnd).op('i32.lt_u').brIf(0);
          });
          f.get(c).get(ir).get(ldc4).op('i32.mul', 'i32.add').get(jr).i32(ES).op('i32.mul', 'i32.add').set(cptr);
          f.get(ir).i32(MR).op('i32.add').get(mm).op('i32.le_s').get(jr).i32(NR).op('i32.add').get(n).op('i32.le_s').op('i32.and');
          f.if(() => {
            // full tile: straight into C, adding to it after the first KC slice
            f.get(pc).op('i32.eqz');
            f.if(() => {
              for (let rr = 0; rr < MR; rr++) {
                f.get(cptr).get(acc[2 * rr]).mem('v128.store', 0).get(cptr).get(acc[2 * rr + 1]).mem('v128.store', 16);
                f.inc(cptr, ldc4);
              }
            }, () => {
              for (let rr = 0; rr < MR; rr++) {
                f.get(cptr).get(cptr).mem('v128.load', 0).get(acc[2 * rr]).simd(`${V}.add`).mem('v128.store', 0);
                f.get(cptr).get(cptr).mem('v128.load', 16).get(acc[2 * rr + 1]).simd(`${V}.add`).mem('v128.store', 16);
                f.inc(cptr, ldc4);
              }
            });
          }, () => {
            for (let rr = 0; rr < MR; rr++) {
              f.get(tile).get(acc[2 * rr]).mem('v128.store', rr * 32).get(tile).get(acc[2 * rr + 1]).mem('v128.store', rr * 32 + 16);
            }
            f.get(mm).get(ir).op('i32.sub').set(t).i32(MR).set(rows); minI32(f, t, rows).set(rows);
            f.get(n).get(jr).op('i32.sub').set(t).i32(NR).set(cols); minI32(f, t, cols).set(cols);
            f.for(r, 0, rows, 1, () => {
              f.for(q, 0, cols, 1, () => {
                f.get(cptr).get(q).i32(ES).op('i32.mul', 'i32.add').set(d);
                f.get(d);
                f.get(tile).get(r).i32(32).op('i32.mul', 'i32.add').get(q).i32(ES).op('i32.mul', 'i32.add').mem(LOAD);
                zero(f); f.get(d).mem(LOAD).get(pc).op('i32.eqz').op('select'); // C starts from 0 on the first slice
                f.op(dt === 'f32' ? 'f32.add' : 'f64.add').mem(STORE);
              });
              f.inc(cptr, ldc4);
            });
          });
        });
      });
    });
  });
}
