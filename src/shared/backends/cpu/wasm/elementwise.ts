/**
 * @file Elementwise kernel family for the wasm module, generated from one template per arity.
 * Every kernel works on contiguous runs: pointers are byte addresses in the shared memory, `n` counts elements.
 * The main loop handles two vectors per iteration, a scalar loop the tail; the pool splits long runs into chunks.
 */
import type { FnBuilder, ModuleBuilder, PlainOp, SimdOp } from './emitter';

export type FloatDtype = 'f32' | 'f64';
export const BINARY_OPS = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'] as const;
export const UNARY_OPS = ['neg', 'abs', 'sqrt'] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];
export type UnaryOp = (typeof UNARY_OPS)[number];

const BIN_SUFFIX: Record<BinaryOp, string> = { add: 'add', sub: 'sub', mul: 'mul', div: 'div', maximum: 'max', minimum: 'min' };
const vecOp = (dt: FloatDtype, s: string): SimdOp => `${dt === 'f32' ? 'f32x4' : 'f64x2'}.${s}` as SimdOp;
const scalarOp = (dt: FloatDtype, s: string): PlainOp => `${dt}.${s}` as PlainOp;
const loadOp = (dt: FloatDtype) => (dt === 'f32' ? 'f32.load' : 'f64.load') as 'f32.load' | 'f64.load';
const storeOp = (dt: FloatDtype) => (dt === 'f32' ? 'f32.store' : 'f64.store') as 'f32.store' | 'f64.store';
export const bytesOf = (dt: FloatDtype): number => (dt === 'f32' ? 4 : 8);

/** Export names; the backend looks kernels up through these so a typo is a compile error there too. */
// precomputed: these run on every small op, where building a template string would be a measurable share
const FORMS = ['vv', 'vs', 'sv'] as const;
const table = <K extends string, T>(keys: readonly K[], f: (k: K) => T) => Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, T>;
const DTS = ['f32', 'f64'] as const;
const BIN_NAMES = table(FORMS, (form) => table(BINARY_OPS, (op) => table(DTS, (dt) => `${form}_${op}_${dt}`)));
const UN_NAMES = table(UNARY_OPS, (op) => table(DTS, (dt) => `u_${op}_${dt}`));
export const binName = (op: BinaryOp, dt: FloatDtype, form: 'vv' | 'vs' | 'sv'): string => BIN_NAMES[form][op][dt];
export const unName = (op: UnaryOp, dt: FloatDtype): string => UN_NAMES[op][dt];
/** Whether a backend-level unary op has a wasm kernel (the others run as plain loops). */
export const isWasmUnary = (op: string): op is UnaryOp => (UNARY_OPS as readonly string[]).includes(op);

/**
 * Shared loop skeleton: `body(f, offVec)` emits the vector step for byte offset local `i`, `tail(f)` the scalar
 * step. Parameters: operand pointers first, `n` last.
 */
function skeleton(f: FnBuilder, dt: FloatDtype, n: number, vec: (i: number) => void, tail: () => void, i: ReturnType<FnBuilder['local']>): void {
  const es = bytesOf(dt);
  const lanes = 16 / es;
  const endV = f.local('i32');
  const end = f.local('i32');
  // endV = (n & ~(2*lanes-1)) * es ; end = n * es
  f.get(f.params[n]).i32(~(2 * lanes - 1)).op('i32.and').i32(es).op('i32.mul').set(endV);
  f.get(f.params[n]).i32(es).op('i32.mul').set(end);
  f.for(i, 0, endV, 32, () => { vec(0); vec(16); });
  f.for(i, endV, end, es, tail);
}

export function emitElementwise(m: ModuleBuilder, dt: FloatDtype): void {
  const T = dt;
  for (const op of BINARY_OPS) {
    const s = BIN_SUFFIX[op];
    // vv: out[i] = a[i] op b[i]
    m.fn(binName(op, dt, 'vv'), ['i32', 'i32', 'i32', 'i32'], [], (f) => {
      const [a, b, o] = f.params;
      const i = f.local('i32');
      const at = (p: typeof a, off: number) => f.get(p).get(i).op('i32.add');
      skeleton(f, dt, 3, (off) => {
        at(o, off); at(a, off).mem('v128.load', off); at(b, off).mem('v128.load', off); f.simd(vecOp(dt, s)).mem('v128.store', off);
      }, () => {
        at(o, 0); at(a, 0).mem(loadOp(dt)); at(b, 0).mem(loadOp(dt)); f.op(scalarOp(dt, s)).mem(storeOp(dt));
      }, i);
    });
    // vs: out[i] = a[i] op s ; sv: out[i] = s op a[i]
    for (const form of ['vs', 'sv'] as const) {
      m.fn(binName(op, dt, form), ['i32', T, 'i32', 'i32'], [], (f) => {
        const [a, sc, o] = f.params;
        const i = f.local('i32');
        const sv = f.local('v128');
        f.get(sc).simd(dt === 'f32' ? 'f32x4.splat' : 'f64x2.splat').set(sv);
        const at = (p: typeof a) => f.get(p).get(i).op('i32.add');
        skeleton(f, dt, 3, (off) => {
          at(o);
          if (form === 'vs') { at(a).mem('v128.load', off); f.get(sv); } else { f.get(sv); at(a).mem('v128.load', off); }
          f.simd(vecOp(dt, s)).mem('v128.store', off);
        }, () => {
          at(o);
          if (form === 'vs') { at(a).mem(loadOp(dt)); f.get(sc); } else { f.get(sc); at(a).mem(loadOp(dt)); }
          f.op(scalarOp(dt, s)).mem(storeOp(dt));
        }, i);
      });
    }
  }
  for (const op of UNARY_OPS) {
    m.fn(unName(op, dt), ['i32', 'i32', 'i32'], [], (f) => {
      const [a, o] = f.params;
      const i = f.local('i32');
      const at = (p: typeof a) => f.get(p).get(i).op('i32.add');
      skeleton(f, dt, 2, (off) => {
        at(o); at(a).mem('v128.load', off); f.simd(vecOp(dt, op)).mem('v128.store', off);
      }, () => {
        at(o); at(a).mem(loadOp(dt)); f.op(scalarOp(dt, op)).mem(storeOp(dt));
      }, i);
    });
  }
}
