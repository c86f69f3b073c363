/**
 * @file The lane partials of PyTorch 1.13's float sum, in its exact order of additions ([Note: cascade sum] in
 * src/shared/tensor/cascade-sum.ts), as wasm SIMD kernels.
 *
 * [Note: ordered sum kernel] PyTorch's vectorized_inner_sum gives each of L lanes (8 floats or 4 doubles) its own
 * row_sum, and row_sum splits its row into 4 interleaved partials summed by multi_row_sum's 4-level cascade. So a
 * contiguous row is read in blocks of 4·L elements = 128 bytes for both dtypes, and element k·L + l of a block
 * belongs to partial (k, l): 4·L independent accumulators, which are exactly 8 v128 registers whichever the dtype.
 * All 4·L partials see the same number of rows, so they share one cascade schedule and every level can be a whole
 * vector add. Levels 1-3 live in memory (touched once per `step` blocks), level 0 in 8 locals, so the hot loop is
 * 8 loads and 8 adds per 128 bytes with nothing to spill. wasm's f32 add rounds once, as Math.fround(a + b) does
 * on float32 inputs (double rounding is exact for +), and every add of the TypeScript cascade, zeros included
 * (they decide the sign of a zero sum), happens here too: the partials are bit-identical.
 *
 * Threads without a change of order: level 3 only ever receives level 2 at multiples of step³ blocks, and levels
 * 0-2 are zero again after each such carry. So each whole "chunk" of step³ blocks contributes one value that
 * depends on that chunk alone; `osumc` computes those chunk values in parallel, the caller folds them into level 3
 * in chunk order (the same adds, in the same order: `osumf`), and `osum` runs the remaining blocks from that level 3 on.
 * For one long row the few leftover rows and the horizontal finish stay in TypeScript
 * (src/shared/backends/cpu/ordered.ts); `osumr` does the whole row, finish included, for many short rows in one
 * call, and `osum` with a matrix row as its block stride gives column sums (vectorized_outer_sum).
 */
import type { FnBuilder, Local, ModuleBuilder, SimdOp } from './emitter';
import type { FloatDtype } from './elementwise';

export const orderedSumName = (dt: FloatDtype): string => `osum_${dt}`;
export const orderedChunksName = (dt: FloatDtype): string => `osumc_${dt}`;
export const orderedRowsName = (dt: FloatDtype): string => `osumr_${dt}`;
export const orderedFoldName = (dt: FloatDtype): string => `osumf_${dt}`;

/** Bytes of one kernel scratch: 4 cascade levels of 8 vectors (osum's `out`, and each chunk slot of osumc). */
export const ORDERED_SCRATCH_BYTES = 4 * 128;

/** The cascade's registers and memory levels for one kernel body; blocks are `stride` bytes apart. */
function cascadeParts(f: FnBuilder, dt: FloatDtype, p: Local, levels: Local, stride: Local) {
  const add: SimdOp = dt === 'f32' ? 'f32x4.add' : 'f64x2.add';
  const acc = Array.from({ length: 8 }, () => f.local('v128'));
  const zero = (): FnBuilder => f.f64(0).simd('f64x2.splat');
  /** level[j] (j >= 1) of vector v, in memory: levels + 128 j + 16 v. */
  const level = (j: number, v: number): FnBuilder => f.get(levels).mem('v128.load', 128 * j + 16 * v);
  const storeLevel = (j: number, v: number, value: () => void): void => { f.get(levels); value(); f.mem('v128.store', 128 * j + 16 * v); };
  return {
    add, acc, zero, level, storeLevel,
    /** level[j] += level[j-1]; level[j-1] = 0, for all 8 vectors (level 0 being the locals). */
    carry(j: number): void {
      for (let v = 0; v < 8; v++) {
        storeLevel(j, v, () => { level(j, v); if (j === 1) f.get(acc[v]!); else level(j - 1, v); f.simd(add); });
        if (j === 1) zero().set(acc[v]!); else storeLevel(j - 1, v, zero);
      }
    },
    /** acc[v] += the block at p, v = 0..7; p += stride. */
    addBlock(): void {
      acc.forEach((v, k) => { f.get(v).get(p).mem('v128.load', 16 * k).simd(add).set(v); });
      f.inc(p, stride);
    },
    /** Zeroes level 0 and memory levels 1..upTo. */
    reset(upTo: number): void {
      for (const v of acc) zero().set(v);
      for (let j = 1; j <= upTo; j++) for (let v = 0; v < 8; v++) storeLevel(j, v, zero);
    },
  };
}

interface Schedule { rows: Local; step: Local; mask1: Local; mask2: Local; stride: Local }

/**
 * multi_row_sum over `rows` blocks from p (levels 0-2 zeroed, level 3 as found): the runs of `step` blocks with
 * their carries, the leftover blocks into level 0, then level 0 + level 1 + level 2 + level 3 left in the acc
 * locals. `i` and `end` are scratch locals; p ends past the last block.
 */
