import { describe, expect, it } from 'vitest';
import { arange, tensorFromNested } from '../tensor/creation';
import { scalar } from '../tensor/scalar';
import { toFlatArray } from '../tensor/iterate';
import type { Tensor } from '../tensor/tensor';
import { backward, grad } from './engine';
import * as F from './functions';
import { withGradMode } from './grad-mode';
import type { Node } from './node';

const leaf = (v: number[] | number[][]): Tensor => {
  const t = tensorFromNested(v, 'float32', null);
  t.requiresGrad = true;
  return t;
};
const vals = (t: Tensor | null): number[] => toFlatArray(t!);
const name = (t: Tensor): string | null => (t.gradFn ? (t.gradFn as Node).name : null);
const opts = { retainGraph: false, createGraph: false };

describe('backward', () => {
  it('gives 4x for y = 2 * dot(x, x), the course example', () => {
    const x = arange(0, 4, 1, true);
    x.requiresGrad = true;
    const y = F.mul(F.dot(x, x), scalar(2, 'int'));
    expect(name(y)).toBe('MulBackward0');
    expect(((y.gradFn as Node).next[0].node as Node).name).toBe('DotBackward0');
    backward([y], [null], opts);
    expect(vals(x.grad)).toEqual([0, 4, 8, 12]);
  });

  it('accumulates into .grad until it is zeroed, keeping its identity', () => {
    const x = leaf([1, 2, 3]);
    backward([F.sum(x)], [null], opts);
    const g = x.grad;
    backward([F.sum(F.mul(x, x))], [null], opts);
    expect(x.grad).toBe(g);
    expect(vals(x.grad)).toEqual([3, 5, 7]);
  });

  it('refuses a second backward through freed saved tensors', () => {
    const x = leaf([1, 2]);
    const y = F.sum(F.mul(x, x));
    backward([y], [null], opts);
    expect(() => backward([y], [null], opts)).toThrow(/Trying to backward through the graph a second time/);
  });

  it('runs twice with retain_graph', () => {
    const x = leaf([1, 2]);
    const y = F.sum(F.mul(x, x));
    backward([y], [null], { retainGraph: true, createGraph: false });
    backward([y], [null], opts);
    expect(vals(x.grad)).toEqual([4, 8]);
  });

  it('sums broadcast gradients back to each input shape', () => {
    const a = leaf([[1, 2, 3], [4, 5, 6]]);
    const b = leaf([10, 20, 30]);
    const c = leaf([[2], [3]]);
    backward([F.sum(F.mul(F.add(a, b), c))], [null], opts);
    expect(vals(a.grad)).toEqual([2, 2, 2, 3, 3, 3]);
    expect(vals(b.grad)).toEqual([5, 5, 5]);
    expect(vals(c.grad)).toEqual([66, 75]);
  });

  it('differentiates twice with create_graph', () => {
    const x = leaf([1, 2, 3]);
    const y = F.sum(F.pow(x, scalar(3, 'int')));
    const [g] = grad([y], [x], [null], { retainGraph: false, createGraph: true, allowUnused: false });
    expect(vals(g)).toEqual([3, 12, 27]);
    const [h] = grad([F.sum(g!)], [x], [null], { ...opts, allowUnused: false });
    expect(vals(h)).toEqual([6, 12, 18]);
    expect(x.grad).toBeNull();
  });

  it('records nothing with grad mode off', () => {
    const x = leaf([1, 2]);
    const y = withGradMode(false, () => F.mul(x, x));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
  });

  it('checks the version of saved tensors', () => {
    const a = leaf([1, 2, 3]);
    const b = F.mul(a, scalar(1, 'int'));
    const c = F.mul(b, b);
    b.storage.version++;
    expect(() => backward([F.sum(c)], [null], opts)).toThrow(
      'one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of MulBackward0, is at version 1; expected version 0 instead.',
    );
  });

  it('casts a gradient to the dtype of the input it flows into (float32 leaf in a float64 op)', () => {
    const x = leaf([1, 2]);
    const w = tensorFromNested([0.5, 0.25], 'float64', null);
    w.requiresGrad = true;
    const y = F.sum(F.mul(x, w));
    expect(y.dtype).toBe('float64');
    backward([y], [null], opts);
    expect(x.grad!.dtype).toBe('float32');
    expect(vals(x.grad)).toEqual([0.5, 0.25]);
    expect(w.grad!.dtype).toBe('float64');
  });

  it('retain_grad fills .grad of a non-leaf; autograd.grad leaves .grad alone', () => {
    const x = leaf([1, 2, 3]);
    const y = F.mul(x, x);
    y.retainsGrad = true;
    (y.gradFn as Node).retainers = [y];
    backward([F.sum(F.mul(y, scalar(3, 'int')))], [null], opts);
    expect(vals(y.grad)).toEqual([3, 3, 3]);
    expect(vals(x.grad)).toEqual([6, 12, 18]);
  });
});

