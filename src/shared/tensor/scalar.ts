/** @file Operands that may be a tensor or a Python scalar with its kind (JS cannot tell 3.0 from 3). */
import { checkInt64, type ScalarKind } from './dtype';
import { Tensor } from './tensor';

export interface Scalar { readonly value: number; readonly kind: ScalarKind }
export type Operand = Tensor | Scalar;

/** A Python scalar operand; booleans and bigints become numbers (bigints checked against int64, see dtype.ts). */
export function scalar(value: number | boolean | bigint, kind?: ScalarKind | null): Scalar {
  if (typeof value === 'boolean') return { value: value ? 1 : 0, kind: kind ?? 'bool' };
  if (typeof value === 'bigint') return { value: checkInt64(value), kind: kind ?? 'int' };
  return { value, kind: kind ?? (Number.isInteger(value) ? 'int' : 'float') };
}

export const isTensor = (x: unknown): x is Tensor => x instanceof Tensor;