function runCascade(f: FnBuilder, c: ReturnType<typeof cascadeParts>, s: Schedule, i: Local, p: Local, end: Local): void {
  f.i32(0).set(i);
  f.block(() => f.loop(() => {
    // while (i + step <= rows)
    f.get(i).get(s.step).op('i32.add').get(s.rows).op('i32.gt_u').brIf(1);
    f.get(s.step).get(s.stride).op('i32.mul').get(p).op('i32.add').set(end);
    f.loop(() => { c.addBlock(); f.get(p).get(end).op('i32.lt_u').brIf(0); });
    f.inc(i, s.step);
    c.carry(1);
    f.get(i).get(s.mask1).op('i32.and').brIf(0);
    c.carry(2);
    f.get(i).get(s.mask2).op('i32.and').brIf(0);
    c.carry(3);
    f.br(0);
  }));
  // the rows left over after the last whole step go into level 0, then the levels merge into it
  f.get(s.rows).get(i).op('i32.sub').get(s.stride).op('i32.mul').get(p).op('i32.add').set(end);
  f.block(() => {
    f.get(p).get(end).op('i32.ge_u').brIf(0);
    f.loop(() => { c.addBlock(); f.get(p).get(end).op('i32.lt_u').brIf(0); });
  });
  c.acc.forEach((v, k) => {
    f.get(v);
    for (let j = 1; j < 4; j++) c.level(j, k).simd(c.add);
    f.set(v);
  });
}

