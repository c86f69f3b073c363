/**
 * @file Data types, their storage arrays and casts, and PyTorch 1.13's type promotion.
 *
 * [Note: int64 storage] int64 values live in a Float64Array, so they are exact only up to 2^53 in magnitude.
 * Creation from Python ints checks this bound and says so (see checkInt64); arithmetic that overflows it rounds
 * silently instead of wrapping as PyTorch does — a deliberate trade for a JS-number-only core.
 */
import { runtimeError, typeError } from '../errors';

export type DType = 'float32' | 'float64' | 'int64' | 'int32' | 'uint8' | 'bool';
export const DTYPES: readonly DType[] = ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool'];

/** The kind of a Python scalar operand: Python can tell 3 from 3.0 and True from 1; JS numbers cannot. */
export type ScalarKind = 'bool' | 'int' | 'float';

export type StorageArray = Float32Array | Float64Array | Int32Array | Uint8Array;

export const isFloating = (d: DType): boolean => d === 'float32' || d === 'float64';
export const isIntegral = (d: DType, includeBool: boolean): boolean =>
  d === 'int64' || d === 'int32' || d === 'uint8' || (includeBool && d === 'bool');

/** PyTorch's capitalised scalar-type names, used in "not implemented for 'Float'"-style messages. */
export const TYPE_NAME: Record<DType, string> = {
  float32: 'Float', float64: 'Double', int64: 'Long', int32: 'Int', uint8: 'Byte', bool: 'Bool',
};

/** Bytes per element as PyTorch reports them (element_size); int64 says 8 although it is stored as a double. */
export const ITEM_SIZE: Record<DType, number> = { float32: 4, float64: 8, int64: 8, int32: 4, uint8: 1, bool: 1 };

let defaultFloat: 'float32' | 'float64' = 'float32';
export const getDefaultDtype = (): 'float32' | 'float64' => defaultFloat;
export function setDefaultDtype(d: DType): void {
  if (!isFloating(d)) throw typeError('only floating-point types are supported as the default type');
  defaultFloat = d as 'float32' | 'float64';
}

/** Maps a value to what storing it in `d` yields; typed arrays do the rest (fround, ToInt32, ToUint8). */
export function castValue(d: DType, x: number): number {
  switch (d) {
    case 'float32': return Math.fround(x);
    case 'float64': return x;
    case 'int64': return Math.trunc(x);
    case 'int32': return x | 0;
    case 'uint8': return (Math.trunc(x) | 0) & 255;
    case 'bool': return x !== 0 ? 1 : 0;
    default: return d satisfies never;
  }
}

/** The raw store conversion each storage array lacks: int64 truncates, bool collapses to 0/1. */
export const needsStoreFix = (d: DType): boolean => d === 'int64' || d === 'bool';

const RANK: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 3, float32: 4, float64: 5 };

/** torch.promote_types for the dtypes we support (all pairs are totally ordered by rank here). */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** An operand's priority tier in PyTorch's result_type: dim>0 tensors, 0-d tensors, then Python scalars. */
type Tier = DType | undefined;

const promoteSkip = (a: Tier, b: Tier): Tier => (a === undefined ? b : b === undefined ? a : promoteTypes(a, b));

/** c10's combine_categories: a lower tier only matters if its category (bool < int < float) is higher. */
function combine(higher: Tier, lower: Tier): Tier {
  if (higher !== undefined && isFloating(higher)) return higher;
  if (higher === 'bool' || (lower !== undefined && isFloating(lower))) return promoteSkip(higher, lower);
  return higher !== undefined ? higher : lower;
}

export interface Operand { dtype: DType; ndim: number }

/** torch.result_type over tensors and Python scalars (a scalar's dtype is int64/default float/bool by kind). */
export function resultType(tensors: readonly Operand[], scalars: readonly ScalarKind[] = []): DType {
  let dim: Tier, zero: Tier, wrapped: Tier;
  for (const t of tensors) {
    if (t.ndim > 0) dim = promoteSkip(dim, t.dtype);
    else zero = promoteSkip(zero, t.dtype);
  }
  for (const k of scalars) wrapped = promoteSkip(wrapped, scalarDtype(k));
  return combine(dim, combine(zero, wrapped)) ?? getDefaultDtype();
}

export const scalarDtype = (k: ScalarKind): DType => (k === 'bool' ? 'bool' : k === 'int' ? 'int64' : getDefaultDtype());

/** The storage array for `n` elements of `d` at `byteOffset` in a buffer (see storage.ts for where buffers come from). */
export function arrayFor(d: DType, buf: ArrayBufferLike, byteOffset: number, n: number): StorageArray {
  switch (d) {
    case 'float32': return new Float32Array(buf, byteOffset, n);
    case 'float64': case 'int64': return new Float64Array(buf, byteOffset, n);
    case 'int32': return new Int32Array(buf, byteOffset, n);
    case 'uint8': case 'bool': return new Uint8Array(buf, byteOffset, n);
    default: return d satisfies never;
  }
}

export const BYTES_PER_SLOT: Record<DType, number> = { float32: 4, float64: 8, int64: 8, int32: 4, uint8: 1, bool: 1 };

const INT64_EXACT = 2 ** 53;

/** Rejects a Python int that int64 cannot hold (PyTorch's text) or that our double-backed int64 cannot hold exactly. */
export function checkInt64(x: number | bigint): number {
  if (typeof x === 'bigint') {
    if (x >= 2n ** 63n || x < -(2n ** 63n)) throw runtimeError('Overflow when unpacking long');
    if (x > BigInt(INT64_EXACT) || x < -BigInt(INT64_EXACT)) throw int64Precision(x);
    return Number(x);
  }
  if (Math.abs(x) > INT64_EXACT) {
    if (Math.abs(x) >= 2 ** 63) throw runtimeError('Overflow when unpacking long');
    throw int64Precision(x);
  }
  return x;
}

const int64Precision = (x: number | bigint): Error =>
  runtimeError(`value ${x} cannot be stored exactly: DiveLab's int64 tensors are exact only up to 2**53 (9007199254740992) in magnitude`);

/** `torch.float32`-style names as PyTorch prints them in `dtype=` suffixes. */
export const dtypeRepr = (d: DType): string => `torch.${d}`;
