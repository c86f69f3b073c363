/** @file Joining tensors: cat and stack (with type promotion, and cat's legacy skip of 1-D empty tensors). */
import { runtimeError } from '../errors';
import { promoteTypes } from './dtype';
import { copyInto } from './copy';
import { wrapDim } from './shape';
import { emptyTensor, type Tensor } from './tensor';
import { sliceDim, unsqueeze } from './views';

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('torch.cat(): expected a non-empty list of Tensors');
  // PyTorch still accepts (and ignores) 1-D empty tensors next to tensors of any rank.
  const parts = tensors.filter((t) => !(t.ndim === 1 && t.shape[0] === 0));
  const dtype = tensors.map((t) => t.dtype).reduce(promoteTypes);
  if (parts.length === 0) return emptyTensor([0], dtype);
  const ref = parts[0];
  for (const t of tensors) {
    if (t.ndim === 0) throw runtimeError(`zero-dimensional tensor (at position ${tensors.indexOf(t)}) cannot be concatenated`);
  }
  const d = wrapDim(dim, ref.ndim);
  parts.forEach((t, i) => {
    if (t.ndim !== ref.ndim) throw runtimeError(`Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`);
    for (let j = 0; j < ref.ndim; j++) {
      if (j !== d && t.shape[j] !== ref.shape[j]) {
        throw runtimeError(`Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[j]} but got size ${t.shape[j]} for tensor number ${tensors.indexOf(t, i)} in the list.`);
      }
    }
  });
  const shape = ref.shape.slice();
  shape[d] = parts.reduce((s, t) => s + t.shape[d], 0);
  const out = emptyTensor(shape, dtype);
  let at = 0;
  for (const t of parts) {
    copyInto(sliceDim(out, d, at, at + t.shape[d], 1), t);
    at += t.shape[d];
  }
  return out;
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('stack expects a non-empty TensorList');
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (t.ndim !== ref.ndim || t.shape.some((s, j) => s !== ref.shape[j])) {
      throw runtimeError(`stack expects each tensor to be equal size, but got [${ref.shape.join(', ')}] at entry 0 and [${t.shape.join(', ')}] at entry ${i}`);
    }
  });
  const d = wrapDim(dim, ref.ndim + 1);
  return cat(tensors.map((t) => unsqueeze(t, d)), d);
}
