/**
 * @file Binary elementwise ops with broadcasting and PyTorch's type promotion, plus their in-place forms.
 *
 * Each op is a row in BINARY: how its compute/result dtypes follow from the promoted dtype, and the scalar
 * function for a compute dtype. Operands are cast to the compute dtype before the function sees them (a
 * float32 tensor == 0.1 compares against float32(0.1), as in PyTorch).
 */
import { runtimeError, typeError } from '../errors';
import { castValue, getDefaultDtype, isFloating, isIntegral, resultType, TYPE_NAME, type DType } from './dtype';
import { storeFix } from './copy';
import { fastBinary, isFastOp } from './fastloops';
import { accelBinary } from './accel';
import { gpuBinary, isCuda } from './device';
import { assertNoInternalOverlap, assertNoPartialOverlap, elementwiseStrides, emptyStrided } from './layout';
import { map2, viewOf, type View } from './iterate';
import { type Operand, isTensor } from './scalar';
import { broadcastShapes, broadcastStrides } from './shape';
import { bumpVersion, type Shape, type Tensor } from './tensor';

export type BinaryOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'floor_divide' | 'remainder' | 'pow' | 'fmod'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'logical_and' | 'logical_or' | 'logical_xor'
  | 'bitwise_and' | 'bitwise_or' | 'bitwise_xor'
  | 'maximum' | 'minimum' | 'atan2' | 'div_trunc' | 'div_floor';

type Fn = (x: number, y: number) => number;

interface BinaryDef {
  /** compute dtype and result dtype from the promoted dtype; throws PyTorch's error if the dtype is refused. */
  types(common: DType, a: Operand, b: Operand): [DType, DType];
  fn(compute: DType): Fn;
}

const same = (c: DType): [DType, DType] => [c, c];
const toFloat = (c: DType): [DType, DType] => (isFloating(c) ? [c, c] : [getDefaultDtype(), getDefaultDtype()]);
const cmp = (c: DType): [DType, DType] => [c, 'bool'];

const notImplemented = (name: string, d: DType): Error => runtimeError(`"${name}" not implemented for '${TYPE_NAME[d]}'`);
const intOnly = (name: string) => (c: DType): [DType, DType] => {
  if (!isIntegral(c, true)) throw notImplemented(name, c);
  return [c, c];
};
const zeroDiv = (): Error => runtimeError('ZeroDivisionError');

const isBool = (o: Operand): boolean => (isTensor(o) ? o.dtype === 'bool' : o.kind === 'bool');

/** Python's floor division and modulo for floats, following ATen's div_floor/remainder kernels. */
function floorDivFloat(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}
function remFloat(a: number, b: number): number {
  const mod = a % b;
  return mod !== 0 && b < 0 !== mod < 0 ? mod + b : mod;
}

/** Bitwise ops on int64 values past 32 bits go through BigInt (JS bitwise operators are 32-bit). */
const bitwise = (op: (x: bigint, y: bigint) => bigint, op32: Fn): Fn => (x, y) =>
  (x | 0) === x && (y | 0) === y ? op32(x, y) : Number(BigInt.asIntN(64, op(BigInt(x), BigInt(y))));

function intPow(x: number, y: number): number {
  if (y < 0) return x === 1 ? 1 : x === -1 ? (y % 2 === 0 ? 1 : -1) : 0;
  let r = 1, b = x, e = y;
  while (e > 0) { if (e & 1) r *= b; b *= b; e = Math.floor(e / 2); }
  return r;
}

