/** @file The reference backend: plain typed arrays and the reference kernels; the oracle in backend tests. */
import type { Backend, Dtype, FloatArray } from '../backend';
import { referenceKernels } from './kernels';

export { referenceKernels, forEachOffset, binaryFn, unaryFn } from './kernels';

export const referenceBackend: Backend<FloatArray> = {
  name: 'reference',
  alloc: (dtype: Dtype, length: number) => (dtype === 'float32' ? new Float32Array(length) : new Float64Array(length)),
  free: () => {},
  write: (buf, data, offset = 0) => { buf.set(data, offset); },
  read: async (buf) => buf.slice(),
  kernels: referenceKernels,
  dispose: () => {},
};
