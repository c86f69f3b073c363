import { describe, expect, it } from 'vitest';
import { arange } from '../tensor/creation';
import { scalar } from '../tensor/scalar';
import type { Tensor } from '../tensor/tensor';
import { backward } from './engine';
import * as F from './functions';
import { exportGraph, opWord } from './graph-export';

function course(): { x: Tensor; y: Tensor } {
  const x = arange(0, 4, 1, true);
  x.requiresGrad = true;
  return { x, y: F.mul(F.dot(x, x), scalar(2, 'int')) };
}

describe('graph export', () => {
  it('describes y = 2 * dot(x, x) from the output down to the leaf, with names', () => {
    const { x, y } = course();
    const g = exportGraph(y, { nameOf: (t) => (t === x ? 'x' : t === y ? 'y' : null) });
    expect(g.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['output', 'y'], ['op', 'MulBackward0'], ['op', 'DotBackward0'], ['leaf', 'x'],
    ]);
    const id = (label: string) => g.nodes.find((n) => n.label === label)!.id;
    expect(g.edges.map((e) => [e.from, e.to])).toEqual([
      [id('MulBackward0'), 'out'], [id('DotBackward0'), id('MulBackward0')], [id('x'), id('DotBackward0')], [id('x'), id('DotBackward0')],
    ]);
    expect(g.nodes.find((n) => n.label === 'DotBackward0')!.value).toBe('tensor(14.)');
    expect(g.nodes.find((n) => n.label === 'x')!.grad).toBeUndefined();
    expect(g.edges.every((e) => e.grad === undefined)).toBe(true);
  });

  it('after backward, carries the gradient on every edge and the leaf', () => {
    const { x, y } = course();
    backward([y], [null], { retainGraph: false, createGraph: false });
    const g = exportGraph(y, { nameOf: (t) => (t === x ? 'x' : null) });
    expect(g.nodes.find((n) => n.label === 'x')!.grad).toBe('tensor([ 0.,  4.,  8., 12.])');
    expect(g.edges.map((e) => e.grad)).toEqual(['tensor(1.)', 'tensor(2.)', 'tensor([0., 2., 4., 6.])', 'tensor([0., 2., 4., 6.])']);
  });

  it('cuts very long graphs at maxNodes, keeping the part next to the output', () => {
    let t = arange(0, 2, 1, true);
    t.requiresGrad = true;
    for (let i = 0; i < 50; i++) t = F.mul(t, scalar(2, 'int'));
    const g = exportGraph(t, { maxNodes: 10 });
    expect(g.truncated).toBe(true);
    expect(g.nodes.filter((n) => n.kind === 'op')).toHaveLength(10);
  });

  it('names ops in plain words', () => {
    expect(opWord('MulBackward0')).toBe('mul');
    expect(opWord('ReshapeAliasBackward0')).toBe('reshape_alias');
    expect(opWord('CopySlices')).toBe('CopySlices');
  });
});
