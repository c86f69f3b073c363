/** @file The wasm emitter produces modules that validate and compute, including LEB128 edge values. */
import { describe, expect, it } from 'vitest';
import { ModuleBuilder } from './emitter';
import { buildCpuModule, DEFAULT_GEMM } from './module';

function instantiate(build: (m: ModuleBuilder) => void): Record<string, (...a: number[]) => number> {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const m = new ModuleBuilder({ initial: 1, maximum: 2, shared: false });
  build(m);
  return new WebAssembly.Instance(new WebAssembly.Module(m.encode()), { env: { memory } }).exports as never;
}

describe('wasm emitter', () => {
  it('encodes signed constants across LEB128 byte boundaries', () => {
    const values = [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, -8192, 2 ** 31 - 1, -(2 ** 31)];
    const ex = instantiate((m) => values.forEach((v, i) => m.fn(`c${i}`, [], ['i32'], (f) => { f.i32(v); })));
    values.forEach((v, i) => expect(ex[`c${i}`]!()).toBe(v));
  });

  it('structured for-loops sum a range and skip empty ranges', () => {
    const ex = instantiate((m) => m.fn('tri', ['i32'], ['i32'], (f) => {
      const [n] = f.params; const i = f.local('i32'), s = f.local('i32');
      f.for(i, 0, n!, 1, () => { f.inc(s, i); });
      f.get(s);
    }));
    expect(ex.tri!(10)).toBe(45);
    expect(ex.tri!(0)).toBe(0);
    expect(ex.tri!(-3)).toBe(0);
  });

  it('the full CPU kernel module validates with and without fused multiply-add', () => {
    const plain = buildCpuModule({ fma: false, shared: true, gemm: DEFAULT_GEMM, maximumPages: 1024 });
    expect(WebAssembly.validate(plain.bytes)).toBe(true);
    expect(new Set(plain.exports).size).toBe(plain.exports.length);
    expect(plain.exports).toContain('gemm_f32');
  });
});
