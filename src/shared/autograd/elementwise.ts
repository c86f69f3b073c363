/**
 * @file Differentiable elementwise ops: unary math, binary arithmetic with broadcasting, clamp and where.
 * Each rule is PyTorch 1.13's formula (derivatives.yaml / FunctionsManual.cpp) written with the differentiable
 * ops themselves, so that create_graph=True can differentiate it again and float rounding matches PyTorch.
 */
import { binary as coreBinary, type BinaryOp } from '../tensor/binary';
import { unary as coreUnary, clamp as coreClamp, where as coreWhere, type UnaryOp } from '../tensor/unary';
import { isTensor, scalar, type Operand } from '../tensor/scalar';
import { scalarTensor, zerosLike } from '../tensor/creation';
import type { Tensor } from '../tensor/tensor';
import { record, recordNotImplemented, recording, type Ctx } from './record';
import { sumTo } from './reduce';

const S = (v: number): Operand => scalar(v, 'float');
const asT = (o: Operand): Tensor | null => (isTensor(o) ? o : null);

/**
 * A saved Python scalar: PyTorch wraps it in a tensor and saves that, so a second backward through the node
 * fails like any other; we save a 0-d tensor only for that bookkeeping and use the number itself.
 */
function keepScalar(ctx: Ctx, o: Operand): void {
  if (!isTensor(o)) ctx.save(scalarTensor(o.value, o.kind));
}

// ---- unary ----------------------------------------------------------------------------------------------------

/** How one unary op differentiates: its node name, what it saves (its input or its result) and the formula. */
interface UnaryRule {
  readonly name: string;
  readonly uses: 'self' | 'result' | 'none';
  readonly grad: (g: Tensor, v: Tensor) => Tensor;
}

const zero: UnaryRule['grad'] = (g) => zerosLike(g);
const LN2 = Math.LN2;
const LN10 = Math.LN10;

/** null: the op has no gradient (its result is bool or integer, or it is the identity `positive`). */
export const UNARY_RULES: { readonly [K in UnaryOp]: UnaryRule | null } = {
  neg: { name: 'NegBackward0', uses: 'none', grad: (g) => neg(g) },
  positive: null,
  abs: { name: 'AbsBackward0', uses: 'self', grad: (g, x) => mul(g, sgn(x)) },
  exp: { name: 'ExpBackward0', uses: 'result', grad: (g, r) => mul(g, r) },
  log: { name: 'LogBackward0', uses: 'self', grad: (g, x) => div(g, x) },
  log2: { name: 'Log2Backward0', uses: 'self', grad: (g, x) => div(g, mul(x, S(LN2))) },
  log10: { name: 'Log10Backward0', uses: 'self', grad: (g, x) => div(g, mul(x, S(LN10))) },
  log1p: { name: 'Log1PBackward0', uses: 'self', grad: (g, x) => div(g, add(x, S(1))) },
  expm1: { name: 'Expm1Backward0', uses: 'result', grad: (g, r) => mul(g, add(r, S(1))) },
  sqrt: { name: 'SqrtBackward0', uses: 'result', grad: (g, r) => div(g, mul(r, S(2))) },
  rsqrt: { name: 'RsqrtBackward0', uses: 'result', grad: (g, r) => mul(mul(g, S(-0.5)), pow(r, S(3))) },
  sin: { name: 'SinBackward0', uses: 'self', grad: (g, x) => mul(g, unary('cos', x)) },
  cos: { name: 'CosBackward0', uses: 'self', grad: (g, x) => mul(g, neg(unary('sin', x))) },
  tan: { name: 'TanBackward0', uses: 'result', grad: (g, r) => mul(g, add(pow(r, S(2)), S(1))) },
  asin: { name: 'AsinBackward0', uses: 'self', grad: (g, x) => mul(g, unary('rsqrt', add(mul(neg(x), x), S(1)))) },
  acos: { name: 'AcosBackward0', uses: 'self', grad: (g, x) => mul(g, neg(unary('rsqrt', add(mul(neg(x), x), S(1))))) },
  atan: { name: 'AtanBackward0', uses: 'self', grad: (g, x) => div(g, add(mul(x, x), S(1))) },
  sinh: { name: 'SinhBackward0', uses: 'self', grad: (g, x) => mul(g, unary('cosh', x)) },
  cosh: { name: 'CoshBackward0', uses: 'self', grad: (g, x) => mul(g, unary('sinh', x)) },
  // tanh_backward and sigmoid_backward: grad * (1 - y*y) and (grad * (1 - y)) * y
  tanh: { name: 'TanhBackward0', uses: 'result', grad: (g, r) => mul(g, sub(S(1), mul(r, r))) },
  sigmoid: { name: 'SigmoidBackward0', uses: 'result', grad: (g, r) => mul(mul(g, sub(S(1), r)), r) },
  // threshold_backward: the gradient passes where the result is positive (relu'(0) = 0)
  relu: { name: 'ReluBackward0', uses: 'result', grad: (g, r) => where(coreBinary('le', r, S(0)), S(0), g) },
  reciprocal: { name: 'ReciprocalBackward0', uses: 'result', grad: (g, r) => mul(neg(g), mul(r, r)) },
  square: { name: 'PowBackward0', uses: 'self', grad: (g, x) => mul(g, mul(x, S(2))) },
  round: { name: 'RoundBackward0', uses: 'none', grad: zero },
  floor: { name: 'FloorBackward0', uses: 'none', grad: zero },
  ceil: { name: 'CeilBackward0', uses: 'none', grad: zero },
  trunc: { name: 'TruncBackward0', uses: 'none', grad: zero },
  sign: { name: 'SignBackward0', uses: 'none', grad: zero },
  frac: { name: 'FracBackward0', uses: 'none', grad: (g) => g },
  logical_not: null,
  bitwise_not: null,
  isnan: null,
  isinf: null,
  isfinite: null,
};

