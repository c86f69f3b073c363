/** @file Conversions: item, tolist (as JSON that Python's json.loads turns into the right Python types), casts. */
import { valueError } from '../errors';
import { isFloating, type DType } from './dtype';
import { copyInto } from './copy';
import { formatPyFloat, formatInt } from './pyformat';
import { emptyStrided, preservedStrides } from './layout';
import type { Tensor } from './tensor';

/** tensor.item(): a number, or a boolean for bool tensors (Python must float() it for floating dtypes). */
export function item(t: Tensor): number | boolean {
  if (t.numel !== 1) throw valueError('only one element tensors can be converted to Python scalars');
  // A 1-element tensor may have any strides; all its indices are 0, so its element sits at the offset.
  const v = t.storage.data[t.offset];
  return t.dtype === 'bool' ? v !== 0 : v;
}

/** One element as JSON that json.loads reads back as Python float/int/bool (floats always carry '.' or 'e'). */
function jsonScalar(v: number, d: DType): string {
  if (d === 'bool') return v !== 0 ? 'true' : 'false';
  if (!isFloating(d)) return formatInt(v);
  if (v !== v) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return formatPyFloat(v);
}

/** tensor.tolist() as a JSON string: Python's json.loads turns it into exactly what PyTorch returns. */
export function tolistJson(t: Tensor): string {
  const d = t.storage.data;
  const rec = (dim: number, off: number): string => {
    if (dim === t.ndim) return jsonScalar(d[off], t.dtype);
    const parts: string[] = [];
    for (let i = 0; i < t.shape[dim]; i++) parts.push(rec(dim + 1, off + i * t.strides[dim]));
    return '[' + parts.join(', ') + ']';
  };
  return rec(0, t.offset);
}

/** t.to(dtype): `t` itself when nothing changes (unless copy), else a cast copy. */
export function to(t: Tensor, dtype: DType, copy = false): Tensor {
  if (t.dtype === dtype && !copy) return t;
  const out = emptyStrided(t.shape, preservedStrides(t), dtype);
  copyInto(out, t);
  return out;
}
