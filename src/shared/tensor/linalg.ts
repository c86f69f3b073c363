/**
 * @file Linear algebra: dot, mv, mm, matmul (with batching and broadcasting), outer, norm; and the
 * cache-blocked reference GEMM they all run on.
 */
import { runtimeError } from '../errors';
import { isFloating, TYPE_NAME, type DType } from './dtype';
import { storeFix } from './copy';
import { binary } from './binary';
import { amax, amin, outShape, resolveDims, sum } from './reduce';
import { vectorNorm } from './vector-norm';
import { unary } from './unary';
import { broadcastShapes } from './shape';
import { emptyTensor, type Tensor } from './tensor';
import { cpuKernels, isAccelDtype, MATMUL_MIN } from './accel';
import { gpuBmm, isCuda } from './device';
import { expand, reshape, squeeze, unsqueeze } from './views';

/** Packs the m×n matrix at (offset, rs, cs) of `t`'s storage into a row-major Float64Array. */
function pack(t: Tensor, offset: number, m: number, n: number, rs: number, cs: number): Float64Array {
  const out = new Float64Array(m * n);
  const d = t.storage.data;
  for (let i = 0; i < m; i++) for (let j = 0, p = offset + i * rs; j < n; j++, p += cs) out[i * n + j] = d[p];
  return out;
}

const BLOCK = 64;

/**
 * C (m×n, row-major, accumulated) += A (m×k) · B (k×n). Blocks of k and n keep a panel of B in cache; four rows
 * of C are updated per pass so each loaded B element feeds four multiply-adds.
 */
export function gemm(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  for (let k0 = 0; k0 < k; k0 += BLOCK) {
    const k1 = Math.min(k, k0 + BLOCK);
    for (let j0 = 0; j0 < n; j0 += BLOCK) {
      const j1 = Math.min(n, j0 + BLOCK);
      let i = 0;
      for (; i + 3 < m; i += 4) {
        const c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        for (let p = k0; p < k1; p++) {
          const x0 = A[a0 + p], x1 = A[a1 + p], x2 = A[a2 + p], x3 = A[a3 + p];
          const bp = p * n;
          for (let j = j0; j < j1; j++) {
            const b = B[bp + j];
            C[c0 + j] += x0 * b; C[c1 + j] += x1 * b; C[c2 + j] += x2 * b; C[c3 + j] += x3 * b;
          }
        }
      }
      for (; i < m; i++) {
        const ci = i * n, ai = i * k;
        for (let p = k0; p < k1; p++) {
          const a = A[ai + p];
          const bp = p * n;
          for (let j = j0; j < j1; j++) C[ci + j] += a * B[bp + j];
        }
      }
    }
  }
}

/**
 * The CPU backend's GEMM for large float products ([Note: accelerated paths] in accel.ts): it reads the strided
 * operands in place and accumulates in the operands' dtype, as BLAS does under PyTorch.
 */
function accelMatmul(a: Tensor, b: Tensor, out: Tensor, dtype: DType): boolean {
  const k = cpuKernels();
  const [bs, m, kk] = a.shape, n = b.shape[2];
  if (k === null || !isAccelDtype(dtype) || m * n * kk < MATMUL_MIN) return false;
  if (a.strides.some((s) => s < 0) || b.strides.some((s) => s < 0)) return false;
  for (let i = 0; i < bs; i++) {
    const opt = { aStrides: [a.strides[1], a.strides[2]] as const, bStrides: [b.strides[1], b.strides[2]] as const, outOff: i * m * n };
    const aOff = a.offset + i * a.strides[0], bOff = b.offset + i * b.strides[0];
    if (dtype === 'float32') k.matmulF32(a.storage.data as Float32Array, aOff, b.storage.data as Float32Array, bOff, out.storage.data as Float32Array, m, n, kk, opt);
    else k.matmulF64(a.storage.data as Float64Array, aOff, b.storage.data as Float64Array, bOff, out.storage.data as Float64Array, m, n, kk, opt);
  }
  return true;
}

const sameDtype = (a: Tensor, b: Tensor): void => {
  if (a.dtype !== b.dtype) throw runtimeError(`expected scalar type ${TYPE_NAME[a.dtype]} but found ${TYPE_NAME[b.dtype]}`);
};

