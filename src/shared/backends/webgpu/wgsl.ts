/// <reference types="@webgpu/types" />
/**
 * @file WGSL programs for the WebGPU backend, generated from templates: one elementwise template (binary,
 * scalar and unary ops, strided or contiguous), a barrier-free range sum, a per-line cumsum, and three matmuls.
 * [Note: WebGPU strided views] Views arrive as (offset, shape, strides) in a small `P: array<u32>` parameter
 * buffer; a thread turns its flat index into an element offset per operand by dividing through the shape, so
 * broadcast (stride 0) and permuted views need no copy. Strides are never negative (PyTorch has none).
 * [Note: matmul variants] `tiled`: a 16x16 workgroup computes a 64x64 tile, staging 64x16 of A and 16x64 of B
 * in workgroup memory per step (workgroupBarrier), 4x4 outputs per thread in vec4 accumulators: the fallback
 * on hardware adapters for operands the vec4 kernels can't take (22.6 TFLOPS at 4096 on an H200 through
 * Dawn/Vulkan; `v4k16` 37.9, cuBLAS float32 50.7: bench/gpu-results/h200-run1-vec4.json).
 * `tiled8`: a 128x128 tile, 8x8 per thread (the two 4-column halves 64 apart, so neighbouring threads read
 * neighbouring vec4s); more reuse per load, more registers: bench/gpu.sh measures both. `regs`: the same 4x4 register blocking reading straight from storage, no barrier: SwiftShader (the
 * software adapter) runs it ~10x faster than `tiled`, which can crash or crawl there. `naive`: one output per
 * thread, the fallback for anything odd. `v4k8`/`v4k16`: see [Note: vec4 matmul] in matmul-vec4.ts; they need
 * vec4-aligned row-major operands, and the backend runs `tiled` in their place for anything else.
 */
import type { BinaryOp, UnaryOp } from '../backend';
import { isVec4Variant, matmulVec4, type Vec4Variant } from './matmul-vec4';

export const MAX_RANK = 8;
export const WG = 256;

const BIN_EXPR: Record<BinaryOp, string> = {
  add: 'x + y', sub: 'x - y', mul: 'x * y', div: 'x / y',
  // WGSL's max/min leave NaN unspecified; PyTorch propagates it. NAN(v) tests the bits: WGSL lets a compiler
  // assume there are no NaNs, and SwiftShader's x != x was false for one. The parentheses matter on vec4, where ||
  // turns into |, which WGSL does not let share an expression with a comparison unparenthesised.
  maximum: 'select(max(x, y), x + y, NAN(x) || NAN(y))',
  minimum: 'select(min(x, y), x + y, NAN(x) || NAN(y))',
};
// ZERO is a zero of the operand's type (f32 or vec4f: WGSL does not compare a vector with a scalar). A unary
// op's `y` is -inf, passed in at run time (an infinite or NaN constant is a shader-creation error), and y - y is
// NaN: WGSL leaves log and sqrt outside their domain indeterminate, and SwiftShader gave log(-2) = 0.6931,
// log(0) = -88.03 and log(NaN) = 89.13. tanh's input is clamped because some drivers compute it as a ratio of
// exponentials, NaN past |x| ~ 44; tanh(15) is already 1 in float32.
const UN_EXPR: Record<UnaryOp, string> = {
  neg: '-x', abs: 'abs(x)', sqrt: 'select(sqrt(x), y - y, (x < ZERO) || NAN(x))', exp: 'exp(x)',
  log: 'select(select(log(x), y, x == ZERO), y - y, (x < ZERO) || NAN(x))',
  tanh: 'tanh(clamp(x, ZERO - 15.0, ZERO + 15.0))', sigmoid: '1.0 / (1.0 + exp(-x))',
  relu: 'select(x, ZERO, x < ZERO)',
};

export type ElementwiseForm =
  | { kind: 'binary'; op: BinaryOp }
  | { kind: 'scalar'; op: BinaryOp; scalarFirst: boolean }
  | { kind: 'unary'; op: UnaryOp };

