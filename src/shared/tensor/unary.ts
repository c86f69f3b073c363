/**
 * @file Unary elementwise ops (math functions, rounding, logical/bitwise not, predicates), clamp and where.
 * Float-only functions promote integer and bool inputs to the default float dtype, as PyTorch does.
 */
import { runtimeError, typeError } from '../errors';
import { castValue, getDefaultDtype, isFloating, resultType, TYPE_NAME, type DType, type ScalarKind } from './dtype';
import { canCast, roundHalfEven } from './binary';
import { storeFix } from './copy';
import { accelUnary } from './accel';
import { map1, map3, viewOf, type View } from './iterate';
import { type Operand, isTensor } from './scalar';
import { broadcastShapes, broadcastStrides } from './shape';
import { assertNoInternalOverlap, assertNoPartialOverlap, elementwiseStrides, emptyStrided } from './layout';
import { gpuUnary, isCuda } from './device';
import { bumpVersion, type Shape, type Tensor } from './tensor';

export type UnaryOp =
  | 'neg' | 'abs' | 'exp' | 'log' | 'log2' | 'log10' | 'log1p' | 'expm1' | 'sqrt' | 'rsqrt'
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh' | 'tanh' | 'sigmoid' | 'relu'
  | 'round' | 'floor' | 'ceil' | 'trunc' | 'frac' | 'sign' | 'square' | 'reciprocal'
  | 'logical_not' | 'bitwise_not' | 'isnan' | 'isinf' | 'isfinite' | 'positive';

type Kind = 'float' | 'same' | 'bool' | 'int-or-float';

interface UnaryDef { kind: Kind; fn: (d: DType) => (x: number) => number; refuse?: (d: DType) => Error | null }

const notImpl = (name: string) => (d: DType): Error | null =>
  d === 'bool' ? runtimeError(`"${name}" not implemented for 'Bool'`) : null;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** float32 sigmoid in float32 steps, as PyTorch computes it: exp(100) overflows to inf, so sigmoid(-100) is 0. */
const sigmoid32 = (x: number): number => 1 / Math.fround(1 + Math.fround(Math.exp(-x)));

const F = (fn: (x: number) => number): UnaryDef => ({ kind: 'float', fn: () => fn });

const UNARY: { [K in UnaryOp]: UnaryDef } = {
  neg: {
    kind: 'same', fn: () => (x) => -x,
    refuse: (d) => (d === 'bool' ? runtimeError('Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.') : null),
  },
  positive: {
    kind: 'same', fn: () => (x) => x,
    refuse: (d) => (d === 'bool' ? runtimeError('The `+` operator, on a bool tensor is not supported.') : null),
  },
  abs: { kind: 'same', fn: () => Math.abs, refuse: notImpl('abs_cpu') },
  exp: F(Math.exp), log: F(Math.log), log2: F(Math.log2), log10: F(Math.log10), log1p: F(Math.log1p),
  expm1: F(Math.expm1), sqrt: F(Math.sqrt), rsqrt: F((x) => 1 / Math.sqrt(x)),
  sin: F(Math.sin), cos: F(Math.cos), tan: F(Math.tan), asin: F(Math.asin), acos: F(Math.acos), atan: F(Math.atan),
  sinh: F(Math.sinh), cosh: F(Math.cosh), tanh: F(Math.tanh), sigmoid: { kind: 'float', fn: (d) => (d === 'float32' ? sigmoid32 : sigmoid) }, reciprocal: F((x) => 1 / x),
  relu: {
    // clamp_min(x, 0) as PyTorch computes it: only x < 0 becomes 0, so NaN and -0. pass through
    kind: 'same', fn: () => (x) => (x < 0 ? 0 : x),
    refuse: (d) => (d === 'bool' ? runtimeError('Boolean inputs not supported for relu') : null),
  },
  round: { kind: 'same', fn: () => roundHalfEven, refuse: notImpl('round_vml_cpu') },
  floor: { kind: 'same', fn: () => Math.floor, refuse: notImpl('floor_vml_cpu') },
  ceil: { kind: 'same', fn: () => Math.ceil, refuse: notImpl('ceil_vml_cpu') },
  trunc: { kind: 'same', fn: () => Math.trunc, refuse: notImpl('trunc_vml_cpu') },
  frac: { kind: 'same', fn: () => (x) => x - Math.trunc(x), refuse: (d) => (isFloating(d) ? null : runtimeError(`"frac_cpu" not implemented for '${TYPE_NAME[d]}'`)) },
  sign: { kind: 'same', fn: () => (x) => (x > 0 ? 1 : x < 0 ? -1 : x) },
  square: { kind: 'int-or-float', fn: () => (x) => x * x },
  logical_not: { kind: 'bool', fn: () => (x) => +(x === 0) },
  bitwise_not: {
    kind: 'same', fn: (d) => (d === 'bool' ? (x) => 1 - x : (x) => ((x | 0) === x ? ~x : -x - 1)),
    refuse: (d) => (isFloating(d) ? runtimeError(`"bitwise_not_cpu" not implemented for '${TYPE_NAME[d]}'`) : null),
  },
  isnan: { kind: 'bool', fn: () => (x) => +(x !== x) },
  isinf: { kind: 'bool', fn: () => (x) => +(x === Infinity || x === -Infinity) },
  isfinite: { kind: 'bool', fn: () => (x) => +Number.isFinite(x) },
};