/** C's nearbyint under the default rounding mode: halves go to the even neighbour (torch.round). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const BINARY: { [K in BinaryOp]: BinaryDef } = {
  add: { types: same, fn: () => (x, y) => x + y },
  sub: {
    types: (c, a, b) => {
      if (isBool(a) && isBool(b)) throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
      if (isBool(a) || isBool(b)) throw runtimeError('Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
      return [c, c];
    },
    fn: () => (x, y) => x - y,
  },
  mul: { types: same, fn: (c) => (c === 'int32' ? Math.imul : c === 'bool' ? (x, y) => x & y : (x, y) => x * y) },
  div: { types: toFloat, fn: () => (x, y) => x / y },
  div_trunc: {
    types: same,
    fn: (c) => (isFloating(c) ? (x, y) => Math.trunc(x / y) : (x, y) => { if (y === 0) throw zeroDiv(); return Math.trunc(x / y); }),
  },
  div_floor: { types: same, fn: (c) => BINARY.floor_divide.fn(c) },
  floor_divide: {
    types: same,
    fn: (c) => (isFloating(c) ? floorDivFloat : (x, y) => { if (y === 0) throw zeroDiv(); return Math.floor(x / y); }),
  },
  remainder: {
    types: same,
    fn: (c) => (isFloating(c) ? remFloat : (x, y) => { if (y === 0) throw zeroDiv(); const m = x % y; return m !== 0 && y < 0 !== m < 0 ? m + y : m; }),
  },
  fmod: {
    types: same,
    fn: (c) => (isFloating(c) ? (x, y) => x % y : (x, y) => { if (y === 0) throw zeroDiv(); return x % y; }),
  },
  pow: {
    types: (c, _a, b) => {
      if (isIntegral(c, true) && !isTensor(b) && b.value < 0 && b.kind !== 'float') {
        throw runtimeError('Integers to negative integer powers are not allowed.');
      }
      return [c, c];
    },
    fn: (c) => (isFloating(c) ? Math.pow : intPow),
  },
  atan2: { types: toFloat, fn: () => Math.atan2 },
  eq: { types: cmp, fn: () => (x, y) => +(x === y) },
  ne: { types: cmp, fn: () => (x, y) => +(x !== y) },
  lt: { types: cmp, fn: () => (x, y) => +(x < y) },
  le: { types: cmp, fn: () => (x, y) => +(x <= y) },
  gt: { types: cmp, fn: () => (x, y) => +(x > y) },
  ge: { types: cmp, fn: () => (x, y) => +(x >= y) },
  logical_and: { types: () => ['float64', 'bool'], fn: () => (x, y) => +(x !== 0 && y !== 0) },
  logical_or: { types: () => ['float64', 'bool'], fn: () => (x, y) => +(x !== 0 || y !== 0) },
  logical_xor: { types: () => ['float64', 'bool'], fn: () => (x, y) => +((x !== 0) !== (y !== 0)) },
  bitwise_and: { types: intOnly('bitwise_and_cpu'), fn: () => bitwise((x, y) => x & y, (x, y) => x & y) },
  bitwise_or: { types: intOnly('bitwise_or_cpu'), fn: () => bitwise((x, y) => x | y, (x, y) => x | y) },
  bitwise_xor: { types: intOnly('bitwise_xor_cpu'), fn: () => bitwise((x, y) => x ^ y, (x, y) => x ^ y) },
  maximum: { types: same, fn: () => (x, y) => (x !== x || y !== y ? NaN : x > y ? x : y) },
  minimum: { types: same, fn: () => (x, y) => (x !== x || y !== y ? NaN : x < y ? x : y) },
};

export const BINARY_OPS = Object.keys(BINARY) as BinaryOp[];

/** Whether reading a `from` value as `to` needs an explicit conversion (float64 → float32 rounding, etc.). */
function readCast(from: DType, to: DType): ((x: number) => number) | null {
  if (from === to) return null;
  if (to === 'float32') return from === 'uint8' || from === 'bool' ? null : Math.fround;
  if (to === 'float64') return null;
  if (to === 'bool') return (x) => (x !== 0 ? 1 : 0);
  if (isFloating(from)) return (x) => castValue(to, x);
  if (to === 'int32' && from === 'int64') return (x) => x | 0;
  if (to === 'uint8' && from !== 'bool') return (x) => x & 255;
  return null;
}

function operandView(o: Operand, compute: DType, shape: Shape): { view: View; cast: ((x: number) => number) | null } {
  if (isTensor(o)) {
    return { view: viewOf(o, broadcastStrides(o.shape, o.strides, shape)), cast: readCast(o.dtype, compute) };
  }
  const data = new Float64Array([castValue(compute, o.value)]);
  return { view: { data, strides: shape.map(() => 0), offset: 0 }, cast: null };
}