/** A generated program: its source and which of A/B/O/P it binds (in binding order 0..3). */
export interface Program { code: string; bindings: readonly ('A' | 'B' | 'O' | 'P')[] }

const header = (bindings: readonly string[], T = 'f32'): string => bindings.map((b, i) => {
  const decl = b === 'O' ? `var<storage, read_write> O: array<${T}>` : b === 'P' ? 'var<storage, read> P: array<u32>' : `var<storage, read> ${b}: array<${T}>`;
  return `@group(0) @binding(${i}) ${decl};`;
}).join('\n');

/** Flat index of this thread over a 2-D dispatch (more than 65535 workgroups need a second dimension). */
const FLAT = `let i = g.x + g.y * nw.x * ${WG}u;`;

/**
 * Elementwise template. P layout: [n, rank, offA, offB, offO, scalarBits, shape[rank], sA[rank], sB[rank], sO[rank]].
 * `layout`: 'strided' turns the flat index into offsets; 'contiguous' has every operand dense (offset base + i);
 * 'vec4' is contiguous with n and all offsets multiples of 4, one vec4f per thread (n and offsets in vec4 units).
 */
export function elementwise(form: ElementwiseForm, layout: 'strided' | 'contiguous' | 'vec4'): Program {
  const usesB = form.kind === 'binary';
  const contiguous = layout !== 'strided';
  const T = layout === 'vec4' ? 'vec4f' : 'f32';
  // the expressions are written for f32 and work unchanged on vec4f (|| becomes | on vector booleans)
  const expr = (form.kind === 'unary' ? UN_EXPR[form.op] : BIN_EXPR[form.op]).replaceAll('||', layout === 'vec4' ? '|' : '||')
    .replaceAll('ZERO', layout === 'vec4' ? 'vec4f(0.0)' : 'f32(0.0)')
    .replace(/NAN\((\w)\)/g, layout === 'vec4' ? '((bitcast<vec4u>($1) & vec4u(0x7fffffffu)) > vec4u(0x7f800000u))' : '((bitcast<u32>($1) & 0x7fffffffu) > 0x7f800000u)');
  const sv = layout === 'vec4' ? 'vec4f(s)' : 's';
  const operands = form.kind === 'binary' ? 'A[ia], B[ib]'
    : form.kind === 'scalar' ? (form.scalarFirst ? `${sv}, A[ia]` : `A[ia], ${sv}`) : `A[ia], ${sv}`;
  const bindings = usesB ? (['A', 'B', 'O', 'P'] as const) : (['A', 'O', 'P'] as const);
  const index = contiguous
    ? `let ia = P[2] + i; let ib = P[3] + i; let io = P[4] + i;`
    : `let r = P[1];
  var rem = i; var ia = P[2]; var ib = P[3]; var io = P[4];
  for (var d = i32(r) - 1; d >= 0; d--) {
    let ud = u32(d);
    let ext = P[6u + ud];
    let idx = rem % ext;
    rem = rem / ext;
    ia += idx * P[6u + r + ud]; ib += idx * P[6u + 2u * r + ud]; io += idx * P[6u + 3u * r + ud];
  }`;
  const code = `${header(bindings, T)}
fn op(x: ${T}, y: ${T}) -> ${T} { return ${expr}; }
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) g: vec3u, @builtin(num_workgroups) nw: vec3u) {
  ${FLAT}
  if (i >= P[0]) { return; }
  let s = bitcast<f32>(P[5]);
  ${index}
  ${usesB ? '' : 'let unusedB = ib;'}
  O[io] = op(${operands});
}`;
  return { code, bindings };
}

/**
 * Sum of consecutive ranges of the flat (strided) index space: thread t adds elements [t*L, min(n, (t+1)*L))
 * into O[offO + t]. P: [n, rank, offA, L, offO, 0, shape[rank], sA[rank]]. Barrier-free on purpose; run twice
 * (elements, then partials) for a full reduction.
 */