/** Batched matmul on 3-D operands [b, m, k] · [b, k, n] (batch already broadcast) into a new tensor. */
function bmm(a: Tensor, b: Tensor, dtype: DType): Tensor {
  const [bs, m, k] = a.shape, n = b.shape[2];
  const onDevice = (isCuda(a) || isCuda(b)) && gpuBmm(a, b);
  if (onDevice) return onDevice;
  const out = emptyTensor([bs, m, n], dtype);
  if (accelMatmul(a, b, out, dtype)) return out;
  const od = out.storage.data;
  const fix = storeFix(dtype);
  const C = new Float64Array(m * n);
  for (let i = 0; i < bs; i++) {
    const A = pack(a, a.offset + i * a.strides[0], m, k, a.strides[1], a.strides[2]);
    const B = pack(b, b.offset + i * b.strides[0], k, n, b.strides[1], b.strides[2]);
    C.fill(0);
    gemm(A, B, C, m, k, n);
    const base = i * m * n;
    for (let j = 0; j < m * n; j++) od[base + j] = fix ? fix(C[j]) : C[j];
  }
  return out;
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw runtimeError('self must be a matrix');
  if (b.ndim !== 2) throw runtimeError('mat2 must be a matrix');
  if (a.shape[1] !== b.shape[0]) {
    throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  sameDtype(a, b);
  return reshape(bmm(unsqueeze(a, 0), unsqueeze(b, 0), a.dtype), [a.shape[0], b.shape[1]]);
}

export function mv(a: Tensor, x: Tensor): Tensor {
  if (a.ndim !== 2 || x.ndim !== 1) throw runtimeError(`vector + matrix @ vector expected, got 1, ${a.ndim}, ${x.ndim}`);
  if (a.shape[1] !== x.shape[0]) throw runtimeError(`size mismatch, got ${a.shape[0]}, ${a.shape[0]}x${a.shape[1]},${x.shape[0]}`);
  sameDtype(a, x);
  return reshape(bmm(unsqueeze(a, 0), unsqueeze(unsqueeze(x, 1), 0), a.dtype), [a.shape[0]]);
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) throw runtimeError(`1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  if (a.shape[0] !== b.shape[0]) {
    throw runtimeError(`inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`);
  }
  if (a.dtype !== b.dtype) throw runtimeError(`dot : expected both vectors to have same dtype, but found ${TYPE_NAME[a.dtype]} and ${TYPE_NAME[b.dtype]}`);
  // on cuda: a [1 x k] by [k x 1] product on the GPU
  const onDevice = (isCuda(a) || isCuda(b)) && gpuBmm(unsqueeze(unsqueeze(a, 0), 0), unsqueeze(unsqueeze(b, 1), 0));
  if (onDevice) return reshape(onDevice, []);
  const da = a.storage.data, db = b.storage.data;
  let s = 0;
  for (let i = 0, pa = a.offset, pb = b.offset; i < a.shape[0]; i++, pa += a.strides[0], pb += b.strides[0]) s += da[pa] * db[pb];
  const out = emptyTensor([], a.dtype);
  const fix = storeFix(a.dtype);
  out.storage.data[0] = fix ? fix(s) : s;
  return out;
}

/** torch.matmul: dot, mv, mm, or broadcast-batched mm, chosen by the operands' ranks as PyTorch does. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw runtimeError(`both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  }
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 2 && b.ndim === 1) return mv(a, b);
  if (a.ndim === 1 && b.ndim === 2) return squeeze(mm(unsqueeze(a, 0), b), 0);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  const A = a.ndim === 1 ? unsqueeze(a, 0) : a;
  const B = b.ndim === 1 ? unsqueeze(b, 1) : b;
  const [m, k] = A.shape.slice(-2), [k2, n] = B.shape.slice(-2);
  const batch = broadcastShapes(A.shape.slice(0, -2), B.shape.slice(0, -2));
  if (k !== k2) throw matmulMismatch(a, b, batch.reduce((x, y) => x * y, 1), m, k, k2, n);
  sameDtype(A, B);
  const nb = batch.reduce((x, y) => x * y, 1);
  const A3 = reshape(expand(A, [...batch, m, k]), [nb, m, k]);
  const B3 = reshape(expand(B, [...batch, k, n]), [nb, k, n]);
  let out = reshape(bmm(A3, B3, A.dtype), [...batch, m, n]);
  if (a.ndim === 1) out = squeeze(out, -2);
  if (b.ndim === 1) out = squeeze(out, -1);
  return out;
}

/** PyTorch folds batched operands into 2-D calls before checking sizes; its messages show the folded shapes. */
function matmulMismatch(a: Tensor, b: Tensor, nb: number, m: number, k: number, k2: number, n: number): Error {
  const rows = a.numel / k;
  if (b.ndim === 2) return runtimeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${k} and ${k2}x${n})`);
  if (b.ndim === 1) return runtimeError(`size mismatch, got ${rows}, ${rows}x${k},${k2}`);
  if (a.ndim === 2) return runtimeError(`mat1 and mat2 shapes cannot be multiplied (${nb * n}x${k2} and ${k}x${m})`);
  if (a.ndim === 1) return runtimeError(`size mismatch, got ${nb * n}, ${nb * n}x${k2},${k}`);
  return runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${nb}, ${k}] but got: [${nb}, ${k2}].`);
}

export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) throw runtimeError(`outer: Expected 1-D argument self, but got ${a.ndim}-D`);
  return binary('mul', unsqueeze(a, 1), unsqueeze(b, 0));
}

/** torch.norm(t, p, dim, keepdim): p a number (1, 2, inf, ...) or 'fro' (2-norm over the given dims). */
export function norm(t: Tensor, p: number | 'fro' | null, dims: number | readonly number[] | null, keepdim: boolean): Tensor {
  if (!isFloating(t.dtype)) {
    throw runtimeError(`norm(): input dtype should be either floating point or complex. Got ${TYPE_NAME[t.dtype]} instead.`);
  }
  const q = p === null || p === 'fro' ? 2 : p;
  const a = unary('abs', t);
  if (q === Infinity) return amax(a, dims, keepdim);
  if (q === -Infinity) return amin(a, dims, keepdim);
  if (q === 0) return sum(binary('ne', a, { value: 0, kind: 'int' }), dims, keepdim, t.dtype);
  // Finite p: PyTorch's own accumulation order, so float32 results match to the last printed digit.
  const ds = resolveDims(t, dims);
  const out = emptyTensor(outShape(t, ds, keepdim), t.dtype);
  out.storage.data.set(vectorNorm(t, ds, q, out.numel));
  return out;
}
