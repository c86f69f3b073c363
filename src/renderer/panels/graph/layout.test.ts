import { describe, expect, it } from 'vitest';
import { clip, edgeText, layoutGraph, type GraphJson } from './layout';

/** The graph of `x = torch.arange(4.0, requires_grad=True); y = 2 * torch.dot(x, x); y.backward()`. */
const course: GraphJson = {
  format: 'divelab.graph/1',
  root: 'out',
  truncated: false,
  nodes: [
    { id: 'out', kind: 'output', label: 'y', shape: [], dtype: 'float32', value: 'tensor(28.)', grad: 'tensor(1.)' },
    { id: 'n0', kind: 'op', label: 'MulBackward0', op: 'mul', shape: [], dtype: 'float32', value: 'tensor(28.)', grad: 'tensor(1.)' },
    { id: 'n1', kind: 'op', label: 'DotBackward0', op: 'dot', shape: [], dtype: 'float32', value: 'tensor(14.)', grad: 'tensor(2.)' },
    { id: 'n2', kind: 'leaf', label: 'x', shape: [4], dtype: 'float32', value: 'tensor([0., 1., 2., 3.])', grad: 'tensor([ 0.,  4.,  8., 12.])' },
  ],
  edges: [
    { from: 'n0', to: 'out', shape: [], grad: 'tensor(1.)' },
    { from: 'n1', to: 'n0', shape: [], grad: 'tensor(2.)' },
    { from: 'n2', to: 'n1', shape: [4], grad: 'tensor([0., 2., 4., 6.])' },
    { from: 'n2', to: 'n1', shape: [4], grad: 'tensor([0., 2., 4., 6.])' },
  ],
};

describe('graph layout', () => {
  it('puts inputs at the bottom and each op above its inputs', () => {
    const p = layoutGraph(course);
    const y = (id: string) => p.nodes.find((n) => n.id === id)!.y;
    // SVG y grows downwards: bottom means larger y
    expect(y('n2')).toBeGreaterThan(y('n1'));
    expect(y('n1')).toBeGreaterThan(y('n0'));
    expect(y('n0')).toBeGreaterThan(y('out'));
  });

  it('keeps both edges of x · x apart, each with a route and its gradient', () => {
    const p = layoutGraph(course);
    const dots = p.edges.filter((e) => e.to === 'n1');
    expect(dots).toHaveLength(2);
    for (const e of dots) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(e.gradText).toBe('tensor([0., 2., 4., 6.])');
    }
    expect(dots[0].id).not.toBe(dots[1].id);
    // dagre places the two labels apart
    expect(dots[0].labelAt).not.toBeNull();
    expect(dots[0].labelAt!.x).not.toBe(dots[1].labelAt!.x);
  });

  it('shows names, shapes, values and gradients in the boxes', () => {
    const p = layoutGraph(course);
    const x = p.nodes.find((n) => n.id === 'n2')!;
    expect(x.lines).toEqual(['x (leaf)', 'shape (4,)', 'tensor([0., 1., 2., 3.])']);
    expect(x.gradLines).toEqual(['tensor([ 0.,  4.,  8., 12.])']);
    const mul = p.nodes.find((n) => n.id === 'n0')!;
    expect(mul.lines[0]).toBe('MulBackward0');
    expect(mul.lines[1]).toBe('scalar');
  });

  it('hides gradients when asked, and leaves room for what is shown', () => {
    const p = layoutGraph(course, { showGrads: false });
    expect(p.edges.every((e) => e.gradText === '')).toBe(true);
    for (const n of p.nodes) expect(n.width).toBeGreaterThan(0);
    expect(p.width).toBeGreaterThan(0);
    expect(p.height).toBeGreaterThan(0);
  });

  it('clips long printed tensors', () => {
    const long = Array.from({ length: 10 }, (_, i) => `[${'1.0000, '.repeat(12)}${i}]`).join('\n');
    const c = clip(long);
    expect(c).toHaveLength(5);
    expect(c[4]).toBe('…');
    expect(c[0].length).toBeLessThanOrEqual(40);
    expect(edgeText('tensor([[1., 2.],\n        [3., 4.]])')).toBe('tensor([[1., 2.], [3., 4.]])');
  });
});
