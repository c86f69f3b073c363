/**
 * @file DiveLab's own random generator (xoshiro128**, seeded through splitmix32) and the random creation ops.
 * Values differ from PyTorch's Mersenne Twister by design; shapes, dtypes and distributions match.
 */
import { runtimeError } from '../errors';
import { getDefaultDtype, isFloating, TYPE_NAME, type DType } from './dtype';
import { checkShape } from './creation';
import { emptyTensor, type Tensor } from './tensor';

const state = new Uint32Array(4);

/** torch.manual_seed: the same seed gives the same stream in every session. */
export function manualSeed(seed: number | bigint): void {
  let s = Number(BigInt.asUintN(32, BigInt(seed))) >>> 0;
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    state[i] = (z ^ (z >>> 16)) >>> 0;
  }
  if (state.every((v) => v === 0)) state[0] = 1;
}
manualSeed(Date.now());

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** The next 32 random bits. */
export function nextU32(): number {
  const r = Math.imul(rotl(Math.imul(state[1], 5), 7), 9) >>> 0;
  const t = state[1] << 9;
  state[2] ^= state[0]; state[3] ^= state[1]; state[1] ^= state[2]; state[0] ^= state[3];
  state[2] ^= t; state[3] = rotl(state[3], 11);
  return r;
}

/** Uniform in [0, 1) with 24 bits (float32) or 53 bits (float64). */
const uniform = (d: DType): number =>
  d === 'float64' ? ((nextU32() >>> 5) * 67108864 + (nextU32() >>> 6)) / 9007199254740992 : (nextU32() >>> 8) / 16777216;

function floatOut(shape: readonly number[], dtype: DType | null, name: string): Tensor {
  const d = dtype ?? getDefaultDtype();
  if (!isFloating(d)) throw runtimeError(`"${name}" not implemented for '${TYPE_NAME[d]}'`);
  return emptyTensor(checkShape(shape), d);
}

export function rand(shape: readonly number[], dtype: DType | null = null): Tensor {
  const t = floatOut(shape, dtype, 'check_uniform_bounds');
  const d = t.storage.data;
  for (let i = 0; i < d.length; i++) d[i] = uniform(t.dtype);
  return t;
}

/** Standard normal by Box–Muller (the spare value is used, so two uniforms give two normals). */
function fillNormal(t: Tensor, mean: number, std: number): Tensor {
  const d = t.storage.data;
  for (let i = 0; i < d.length; i += 2) {
    const u1 = 1 - uniform('float64'), u2 = uniform('float64');
    const r = Math.sqrt(-2 * Math.log(u1));
    d[i] = mean + std * r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < d.length) d[i + 1] = mean + std * r * Math.sin(2 * Math.PI * u2);
  }
  return t;
}

export const randn = (shape: readonly number[], dtype: DType | null = null): Tensor =>
  fillNormal(floatOut(shape, dtype, 'normal_kernel_cpu'), 0, 1);

export function normal(mean: number, std: number, shape: readonly number[], dtype: DType | null = null): Tensor {
  if (std < 0) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  return fillNormal(floatOut(shape, dtype, 'normal_kernel_cpu'), mean, std);
}

/** torch.randint(low, high, size): int64 unless a dtype is given. */
export function randint(low: number, high: number, shape: readonly number[], dtype: DType | null = null): Tensor {
  if (low >= high) throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const t = emptyTensor(checkShape(shape), dtype ?? 'int64');
  const d = t.storage.data;
  const range = high - low;
  for (let i = 0; i < d.length; i++) d[i] = low + Math.floor(uniform('float64') * range);
  return t;
}

/** torch.randperm(n). */
export function randperm(n: number, dtype: DType | null = null): Tensor {
  const t = emptyTensor([n], dtype ?? 'int64');
  const d = t.storage.data;
  for (let i = 0; i < n; i++) d[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform('float64') * (i + 1));
    const x = d[i]; d[i] = d[j]; d[j] = x;
  }
  return t;
}
