/**
 * @file A small typed WebAssembly binary emitter: enough of the format (types, one imported shared memory,
 * functions, exports, MVP + SIMD + relaxed-SIMD opcodes) to generate DiveLab's CPU kernels from TypeScript.
 * [Note: generated wasm] No binary is checked in: kernels are plain TS functions that drive a FnBuilder, and the
 * module is assembled when the backend starts (~1 ms). Opcode names follow the spec's text format, so a kernel
 * reads like a .wat listing and an unknown opcode is a compile error.
 */

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';
const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Opcodes without immediates (MVP single byte). */
const PLAIN = {
  unreachable: 0x00, nop: 0x01, else: 0x05, end: 0x0b, return: 0x0f, drop: 0x1a, select: 0x1b,
  'i32.eqz': 0x45, 'i32.eq': 0x46, 'i32.ne': 0x47, 'i32.lt_s': 0x48, 'i32.lt_u': 0x49, 'i32.gt_s': 0x4a,
  'i32.gt_u': 0x4b, 'i32.le_s': 0x4c, 'i32.le_u': 0x4d, 'i32.ge_s': 0x4e, 'i32.ge_u': 0x4f,
  'i32.add': 0x6a, 'i32.sub': 0x6b, 'i32.mul': 0x6c, 'i32.div_s': 0x6d, 'i32.div_u': 0x6e, 'i32.and': 0x71,
  'i32.or': 0x72, 'i32.shl': 0x74, 'i32.shr_s': 0x75, 'i32.shr_u': 0x76,
  'f32.abs': 0x8b, 'f32.neg': 0x8c, 'f32.sqrt': 0x91, 'f32.add': 0x92, 'f32.sub': 0x93, 'f32.mul': 0x94,
  'f32.div': 0x95, 'f32.min': 0x96, 'f32.max': 0x97,
  'f64.abs': 0x99, 'f64.neg': 0x9a, 'f64.sqrt': 0x9f, 'f64.add': 0xa0, 'f64.sub': 0xa1, 'f64.mul': 0xa2,
  'f64.div': 0xa3, 'f64.min': 0xa4, 'f64.max': 0xa5,
  'f32.demote_f64': 0xb6, 'f64.promote_f32': 0xbb,
} as const;

/** SIMD opcodes (0xfd prefix) without immediates. */
const SIMD = {
  'f32x4.splat': 0x13, 'f64x2.splat': 0x14,
  'f32x4.abs': 0xe0, 'f32x4.neg': 0xe1, 'f32x4.sqrt': 0xe3, 'f32x4.add': 0xe4, 'f32x4.sub': 0xe5,
  'f32x4.mul': 0xe6, 'f32x4.div': 0xe7, 'f32x4.min': 0xe8, 'f32x4.max': 0xe9,
  'f64x2.abs': 0xec, 'f64x2.neg': 0xed, 'f64x2.sqrt': 0xef, 'f64x2.add': 0xf0, 'f64x2.sub': 0xf1,
  'f64x2.mul': 0xf2, 'f64x2.div': 0xf3, 'f64x2.min': 0xf4, 'f64x2.max': 0xf5,
  'f64x2.promote_low_f32x4': 0x5f,
  // relaxed SIMD: only emitted when the host validates them (see features.ts)
  'f32x4.relaxed_madd': 0x105, 'f64x2.relaxed_madd': 0x107,
} as const;

const MEM = {
  'i32.load': [0x28, 2], 'f32.load': [0x2a, 2], 'f64.load': [0x2b, 3],
  'i32.store': [0x36, 2], 'f32.store': [0x38, 2], 'f64.store': [0x39, 3],
} as const;
const SIMD_MEM = {
  'v128.load': [0x00, 4], 'v128.load32_splat': [0x09, 2], 'v128.load64_splat': [0x0a, 3], 'v128.store': [0x0b, 4],
} as const;

export type PlainOp = keyof typeof PLAIN;
export type SimdOp = keyof typeof SIMD;
export type MemOp = keyof typeof MEM | keyof typeof SIMD_MEM;

function uleb(out: number[], v: number): void {
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}
function sleb(out: number[], v: number): void {
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) { out.push(b); return; }
    out.push(b | 0x80);
  }
}
const utf8 = (s: string): number[] => { const o: number[] = []; const b = new TextEncoder().encode(s); uleb(o, b.length); o.push(...b); return o; };
const vec = (items: number[][]): number[] => { const o: number[] = []; uleb(o, items.length); for (const i of items) o.push(...i); return o; };

/** A local variable slot; the brand keeps locals from being mixed up with plain numbers. */
export interface Local { readonly index: number; readonly type: ValType }