/** PyTorch's sgn for real numbers, (0 < x) - (x < 0): +0 at both zeros and at NaN (abs'(0) = 0). */
function sgn(x: Tensor): Tensor {
  return coreWhere(coreBinary('gt', x, S(0)), S(1), coreWhere(coreBinary('lt', x, S(0)), S(-1), S(0)));
}

export function unary(op: UnaryOp, x: Tensor): Tensor {
  const out = coreUnary(op, x);
  const rule = UNARY_RULES[op];
  if (rule === null || !recording([x])) return out;
  return record(rule.name, out, [x], (ctx) => {
    const saved = rule.uses === 'self' ? ctx.save(x) : rule.uses === 'result' ? ctx.save(out) : null;
    return (g) => [rule.grad(g, saved === null ? g : saved.get())];
  });
}

export const neg = (x: Tensor): Tensor => unary('neg', x);

// ---- binary ---------------------------------------------------------------------------------------------------

/**
 * The gradient of `a op b` for each operand that is a tensor, before summing back over broadcast dimensions.
 * `a`/`b` are the saved operands (numbers stay numbers), `out` the saved result where the rule needs it.
 */
type BinaryGrad = (g: Tensor, a: Operand, b: Operand, out: () => Tensor) => [Tensor | null, Tensor | null];

interface BinaryRule {
  readonly name: string | ((a: Operand, b: Operand) => string);
  /** Which operands (and the result) the formula reads, so only those are saved, as PyTorch does. */
  readonly saves: { a: boolean; b: boolean; out?: boolean } | ((needA: boolean, needB: boolean) => { a: boolean; b: boolean; out?: boolean });
  readonly grad: BinaryGrad;
}

const both = { a: true, b: true };
const none = { a: false, b: false };

/** at::where(a == b, g / 2, g) with the losing side masked to zero: maximum/minimum share ties evenly. */
function tieSplit(g: Tensor, a: Operand, b: Operand, loseA: BinaryOp, loseB: BinaryOp): [Tensor, Tensor] {
  const half = where(coreBinary('eq', a, b), div(g, S(2)), g);
  return [where(coreBinary(loseA, a, b), S(0), half), where(coreBinary(loseB, a, b), S(0), half)];
}

/** pow_backward_self: exponent * a^(exponent - 1), exactly zero where the exponent is zero. */
function powSelfGrad(g: Tensor, a: Tensor, b: Operand): Tensor {
  if (!isTensor(b)) return b.value === 0 ? zerosLike(g) : mul(g, mul(pow(a, S(b.value - 1)), S(b.value)));
  return where(coreBinary('eq', b, S(0)), S(0), mul(g, mul(b, pow(a, sub(b, S(1))))));
}

