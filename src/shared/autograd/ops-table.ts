/**
 * @file The differentiable op table that autograd installs into the tensor core's `ops` ([Note: op table] in
 * src/shared/tensor/ops.ts). Typed as the full `Ops`, so an op the core adds without a decision here is a compile
 * error: each entry is either a differentiable version or, for ops with no gradient, the core op itself.
 */
import { binaryInplace as coreBinaryInplace, type BinaryOp } from '../tensor/binary';
import { to as coreTo } from '../tensor/convert';
import type { DType } from '../tensor/dtype';
import { coreOps, type Ops } from '../tensor/ops';
import { isTensor, type Operand } from '../tensor/scalar';
import type { Tensor } from '../tensor/tensor';
import { clamp as coreClamp, unaryInplace as coreUnaryInplace, roundDecimals as coreRoundDecimals, type UnaryOp } from '../tensor/unary';
import * as F from './functions';
import { getIndex, setIndex } from './indexing';
import { inplace } from './inplace';
import { record } from './record';

const tensorOrNull = (o: Operand | null): Tensor | null => (o !== null && isTensor(o) ? o : null);

/** t.to(dtype): ToCopyBackward0, whose gradient is cast back to the input's dtype. */
function to(t: Tensor, dtype: DType, copy = false): Tensor {
  const out = coreTo(t, dtype, copy);
  if (out === t) return out;
  return record('ToCopyBackward0', out, [t], () => (g) => [coreTo(g, t.dtype)]);
}

/** round(decimals=n): flat almost everywhere, like round() (RoundBackward1 in PyTorch). */
function roundDecimals(t: Tensor, decimals: number): Tensor {
  if (decimals === 0) return F.unary('round', t);
  const out = coreRoundDecimals(t, decimals);
  return record('RoundBackward1', out, [t], () => (g) => [F.mul(g, { value: 0, kind: 'int' })]);
}

function clamp(t: Tensor, min: Operand | null, max: Operand | null, inplaceFlag = false): Tensor {
  if (!inplaceFlag) return F.clamp(t, min, max);
  return inplace(t, [tensorOrNull(min), tensorOrNull(max)], () => coreClamp(t, min, max, true), (s) => F.clamp(s, min, max));
}

export const autogradOps: Ops = {
  // no gradient: bool or integer results
  equal: coreOps.equal,
  invert: coreOps.invert,
  argmaxmin: coreOps.argmaxmin,
  allAny: coreOps.allAny,
  binary: F.binary,
  binaryInplace: (op: BinaryOp, a: Tensor, b: Operand): Tensor =>
    inplace(a, [tensorOrNull(b)], () => coreBinaryInplace(op, a, b), (s) => F.binary(op, s, b)),
  unary: F.unary,
  unaryInplace: (op: UnaryOp, t: Tensor): Tensor => inplace(t, [], () => coreUnaryInplace(op, t), (s) => F.unary(op, s)),
  roundDecimals,
  clamp,
  where: F.where,
  view: F.view,
  reshape: F.reshape,
  transpose: F.transpose,
  t2: F.t2,
  reverseDims: F.reverseDims,
  permute: F.permute,
  expand: F.expand,
  squeeze: F.squeeze,
  unsqueeze: F.unsqueeze,
  flatten: F.flatten,
  narrow: F.narrow,
  select: F.select,
  sliceDim: F.sliceDim,
  contiguous: (t: Tensor, forceCopy = false): Tensor => (forceCopy && t.isContiguous ? F.clone(t) : F.contiguous(t)),
  clone: F.clone,
  // alias backs `detach()`: a new handle with no history, so it stays the core's
  alias: coreOps.alias,
  sum: F.sum,
  mean: F.mean,
  prod: (t, dims = null, keepdim = false, dtype = null) => F.prod(t, typeof dims === 'number' ? dims : dims === null ? null : dims[0], keepdim, dtype),
  amax: (t, dims = null, keepdim = false, name = 'max') => F.amaxmin(t, dims, keepdim, true, name),
  amin: (t, dims = null, keepdim = false, name = 'min') => F.amaxmin(t, dims, keepdim, false, name),
  maxMinDim: F.maxMinDim,
  stdVar: F.stdVar,
  cumulative: F.cumulative,
  cat: F.cat,
  stack: F.stack,
  dot: F.dot,
  mv: F.mv,
  mm: F.mm,
  matmul: F.matmul,
  outer: F.outer,
  norm: F.norm,
  getIndex,
  setIndex,
  to,
};