/** Builds one function body. Structured control helpers keep block nesting balanced by construction. */
export class FnBuilder {
  readonly params: Local[];
  private readonly extra: ValType[] = [];
  private readonly code: number[] = [];
  constructor(readonly name: string, params: ValType[], readonly results: ValType[]) {
    this.params = params.map((type, index) => ({ index, type }));
  }
  local(type: ValType): Local {
    const l = { index: this.params.length + this.extra.length, type };
    this.extra.push(type);
    return l;
  }
  op(...ops: PlainOp[]): this { for (const o of ops) this.code.push(PLAIN[o]); return this; }
  simd(...ops: SimdOp[]): this { for (const o of ops) { this.code.push(0xfd); uleb(this.code, SIMD[o]); } return this; }
  /** Load/store with a constant byte offset; alignment is the natural one. */
  mem(o: MemOp, offset = 0): this {
    if (o in MEM) { const [c, a] = MEM[o as keyof typeof MEM]; this.code.push(c); uleb(this.code, a); }
    else { const [c, a] = SIMD_MEM[o as keyof typeof SIMD_MEM]; this.code.push(0xfd); uleb(this.code, c); uleb(this.code, a); }
    uleb(this.code, offset);
    return this;
  }
  lane(o: 'f32x4.extract_lane' | 'f64x2.extract_lane', lane: number): this {
    this.code.push(0xfd); uleb(this.code, o === 'f32x4.extract_lane' ? 0x1f : 0x21); this.code.push(lane);
    return this;
  }
  get(l: Local): this { this.code.push(0x20); uleb(this.code, l.index); return this; }
  set(l: Local): this { this.code.push(0x21); uleb(this.code, l.index); return this; }
  tee(l: Local): this { this.code.push(0x22); uleb(this.code, l.index); return this; }
  i32(v: number): this { this.code.push(0x41); sleb(this.code, v | 0); return this; }
  f32(v: number): this { this.code.push(0x43); this.code.push(...new Uint8Array(new Float32Array([v]).buffer)); return this; }
  f64(v: number): this { this.code.push(0x44); this.code.push(...new Uint8Array(new Float64Array([v]).buffer)); return this; }
  /** `l += v` for an i32 local. */
  inc(l: Local, v: number | Local): this {
    this.get(l); if (typeof v === 'number') this.i32(v); else this.get(v);
    return this.op('i32.add').set(l);
  }
  block(body: () => void): this { this.code.push(0x02, 0x40); body(); this.code.push(0x0b); return this; }
  loop(body: () => void): this { this.code.push(0x03, 0x40); body(); this.code.push(0x0b); return this; }
  /** Consumes an i32 condition. */
  if(then: () => void, otherwise?: () => void): this {
    this.code.push(0x04, 0x40); then();
    if (otherwise) { this.code.push(0x05); otherwise(); }
    this.code.push(0x0b);
    return this;
  }
  br(depth: number): this { this.code.push(0x0c); uleb(this.code, depth); return this; }
  brIf(depth: number): this { this.code.push(0x0d); uleb(this.code, depth); return this; }
  /**
   * `for (i = start; i < end; i += step) body()` where end is an i32 local; nothing runs if start >= end.
   * Inside body, depth 0 is the loop (continue) and depth 1 the exit block.
   */
  for(i: Local, start: number | Local, end: Local, step: number | Local, body: () => void): this {
    if (typeof start === 'number') this.i32(start); else this.get(start);
    this.set(i);
    return this.block(() => {
      this.get(i).get(end).op('i32.ge_s').brIf(0);
      this.loop(() => {
        body();
        this.inc(i, step);
        this.get(i).get(end).op('i32.lt_s').brIf(0);
      });
    });
  }
  encode(typeIndex: (params: ValType[], results: ValType[]) => number): { type: number; body: number[] } {
    const body: number[] = [];
    // locals grouped in runs of the same type
    const runs: [number, ValType][] = [];
    for (const t of this.extra) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++; else runs.push([1, t]);
    }
    uleb(body, runs.length);
    for (const [n, t] of runs) { uleb(body, n); body.push(VALTYPE[t]); }
    body.push(...this.code, 0x0b);
    const sized: number[] = []; uleb(sized, body.length); sized.push(...body);
    return { type: typeIndex(this.params.map((p) => p.type), this.results), body: sized };
  }
}

/** A module of exported functions over one imported memory `env.memory` (shared when `shared`). */
export class ModuleBuilder {
  private readonly fns: FnBuilder[] = [];
  constructor(private readonly memory: { initial: number; maximum: number; shared: boolean }) {}
  fn(name: string, params: ValType[], results: ValType[], build: (f: FnBuilder) => void): void {
    const f = new FnBuilder(name, params, results);
    build(f);
    this.fns.push(f);
  }
  names(): string[] { return this.fns.map((f) => f.name); }
  encode(): Uint8Array<ArrayBuffer> {
    const types: string[] = [];
    const typeBytes: number[][] = [];
    const typeIndex = (p: ValType[], r: ValType[]): number => {
      const key = p.join(',') + '->' + r.join(',');
      let i = types.indexOf(key);
      if (i < 0) {
        i = types.length; types.push(key);
        typeBytes.push([0x60, ...vec(p.map((t) => [VALTYPE[t]])), ...vec(r.map((t) => [VALTYPE[t]]))]);
      }
      return i;
    };
    const bodies = this.fns.map((f) => f.encode(typeIndex));
    const section = (id: number, content: number[]): number[] => { const o = [id]; uleb(o, content.length); o.push(...content); return o; };
    const { initial, maximum, shared } = this.memory;
    const limits: number[] = [shared ? 0x03 : 0x01]; uleb(limits, initial); uleb(limits, maximum);
    const bytes = [
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      ...section(1, vec(typeBytes)),
      ...section(2, vec([[...utf8('env'), ...utf8('memory'), 0x02, ...limits]])),
      ...section(3, vec(bodies.map((b) => { const o: number[] = []; uleb(o, b.type); return o; }))),
      ...section(7, vec(this.fns.map((f, i) => { const o = [...utf8(f.name), 0x00]; uleb(o, i); return o; }))),
      ...section(10, vec(bodies.map((b) => b.body))),
    ];
    return new Uint8Array(bytes);
  }
}