export const UNARY_OPS = Object.keys(UNARY) as UnaryOp[];

function resultDtype(def: UnaryDef, d: DType): DType {
  switch (def.kind) {
    case 'float': return isFloating(d) ? d : getDefaultDtype();
    case 'same': return d;
    case 'bool': return 'bool';
    case 'int-or-float': return d === 'bool' ? 'int64' : d;
    default: return def.kind satisfies never;
  }
}

function runUnary(op: UnaryOp, t: Tensor, out: Tensor | null): Tensor {
  const def = UNARY[op];
  const err = def.refuse?.(t.dtype);
  if (err) throw err;
  const rd = resultDtype(def, t.dtype);
  let target = out;
  if (out !== null) assertNoInternalOverlap(out);
  const onDevice = isCuda(t) && gpuUnary(op, t, rd, out, () => elementwiseStrides(t.shape, [t]));
  if (onDevice) return onDevice;
  if (target === null) target = emptyStrided(t.shape, elementwiseStrides(t.shape, [t]), rd);
  else if (!canCast(rd, target.dtype)) {
    throw runtimeError(`result type ${TYPE_NAME[rd]} can't be cast to the desired output type ${TYPE_NAME[target.dtype]}`);
  }
  let f = def.fn(t.dtype);
  const fix = storeFix(target.dtype);
  if (fix && target.dtype === 'int64' && !Number.isInteger(f(0.5))) { const g = f; f = (x) => fix(g(x)); }
  if (!accelUnary(op, t, target)) map1(t.shape, viewOf(target), viewOf(t), f); // neg/abs/sqrt: CPU backend when large
  if (out !== null) bumpVersion(out);
  return target;
}

export const unary = (op: UnaryOp, t: Tensor): Tensor => runUnary(op, t, null);
/** `t.op_()`: in place, keeping identity; refuses results the dtype cannot hold (int.sqrt_()). */
export const unaryInplace = (op: UnaryOp, t: Tensor): Tensor => runUnary(op, t, t);

