/** @file The cuda device wrapper: tags flow from inputs to results, mixed devices raise PyTorch's error, reprs name the device. */
import { describe, expect, it } from 'vitest';
import { pyapi } from '../../shared/autograd/pyapi';
import { PyError } from '../../shared/errors';
import type { Tensor } from '../../shared/tensor/tensor';
import { MIXED_DEVICES, disableCudaForTests, enableCuda, makeDeviceApi } from './cuda-devices';

type Api = typeof pyapi;

function setup() {
  const modules: Record<string, unknown> = { tensor: pyapi };
  enableCuda('test gpu', modules);
  const T = modules['tensor'] as Api;
  const dev = makeDeviceApi(() => modules['tensor'] as Record<string, unknown>);
  const done = () => disableCudaForTests(modules, pyapi);
  return { T, dev, done };
}

describe('cuda devices', () => {
  it('tags results of ops on cuda tensors and prints device=cuda:0', () => {
    const { T, dev, done } = setup();
    const x = T.ones([2, 3], 'float32');
    dev.markCuda(x);
    const s = T.sum(T.binary('add', x, x, null), null, false, null) as Tensor;
    expect(dev.isCuda(s)).toBe(true);
    expect(T.repr(s, null, null)).toBe("tensor(12., device='cuda:0')");
    expect(dev.adapter()).toBe('test gpu');
    expect(dev.notice()).toBe("DiveLab runs CUDA code with WebGPU (test gpu): float32 math on 'cuda:0' runs on this GPU, other dtypes and ops on the CPU.");
    done();
  });

  it('copies between devices and keeps CPU ops untagged', () => {
    const { T, dev, done } = setup();
    const y = T.tensor([1, 2], 'float32', 'float');
    const z = dev.copyTo(y, 'cuda');
    expect(z).not.toBe(y);
    expect(dev.isCuda(z) && !dev.isCuda(y)).toBe(true);
    expect(T.repr(z, null, null)).toBe("tensor([1., 2.], device='cuda:0')");
    expect(dev.isCuda(dev.copyTo(z, 'cpu'))).toBe(false);
    expect(dev.isCuda(T.binary('mul', y, y, null))).toBe(false);
    done();
  });

  it('raises the same-device error when cuda and cpu tensors mix, in either order; a 0-dim CPU tensor may join', () => {
    const { T, dev, done } = setup();
    const y = T.tensor([1, 2], 'float32', 'float');
    const z = dev.copyTo(y, 'cuda');
    for (const [a, b] of [[z, y], [y, z]] as const) {
      let err: unknown;
      try { T.binary('add', a, b, null); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(PyError);
      expect((err as PyError).pyType).toBe('RuntimeError');
      expect((err as PyError).message).toBe(MIXED_DEVICES);
    }
    const r = T.binary('add', z, T.scalarTensor(2, 'float', null), null);
    expect(T.repr(r, null, null)).toBe("tensor([3., 4.], device='cuda:0')");
    done();
  });

  it('checks the tensors inside a list (torch.cat), as a JS array or a Python list proxy', () => {
    const { T, dev, done } = setup();
    const y = T.tensor([1, 2], 'float32', 'float');
    const z = dev.copyTo(y, 'cuda');
    const pyList = (xs: unknown[]) => ({ length: xs.length, get: (i: number) => xs[i], toJs: () => xs }); // a PyProxy's surface
    expect(dev.isCuda(T.cat([z, z] as never, 0))).toBe(true);
    expect(dev.isCuda(T.cat(pyList([z, z]) as never, 0))).toBe(true);
    for (const list of [[z, y], pyList([y, z])]) {
      let err: unknown;
      try { T.cat(list as never, 0); } catch (e) { err = e; }
      expect((err as PyError).message).toBe(MIXED_DEVICES);
    }
    done();
  });

  it("x.cuda() / x.cpu() are ToCopyBackward0 in the graph, and each leaf's gradient stays on its device", () => {
    const { T, dev, done } = setup();
    const B = T as unknown as Record<string, (...a: unknown[]) => unknown>;
    const x = T.ones([2], 'float32');
    B.setRequiresGrad(x, true, 'method');
    const y = dev.copyTo(x, 'cuda');
    expect(T.repr(y, null, null)).toBe("tensor([1., 1.], device='cuda:0', grad_fn=<ToCopyBackward0>)");
    B.backward1(T.sum(T.binary('mul', y, 3, 'int'), null, false, null), null, false);
    expect(dev.isCuda(x.grad!)).toBe(false);
    const z = dev.copyTo(T.ones([2], 'float32'), 'cuda');
    B.setRequiresGrad(z, true, 'method');
    const w = dev.copyTo(z, 'cpu');
    expect(T.repr(w, null, null)).toBe('tensor([1., 1.], grad_fn=<ToCopyBackward0>)');
    B.backward1(T.sum(w, null, false, null), null, false);
    expect(dev.isCuda(z.grad!)).toBe(true);
    done();
  });
});