/** pow_backward_exponent: where the base is 0 and the exponent >= 0, the gradient is 0 (not 0 * log 0 = nan). */
function zeroBaseMask(a: Operand, b: Tensor): Tensor {
  const nonNeg = coreBinary('ge', b, S(0));
  return isTensor(a) ? coreBinary('logical_and', coreBinary('eq', a, S(0)), nonNeg) : a.value === 0 ? nonNeg : coreBinary('ne', b, b);
}

/** null: no gradient (comparisons, logical and bitwise ops give bool or integer results). */
const BINARY_RULES: { readonly [K in BinaryOp]: BinaryRule | 'not-implemented' | null } = {
  add: { name: 'AddBackward0', saves: none, grad: (g) => [g, g] },
  sub: { name: (a) => (isTensor(a) ? 'SubBackward0' : 'RsubBackward1'), saves: none, grad: (g) => [g, neg(g)] },
  mul: { name: 'MulBackward0', saves: (na, nb) => ({ a: nb, b: na }), grad: (g, a, b) => [mul(g, b), mul(g, a)] },
  div: {
    name: 'DivBackward0',
    saves: (na, nb) => ({ a: nb, b: na || nb }),
    grad: (g, a, b) => [div(g, b), isTensor(b) ? mul(neg(g), div(div(a, b), b)) : null],
  },
  pow: {
    name: (_a, b) => (isTensor(b) ? 'PowBackward1' : 'PowBackward0'),
    saves: (_na, nb) => ({ a: true, b: true, out: nb }),
    grad: (g, a, b, out) => [
      isTensor(a) ? powSelfGrad(g, a, b) : null,
      isTensor(b) ? mul(g, where(zeroBaseMask(a, b), S(0), mul(out(), isTensor(a) ? unary('log', a) : S(Math.log(a.value))))) : null,
    ],
  },
  maximum: { name: 'MaximumBackward0', saves: both, grad: (g, a, b) => tieSplit(g, a, b, 'lt', 'gt') },
  minimum: { name: 'MinimumBackward0', saves: both, grad: (g, a, b) => tieSplit(g, a, b, 'gt', 'lt') },
  atan2: {
    name: 'Atan2Backward0',
    saves: both,
    grad: (g, a, b) => {
      const r = add(mul(a, a), mul(b, b));
      return [mul(g, div(b, r)), mul(g, div(neg(a as Tensor), r))];
    },
  },
  remainder: {
    name: (_a, b) => (isTensor(b) ? 'RemainderBackward1' : 'RemainderBackward0'),
    saves: (_na, nb) => ({ a: nb, b: nb }),
    grad: (g, a, b) => [g, isTensor(b) ? mul(neg(g), coreBinary('div_floor', a, b)) : null],
  },
  fmod: {
    name: (_a, b) => (isTensor(b) ? 'FmodBackward1' : 'FmodBackward0'),
    saves: (_na, nb) => ({ a: nb, b: nb }),
    grad: (g, a, b) => [g, isTensor(b) ? mul(neg(g), coreBinary('div_trunc', a, b)) : null],
  },
  floor_divide: 'not-implemented',
  div_trunc: 'not-implemented',
  div_floor: 'not-implemented',
  eq: null, ne: null, lt: null, le: null, gt: null, ge: null,
  logical_and: null, logical_or: null, logical_xor: null,
  bitwise_and: null, bitwise_or: null, bitwise_xor: null,
};

/** PyTorch's aten names for the ops without a derivative, for the error text. */
const ATEN_NAME: Partial<Record<BinaryOp, string>> = { floor_divide: 'floor_divide', div_trunc: 'div', div_floor: 'div' };