/** torch.round(t, decimals=n) for n != 0 (PyTorch: nearbyint(x * 10^n) / 10^n, or the mirror for n < 0). */
export function roundDecimals(t: Tensor, decimals: number): Tensor {
  if (decimals === 0) return unary('round', t);
  if (!isFloating(t.dtype)) throw runtimeError(`"round_cpu" not implemented for '${TYPE_NAME[t.dtype]}'`);
  const out = emptyStrided(t.shape, elementwiseStrides(t.shape, [t]), t.dtype);
  const p = 10 ** Math.abs(decimals);
  const f32 = t.dtype === 'float32';
  const c = (x: number): number => (f32 ? Math.fround(x) : x);
  map1(t.shape, viewOf(out), viewOf(t), decimals > 0 ? (x) => c(roundHalfEven(c(x * p)) / p) : (x) => c(roundHalfEven(c(x / p)) * p));
  return out;
}

function bound(o: Operand | null, compute: DType, shape: Shape, fill: number): View {
  if (o === null) return { data: new Float64Array([fill]), strides: shape.map(() => 0), offset: 0 };
  if (isTensor(o)) return viewOf(o, broadcastStrides(o.shape, o.strides, shape));
  return { data: new Float64Array([castValue(compute, o.value)]), strides: shape.map(() => 0), offset: 0 };
}

/** torch.clamp with scalar or tensor bounds (either may be null, not both); promotes like PyTorch 1.13. */
export function clamp(t: Tensor, min: Operand | null, max: Operand | null, inplace = false): Tensor {
  if (min === null && max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const ops = [t, min, max].filter((o): o is Operand => o !== null);
  const rd = resultType(ops.filter(isTensor), ops.filter((o) => !isTensor(o)).map((o) => (o as { kind: ScalarKind }).kind));
  let shape: number[] = t.shape.slice();
  for (const o of [min, max]) if (o !== null && isTensor(o)) shape = broadcastShapes(shape, o.shape);
  const target = inplace ? t : emptyStrided(shape, elementwiseStrides(shape, [t, min, max].filter(isTensor)), rd);
  if (inplace) {
    assertNoInternalOverlap(t);
    for (const o of [min, max]) if (o !== null && isTensor(o)) assertNoPartialOverlap(t, o);
  }
  if (inplace && !canCast(rd, t.dtype)) {
    throw runtimeError(`result type ${TYPE_NAME[rd]} can't be cast to the desired output type ${TYPE_NAME[t.dtype]}`);
  }
  const lo = bound(min, rd, shape, -Infinity), hi = bound(max, rd, shape, Infinity);
  map3(shape, viewOf(target), viewOf(t, broadcastStrides(t.shape, t.strides, shape)), lo, hi, (x, a, b) =>
    x !== x ? x : Math.min(Math.max(x, a), b));
  if (inplace) bumpVersion(t);
  return target;
}

/** torch.where(cond, a, b) with broadcasting; a and b may be Python scalars. */
export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  if (cond.dtype !== 'bool' && cond.dtype !== 'uint8') {
    throw runtimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${TYPE_NAME[cond.dtype]}`);
  }
  const ops = [a, b];
  const rd = resultType(ops.filter(isTensor), ops.filter((o) => !isTensor(o)).map((o) => (o as { kind: ScalarKind }).kind));
  let shape: number[] = cond.shape.slice();
  for (const o of ops) if (isTensor(o)) shape = broadcastShapes(shape, o.shape);
  const out = emptyStrided(shape, elementwiseStrides(shape, [cond, a, b].filter(isTensor)), rd);
  const fix = storeFix(rd);
  map3(shape, viewOf(out), viewOf(cond, broadcastStrides(cond.shape, cond.strides, shape)), bound(a, rd, shape, 0), bound(b, rd, shape, 0),
    fix ? (c, x, y) => fix(c !== 0 ? x : y) : (c, x, y) => (c !== 0 ? x : y));
  return out;
}

/** `~t` from Python: PyTorch raises TypeError for floats there (the function form raises RuntimeError). */
export function invert(t: Tensor): Tensor {
  if (isFloating(t.dtype)) throw typeError('~ (operator.invert) is only implemented on integer and Boolean-type tensors');
  return unary('bitwise_not', t);
}
