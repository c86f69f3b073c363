/** @file Copy with broadcasting and casting (the kernel behind clone, contiguous, copy_, `to`, and index assignment). */
import type { DType } from './dtype';
import { map1, viewOf } from './iterate';
import { broadcastStrides } from './shape';
import type { Tensor } from './tensor';

/** The conversion a store into `d` needs beyond what its typed array does by itself, or null. */
export function storeFix(d: DType): ((x: number) => number) | null {
  if (d === 'int64') return (x) => (x < 0 ? Math.ceil(x) : Math.floor(x));
  if (d === 'bool') return (x) => (x !== 0 ? 1 : 0);
  return null;
}

const identity = (x: number): number => x;

/** dst[...] = src broadcast to dst's shape, cast to dst's dtype. Caller checks shapes are broadcastable. */
export function copyInto(dst: Tensor, src: Tensor): void {
  const fix = storeFix(dst.dtype);
  const f = fix !== null && src.dtype !== dst.dtype && !(dst.dtype === 'int64' && src.dtype !== 'float32' && src.dtype !== 'float64')
    ? fix : identity;
  map1(dst.shape, viewOf(dst), viewOf(src, broadcastStrides(src.shape, src.strides, dst.shape)), f);
}

/** dst[...] = value (already a plain number), cast to dst's dtype. */
export function fillInto(dst: Tensor, value: number): void {
  const fix = storeFix(dst.dtype);
  const v = fix ? fix(value) : value;
  map1(dst.shape, viewOf(dst), { data: dst.storage.data, strides: dst.shape.map(() => 0), offset: dst.offset }, () => v);
}