export function emitOrderedSum(m: ModuleBuilder, dt: FloatDtype): void {
  /**
   * osum_<dt>(a, rows, step, mask1, mask2, out, stride): the multi_row_sum cascade over `rows` blocks of 128
   * bytes, `stride` bytes apart (128 for a contiguous row), from `a`; `step` = 2^power blocks per level-0 run,
   * mask_j = (step - 1) << (j * power). Level 3 starts from what the caller left at out[384, 512) (zeros, or the
   * folded chunk values), levels 0-2 from zero; `rows` must start at a multiple of step³ of the whole row. Leaves
   * partial (k, l) at element k·L + l of `out` (level 0 after the final merge); out[128, 384) is the kernel's
   * own level storage. With a stride of a matrix row, the 4·L values are 4·L columns' sums: PyTorch's
   * vectorized_outer_sum, which runs one multi_row_sum per column.
   */
  m.fn(orderedSumName(dt), ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (f) => {
    const [a, rows, step, mask1, mask2, out, stride] = f.params;
    const i = f.local('i32'), p = f.local('i32'), end = f.local('i32');
    const c = cascadeParts(f, dt, p, out, stride);
    c.reset(2);
    f.get(a).set(p);
    runCascade(f, c, { rows, step, mask1, mask2, stride }, i, p, end);
    c.acc.forEach((v, k) => c.storeLevel(0, k, () => f.get(v)));
  });

  /**
   * osumc_<dt>(a, chunks, step, mask1, mask2, out): for each of `chunks` consecutive chunks of step³ blocks at `a`,
   * the value its level 2 carries into level 3, written to the chunk's 512-byte slot of `out` (vectors at
   * [0, 128); [128, 384) is scratch). Slots are independent, so the pool can run chunks on any thread.
   */
  m.fn(orderedChunksName(dt), ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (f) => {
    const [a, chunks, step, mask1, mask2, out] = f.params;
    const i = f.local('i32'), p = f.local('i32'), end = f.local('i32'), slot = f.local('i32'), slotsEnd = f.local('i32');
    const stride = f.local('i32');
    f.i32(128).set(stride);
    const c = cascadeParts(f, dt, p, slot, stride);
    f.get(a).set(p);
    f.get(out).set(slot);
    f.get(chunks).i32(9).op('i32.shl').get(out).op('i32.add').set(slotsEnd);
    f.block(() => f.loop(() => {
      f.get(slot).get(slotsEnd).op('i32.ge_u').brIf(1);
      c.reset(2);
      f.i32(0).set(i);
      f.block(() => f.loop(() => {
        f.get(step).i32(7).op('i32.shl').get(p).op('i32.add').set(end);
        f.loop(() => { c.addBlock(); f.get(p).get(end).op('i32.lt_u').brIf(0); });
        f.inc(i, step);
        c.carry(1);
        f.get(i).get(mask1).op('i32.and').brIf(0);
        c.carry(2);
        f.get(i).get(mask2).op('i32.and').brIf(0);
        f.br(1); // i = step³: level 2 holds the chunk's value (what osum would add into level 3)
      }));
      for (let v = 0; v < 8; v++) c.storeLevel(0, v, () => c.level(2, v));
      f.inc(slot, 512);
      f.br(0);
    }));
  });

  /**
   * osumf_<dt>(slots, chunks, dst): the fold of osumc's chunk values into level 3, ((0 + chunk 0) + chunk 1) + ...
   * in chunk order, one vector add (one rounding per lane, as the sequential cascade adds them) per chunk; the 8
   * vectors go to dst (osum's level 3, out + 384). In wasm rather than TypeScript: a loop of 32·chunks adds in the
   * caller's JavaScript became hot within a few calls, and V8 then spent ~12 ms optimizing it on a background
   * thread, the very core the pool's worker needed (a fresh process's 4th to 6th 10^7 sums ran on one thread).
   */
  m.fn(orderedFoldName(dt), ['i32', 'i32', 'i32'], [], (f) => {
    const [slots, chunks, dst] = f.params;
    const end = f.local('i32');
    const add: SimdOp = dt === 'f32' ? 'f32x4.add' : 'f64x2.add';
    const acc = Array.from({ length: 8 }, () => f.local('v128'));
    for (const v of acc) f.f64(0).simd('f64x2.splat').set(v);
    f.get(chunks).i32(9).op('i32.shl').get(slots).op('i32.add').set(end);
    f.block(() => {
      f.get(slots).get(end).op('i32.ge_u').brIf(0);
      f.loop(() => {
        acc.forEach((v, k) => { f.get(v).get(slots).mem('v128.load', 16 * k).simd(add).set(v); });
        f.inc(slots, 512);
        f.get(slots).get(end).op('i32.lt_u').brIf(0);
      });
    });
    acc.forEach((v, k) => { f.get(dst).get(v).mem('v128.store', 16 * k); });
  });

  /**
   * osumr_<dt>(a, count, rowBytes, blocks, vecBytes, step, mask1, mask2, scratch, out): the whole of
   * contiguousRowSum for `count` rows of rowBytes each (n elements, n >= L), one result per row to `out`, in a's
   * dtype. Per row: the cascade over its `blocks` blocks; each lane's row_sum finish as vectors (partial 0, the
   * leftover L-element rows up to vecBytes = floor(n / L)·L·size, partials 1..3: lane-wise adds, the same as one
   * lane at a time); then vectorized_inner_sum's scalar tail from vecBytes and the lanes in order. For many short
   * rows (x.sum(-1) of a 100000 x 100 matrix) this saves the per-row call and TypeScript finish.
   */
  m.fn(orderedRowsName(dt), ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], (f) => {
    const [a, count, rowBytes, rows, vecBytes, step, mask1, mask2, scratch, out] = f.params;
    const i = f.local('i32'), p = f.local('i32'), end = f.local('i32'), r = f.local('i32'), rowsEnd = f.local('i32');
    const stride = f.local('i32');
    const acc = dt === 'f32' ? f.local('f32') : f.local('f64');
    const es = dt === 'f32' ? 4 : 8;
    const V = dt === 'f32' ? 'f32x4' : 'f64x2';
    const c = cascadeParts(f, dt, p, scratch, stride);
    f.i32(128).set(stride);
    f.get(a).set(r);
    f.get(count).get(rowBytes).op('i32.mul').get(a).op('i32.add').set(rowsEnd);
    f.block(() => f.loop(() => {
      f.get(r).get(rowsEnd).op('i32.ge_u').brIf(1);
      c.reset(3);
      f.get(r).set(p);
      runCascade(f, c, { rows, step, mask1, mask2, stride }, i, p, end);
      // acc[0], acc[1]: partial k = 0 of lanes 0..L-1; p is now at the leftover L-element rows
      f.get(r).get(vecBytes).op('i32.add').set(end);
      f.block(() => {
        f.get(p).get(end).op('i32.ge_u').brIf(0);
        f.loop(() => {
          for (let h = 0; h < 2; h++) f.get(c.acc[h]!).get(p).mem('v128.load', 16 * h).simd(c.add).set(c.acc[h]!);
          f.inc(p, 32);
          f.get(p).get(end).op('i32.lt_u').brIf(0);
        });
      });
      for (let k = 1; k < 4; k++) for (let h = 0; h < 2; h++) f.get(c.acc[h]!).get(c.acc[2 * k + h]!).simd(c.add).set(c.acc[h]!);
      // vectorized_inner_sum: 0, then the scalar tail, then lane 0, 1, ...
      if (dt === 'f32') f.f32(0); else f.f64(0);
      f.set(acc);
      f.get(r).get(rowBytes).op('i32.add').set(end);
      f.block(() => {
        f.get(p).get(end).op('i32.ge_u').brIf(0);
        f.loop(() => {
          f.get(acc).get(p).mem(dt === 'f32' ? 'f32.load' : 'f64.load').op(dt === 'f32' ? 'f32.add' : 'f64.add').set(acc);
          f.inc(p, es);
          f.get(p).get(end).op('i32.lt_u').brIf(0);
        });
      });
      for (let h = 0; h < 2; h++) {
        for (let l = 0; l < 16 / es; l++) {
          f.get(acc).get(c.acc[h]!).lane(`${V}.extract_lane` as 'f32x4.extract_lane', l).op(dt === 'f32' ? 'f32.add' : 'f64.add').set(acc);
        }
      }
      f.get(out).get(acc).mem(dt === 'f32' ? 'f32.store' : 'f64.store');
      f.inc(out, es);
      f.get(r).get(rowBytes).op('i32.add').set(r);
      f.br(0);
    }));
  });
}