/** PyTorch's canCast: no float → integral, no non-bool → bool. */
export function canCast(from: DType, to: DType): boolean {
  if (isFloating(from) && isIntegral(to, true)) return false;
  if (from !== 'bool' && to === 'bool') return false;
  return true;
}

function run(op: BinaryOp, a: Operand, b: Operand, out: Tensor | null): Tensor {
  const def = BINARY[op];
  const tensors = [a, b].filter(isTensor);
  const scalars = [a, b].filter((o) => !isTensor(o)).map((o) => (o as { kind: 'bool' | 'int' | 'float' }).kind);
  const common = resultType(tensors, scalars);
  const [compute, result] = def.types(common, a, b);
  const sa = isTensor(a) ? a.shape : [], sb = isTensor(b) ? b.shape : [];
  const shape = broadcastShapes(sa, sb);
  if (out !== null) {
    if (!canCast(result, out.dtype)) {
      throw runtimeError(`result type ${TYPE_NAME[result]} can't be cast to the desired output type ${TYPE_NAME[out.dtype]}`);
    }
    if (shape.length !== out.ndim || shape.some((s, i) => s !== out.shape[i])) {
      throw runtimeError(`output with shape [${out.shape.join(', ')}] doesn't match the broadcast shape [${shape.join(', ')}]`);
    }
    assertNoInternalOverlap(out);
    for (const t of tensors) assertNoPartialOverlap(out, t);
  }
  // cuda tensors: the GPU kernel when there is one ([Note: cuda residency] in device.ts)
  const onDevice = tensors.some(isCuda) && gpuBinary(op, a, b, shape, compute, result, out, () => elementwiseStrides(shape, tensors));
  if (onDevice) return onDevice;
  const target = out ?? emptyStrided(shape, elementwiseStrides(shape, tensors), result);
  const A = operandView(a, compute, shape), B = operandView(b, compute, shape);
  const ca = A.cast, cb = B.cast;
  const fix = storeFix(target.dtype);
  // Stores that typed arrays cannot do alone: bool collapses 2 → 1 (True + True), int64 truncates floats.
  const needFix = fix !== null && ((target.dtype === 'bool' && op === 'add') || (target.dtype === 'int64' && isFloating(compute)));
  if (!ca && !cb && !needFix && isFastOp(op) && !(op === 'mul' && compute === 'int32')) {
    const tv = viewOf(target);
    if (compute !== target.dtype || !accelBinary(op, compute, shape, target.numel, tv, A.view, B.view)) fastBinary(op, shape, tv, A.view, B.view);
    if (out !== null) bumpVersion(out);
    return target;
  }
  let f = def.fn(compute);
  if (ca || cb) {
    const g = f, xa = ca ?? ((x: number) => x), xb = cb ?? ((x: number) => x);
    f = (x, y) => g(xa(x), xb(y));
  }
  if (needFix && fix) {
    const g = f;
    f = (x, y) => fix(g(x, y));
  }
  map2(shape, viewOf(target), A.view, B.view, f);
  if (out !== null) bumpVersion(out);
  return target;
}

/** `a op b` with broadcasting; either side may be a Python scalar (then the other must be a tensor). */
export function binary(op: BinaryOp, a: Operand, b: Operand): Tensor {
  if (!isTensor(a) && !isTensor(b)) throw typeError('binary op needs at least one tensor operand');
  return run(op, a, b, null);
}

/** `a op= b`: writes into `a` (same identity, version bumped) with PyTorch's cast and shape checks. */
export function binaryInplace(op: BinaryOp, a: Tensor, b: Operand): Tensor {
  return run(op, a, b, a);
}

/** torch.equal: same shape and the same values (after promotion). */
export function equal(a: Tensor, b: Tensor): boolean {
  if (a.ndim !== b.ndim || a.shape.some((s, i) => s !== b.shape[i])) return false;
  const eq = binary('eq', a, b).storage.data;
  for (let i = 0; i < eq.length; i++) if (eq[i] === 0) return false;
  return true;
}
