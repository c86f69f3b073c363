/**
 * @file The fast WebGPU matmul for real GPUs: 128x128 output tile per 256-thread workgroup, 8x8 outputs per
 * thread in 16 named vec4 accumulators, A and B read from storage as vec4 and staged in workgroup memory with a
 * k-step of TK (8 or 16), the next step's loads issued into registers before the current step's math.
 * [Note: vec4 matmul] It binds A, B and O as `array<vec4f>`, so it only runs when every operand is row-major with
 * unit column stride and offsets, row strides, k and n are multiples of 4 (`vec4Eligible`); anything else goes
 * to the generic `tiled` kernel. Bounds are checked per vec4 (k and n are multiples of 4, so a vec4 is either
 * wholly inside or wholly outside), so m, n and k need not be multiples of the tile.
 * Layout in workgroup memory: As holds A transposed (As[kk*32 + r4] = rows 4*r4..4*r4+3 at depth kk), Bs holds
 * B as is (Bs[kk*32 + c4]). Thread (ty, tx) owns rows 4ty..4ty+3 and 64+4ty..64+4ty+3 and the same columns by
 * tx: the two halves 64 apart make the 16 threads of a row read 16 consecutive vec4s of Bs (no bank conflicts)
 * and the two rows of a warp read two broadcast vec4s of As.
 */
import type { View } from '../backend';

export type Vec4Variant = 'v4k8' | 'v4k16';
export const isVec4Variant = (v: string): v is Vec4Variant => v === 'v4k8' || v === 'v4k16';

/** P (as for every matmul): [m, n, k, offA, offB, offO, aRow, aCol, bRow, bCol, oRow, oCol], in floats. */
export function vec4Eligible(a: View<unknown>, b: View<unknown>, out: View<unknown>, n: number, k: number): boolean {
  const rowMajor4 = (v: View<unknown>) => v.strides[1] === 1 && v.strides[0]! % 4 === 0 && v.offset % 4 === 0;
  return n % 4 === 0 && k % 4 === 0 && rowMajor4(a) && rowMajor4(b) && rowMajor4(out);
}

export function matmulVec4(variant: Vec4Variant): string {
  const TK = Number(variant.slice(3));
  // A tile: 128 rows x TK/4 vec4; B tile: TK rows x 32 vec4; both spread over 256 threads
  const AV = TK / 4, PER = (128 * AV) / 256;
  const es = [...Array(PER).keys()];
  const rows = [...Array(8).keys()];
  const acc = (i: number, j: number) => `c${i}${j}`;
  // row i of the thread's 8: 0..3 from vector a0, 4..7 from a1
  const fma = (kk: number) => `      { let a0 = As[${kk * 32}u + ty]; let a1 = As[${kk * 32 + 16}u + ty];
        let b0 = Bs[${kk * 32}u + tx]; let b1 = Bs[${kk * 32 + 16}u + tx];
${rows.map((i) => `        ${acc(i, 0)} = fma(vec4f(a${i >> 2}[${i & 3}]), b0, ${acc(i, 0)}); ${acc(i, 1)} = fma(vec4f(a${i >> 2}[${i & 3}]), b1, ${acc(i, 1)});`).join('\n')}
      }`;
  return `@group(0) @binding(0) var<storage, read> A: array<vec4f>;
@group(0) @binding(1) var<storage, read> B: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> O: array<vec4f>;
@group(0) @binding(3) var<storage, read> P: array<u32>;
var<workgroup> As: array<vec4f, ${TK * 32}>;
var<workgroup> Bs: array<vec4f, ${TK * 32}>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) t: u32) {
  let M = P[0]; let N4 = P[1] / 4u; let K = P[2];
  let offA = P[3] / 4u; let offB = P[4] / 4u; let offO = P[5] / 4u;
  let lda = P[6] / 4u; let ldb = P[8] / 4u; let ldo = P[10] / 4u;
  let row0 = wg.y * 128u; let col4 = wg.x * 32u;
  let tx = t % 16u; let ty = t / 16u;
  // staging coordinates: A element e of this thread is (row ar_e, vec4 ak_e along k); B is (row br_e, vec4 bc)
${es.map((e) => `  let ar${e} = row0 + (t + ${e * 256}u) / ${AV}u; let ak${e} = (t + ${e * 256}u) % ${AV}u;
  let br${e} = (t + ${e * 256}u) / 32u;`).join('\n')}
  let bc = col4 + t % 32u;
${es.map((e) => `  var pa${e}: vec4f; var pb${e}: vec4f;`).join('\n')}
${rows.map((i) => `  var ${acc(i, 0)} = vec4f(0.0); var ${acc(i, 1)} = vec4f(0.0);`).join('\n')}
  var k0 = 0u;
${loadNext(es, '0u')}
  for (; k0 < K; k0 += ${TK}u) {
${es.map((e) => `    { let r = (t + ${e * 256}u) / ${AV}u; let kk = ak${e} * 4u;
      As[kk * 32u + r / 4u][r % 4u] = pa${e}.x; As[(kk + 1u) * 32u + r / 4u][r % 4u] = pa${e}.y;
      As[(kk + 2u) * 32u + r / 4u][r % 4u] = pa${e}.z; As[(kk + 3u) * 32u + r / 4u][r % 4u] = pa${e}.w;
      Bs[br${e} * 32u + t % 32u] = pb${e}; }`).join('\n')}
    workgroupBarrier();
    // the next step's global loads go out before this step's math, so their latency hides behind it
${loadNext(es, `k0 + ${TK}u`).replace(/^/gm, '  ')}
${[...Array(TK).keys()].map(fma).join('\n')}
    workgroupBarrier();
  }
${rows.map((i) => `  { let r = row0 + ${(i >> 2) * 64 + (i & 3)}u + ty * 4u;
    if (r < M) { if (col4 + tx < N4) { O[offO + r * ldo + col4 + tx] = ${acc(i, 0)}; }
                 if (col4 + 16u + tx < N4) { O[offO + r * ldo + col4 + 16u + tx] = ${acc(i, 1)}; } } }`).join('\n')}
}`;

  function loadNext(idx: number[], kStart: string): string {
    return idx.map((e) => `  { let kb = ${kStart};
    let ka = kb + ak${e} * 4u;
    pa${e} = select(vec4f(0.0), A[offA + ar${e} * lda + ka / 4u], ar${e} < M && ka < K);
    let kr = kb + br${e};
    pb${e} = select(vec4f(0.0), B[offB + kr * ldb + bc], kr < K && bc < N4); }`).join('\n');
  }
}