export function sumRanges(): Program {
  const code = `${header(['A', 'O', 'P'])}
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) g: vec3u, @builtin(num_workgroups) nw: vec3u) {
  ${FLAT}
  let n = P[0]; let r = P[1]; let L = P[3];
  let start = i * L;
  if (start >= n) { return; }
  let end = min(n, start + L);
  var acc = 0.0;
  for (var j = start; j < end; j++) {
    var rem = j; var ia = P[2];
    for (var d = i32(r) - 1; d >= 0; d--) {
      let ud = u32(d);
      let ext = P[6u + ud];
      ia += (rem % ext) * P[6u + r + ud];
      rem = rem / ext;
    }
    acc += A[ia];
  }
  O[P[4] + i] = acc;
}`;
  return { code, bindings: ['A', 'O', 'P'] };
}

/**
 * Reduce or scan along one axis, one thread per line. P: [lines, rank (of the outer shape), offA, offO, len,
 * strideA along the axis, strideO along the axis, 0, outerShape[rank], sA[rank], sO[rank]].
 * `scan`: O gets the running sum along the axis; else O[line] gets the total.
 */
export function alongAxis(scan: boolean): Program {
  const code = `${header(['A', 'O', 'P'])}
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) g: vec3u, @builtin(num_workgroups) nw: vec3u) {
  ${FLAT}
  if (i >= P[0]) { return; }
  let r = P[1];
  var rem = i; var ia = P[2]; var io = P[3];
  for (var d = i32(r) - 1; d >= 0; d--) {
    let ud = u32(d);
    let ext = P[8u + ud];
    let idx = rem % ext;
    rem = rem / ext;
    ia += idx * P[8u + r + ud]; io += idx * P[8u + 2u * r + ud];
  }
  var acc = 0.0;
  for (var j = 0u; j < P[4]; j++) {
    acc += A[ia + j * P[5]];
    ${scan ? 'O[io + j * P[6]] = acc;' : ''}
  }
  ${scan ? '' : 'O[io] = acc;'}
}`;
  return { code, bindings: ['A', 'O', 'P'] };
}

export type MatmulVariant = Vec4Variant | 'tiled8' | 'tiled' | 'regs' | 'naive';
export const MATMUL_VARIANTS: readonly MatmulVariant[] = ['v4k16', 'v4k8', 'tiled8', 'tiled', 'regs', 'naive'];

/** P for every matmul: [m, n, k, offA, offB, offO, aRow, aCol, bRow, bCol, oRow, oCol]. */
const MM_LOAD = `
fn a_at(row: u32, col: u32) -> f32 {
  if (row >= P[0] || col >= P[2]) { return 0.0; }
  return A[P[3] + row * P[6] + col * P[7]];
}
fn b_at(row: u32, col: u32) -> f32 {
  if (row >= P[2] || col >= P[1]) { return 0.0; }
  return B[P[4] + row * P[8] + col * P[9]];
}
fn store(row: u32, col: u32, v: f32) {
  if (row < P[0] && col < P[1]) { O[P[5] + row * P[10] + col * P[11]] = v; }
}
fn store4(row: u32, col: u32, v: vec4f) {
  store(row, col, v.x); store(row, col + 1u, v.y); store(row, col + 2u, v.z); store(row, col + 3u, v.w);
}`;