export function binary(op: BinaryOp, a: Operand, b: Operand): Tensor {
  const ta = asT(a), tb = asT(b);
  // A Python number on the left: PyTorch computes `b.__rop__(a)`, so the tensor is `self` (2 * x is x * 2) and
  // 2 / x is x.reciprocal() * 2; only sub and pow keep the number first (RsubBackward1, PowBackward1).
  if (ta === null && tb !== null && recording([tb])) {
    if (op === 'add' || op === 'mul' || op === 'maximum' || op === 'minimum') return binary(op, b, a);
    if (op === 'div') return mul(unary('reciprocal', tb), a);
  }
  const out = coreBinary(op, a, b);
  const rule = BINARY_RULES[op];
  if (rule === null || !recording([ta, tb])) return out;
  if (rule === 'not-implemented') return recordNotImplemented(ATEN_NAME[op] ?? op, out, [ta, tb]);
  const name = typeof rule.name === 'string' ? rule.name : rule.name(a, b);
  // rsub and pow with a number base have one edge per tensor only
  const inputs = ta === null ? (op === 'pow' ? [null, tb] : [tb]) : tb === null && op === 'pow' ? [ta] : [ta, tb];
  return record(name, out, inputs, (ctx) => {
    const na = ta !== null && ctx.needs[0];
    const nb = tb !== null && ctx.needs[ta === null ? ctx.needs.length - 1 : 1];
    const s = typeof rule.saves === 'function' ? rule.saves(na, nb) : rule.saves;
    const sa = s.a && ta !== null ? ctx.save(ta) : null;
    const sb = s.b && tb !== null ? ctx.save(tb) : null;
    const so = s.out ? ctx.save(out) : null;
    if (s.a) keepScalar(ctx, a);
    if (s.b) keepScalar(ctx, b);
    return (g) => {
      const [ga, gb] = rule.grad(g, sa ? sa.get() : a, sb ? sb.get() : b, () => so!.get());
      const ra = na && ga !== null ? sumTo(ga, ta!.shape) : null;
      const rb = nb && gb !== null ? sumTo(gb, tb!.shape) : null;
      if (ta === null) return op === 'pow' ? [null, rb] : [rb];
      return tb === null && op === 'pow' ? [ra] : [ra, rb];
    };
  });
}

export const add = (a: Operand, b: Operand): Tensor => binary('add', a, b);
export const sub = (a: Operand, b: Operand): Tensor => binary('sub', a, b);
export const mul = (a: Operand, b: Operand): Tensor => binary('mul', a, b);
export const div = (a: Operand, b: Operand): Tensor => binary('div', a, b);
export const pow = (a: Operand, b: Operand): Tensor => binary('pow', a, b);

// ---- clamp, where ---------------------------------------------------------------------------------------------

/** torch.clamp: the gradient passes where min <= x <= max (bounds included), as clamp_backward does. */
export function clamp(x: Tensor, min: Operand | null, max: Operand | null): Tensor {
  const out = coreClamp(x, min, max);
  const tmin = min !== null && isTensor(min) ? min : null;
  const tmax = max !== null && isTensor(max) ? max : null;
  if (!recording([x, tmin, tmax])) return out;
  if (tmin === null && tmax === null) {
    // torch.clamp with number bounds (either or both) records ClampBackward1
    return record('ClampBackward1', out, [x], (ctx) => {
      const sx = ctx.save(x);
      return (g) => [where(inRange(sx.get(), min, max), g, S(0))];
    });
  }
  return record('ClampBackward0', out, [x, tmin, tmax], (ctx) => {
    const sx = ctx.save(x);
    const smin = tmin ? ctx.save(tmin) : null;
    const smax = tmax ? ctx.save(tmax) : null;
    return (g) => {
      const xv = sx.get();
      const lo = smin ? smin.get() : min, hi = smax ? smax.get() : max;
      const gx = sumTo(where(inRange(xv, lo, hi), g, S(0)), xv.shape);
      const gmin = tmin && lo !== null ? sumTo(where(coreBinary('lt', xv, lo), g, S(0)), tmin.shape) : null;
      const gmax = tmax && hi !== null ? sumTo(where(coreBinary('gt', xv, hi), g, S(0)), tmax.shape) : null;
      return [gx, gmin, gmax];
    };
  });
}

function inRange(x: Tensor, min: Operand | null, max: Operand | null): Tensor {
  const lo = min === null ? null : coreBinary('ge', x, min);
  const hi = max === null ? null : coreBinary('le', x, max);
  return lo && hi ? coreBinary('logical_and', lo, hi) : (lo ?? hi)!;
}

/** torch.where(cond, a, b): each side gets the gradient where it was chosen. */
export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  const out = coreWhere(cond, a, b);
  const ta = asT(a), tb = asT(b);
  if (!recording([ta, tb])) return out;
  return record('WhereBackward0', out, [ta, tb], (ctx) => {
    const sc = ctx.save(cond);
    return (g) => {
      const c = sc.get();
      return [
        ta && ctx.needs[0] ? sumTo(where(c, g, S(0)), ta.shape) : null,
        tb && ctx.needs[1] ? sumTo(where(c, S(0), g), tb.shape) : null,
      ];
    };
  });
}