export function matmul(variant: MatmulVariant): Program {
  const bindings = ['A', 'B', 'O', 'P'] as const;
  if (isVec4Variant(variant)) return { code: matmulVec4(variant), bindings };
  let body: string;
  if (variant === 'naive') {
    body = `@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) g: vec3u) {
  var acc = 0.0;
  for (var p = 0u; p < P[2]; p++) { acc += a_at(g.y, p) * b_at(p, g.x); }
  store(g.y, g.x, acc);
}`;
  } else if (variant === 'regs') {
    body = `@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) g: vec3u) {
  let row = g.y * 4u; let col = g.x * 4u;
  var acc: array<vec4f, 4>;
  for (var p = 0u; p < P[2]; p++) {
    let b = vec4f(b_at(p, col), b_at(p, col + 1u), b_at(p, col + 2u), b_at(p, col + 3u));
    for (var r = 0u; r < 4u; r++) { acc[r] += a_at(row + r, p) * b; }
  }
  for (var r = 0u; r < 4u; r++) { store4(row + r, col, acc[r]); }
}`;
  } else {
    body = variant === 'tiled8' ? tiledBody(8, 2) : tiledBody(4, 1);
  }
  return { code: `${header(bindings)}\n${MM_LOAD}\n${body}`, bindings };
}

/**
 * Shared-memory tiled matmul for a 16x16 workgroup, each thread owning R rows x (4*C4) columns of the tile.
 * The register block is written out as separate variables (no arrays indexed in loops): a first run on an H200
 * showed the 8x8 version running 9x slower than the 4x4 one when its accumulators were an array, which drivers
 * may place in local memory. Staging loads are laid out so neighbouring threads read neighbouring addresses
 * (coalesced for row-major operands).
 */
function tiledBody(R: number, C4: number): string {
  const ROWS = 16 * R, COLS4 = 16 * C4, A_PER = ROWS / 16, B_PER = C4;
  const rs = [...Array(R).keys()], cs = [...Array(C4).keys()];
  const acc = (r: number, c: number) => `acc${r}_${c}`;
  return `const TK = 16u;
var<workgroup> As: array<array<f32, 16>, ${ROWS}>;
var<workgroup> Bs: array<array<vec4f, ${COLS4}>, 16>;
@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) l: vec3u) {
  let row0 = wg.y * ${ROWS}u; let col0 = wg.x * ${COLS4 * 4}u;
  let t = l.y * 16u + l.x;
${rs.flatMap((r) => cs.map((c) => `  var ${acc(r, c)} = vec4f(0.0);`)).join('\n')}
  for (var k0 = 0u; k0 < P[2]; k0 += TK) {
${[...Array(A_PER).keys()].map((e) => `    { let idx = ${e * 256}u + t; As[idx / TK][idx % TK] = a_at(row0 + idx / TK, k0 + idx % TK); }`).join('\n')}
${[...Array(B_PER).keys()].map((e) => `    { let idx = ${e * 256}u + t; let br = idx / ${COLS4}u; let bc = col0 + (idx % ${COLS4}u) * 4u;
      Bs[br][idx % ${COLS4}u] = vec4f(b_at(k0 + br, bc), b_at(k0 + br, bc + 1u), b_at(k0 + br, bc + 2u), b_at(k0 + br, bc + 3u)); }`).join('\n')}
    workgroupBarrier();
    for (var p = 0u; p < TK; p++) {
${cs.map((c) => `      let b${c} = Bs[p][l.x + ${16 * c}u];`).join('\n')}
${rs.map((r) => `      { let a = As[l.y * ${R}u + ${r}u][p]; ${cs.map((c) => `${acc(r, c)} += a * b${c};`).join(' ')} }`).join('\n')}
    }
    workgroupBarrier();
  }
${rs.flatMap((r) => cs.map((c) => `  store4(row0 + l.y * ${R}u + ${r}u, col0 + (l.x + ${16 * c}u) * 4u, ${acc(r, c)});`)).join('\n')}
}`;
}

/** Workgroups to dispatch for `variant` on an m x n output: [x, y]. */
export function matmulGrid(variant: MatmulVariant, m: number, n: number): [number, number] {
  if (variant === 'naive') return [Math.ceil(n / 16), Math.ceil(m / 16)];
  if (variant === 'regs') return [Math.ceil(n / 32), Math.ceil(m / 32)];
  if (variant === 'tiled8' || isVec4Variant(variant)) return [Math.ceil(n / 128), Math.ceil(m / 128)];
  return [Math.ceil(n / 64), Math.ceil(m / 64)];
}
