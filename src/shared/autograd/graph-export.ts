/**
 * @file Graph export: a plain JSON description of the graph behind a tensor, for the graph view
 * (MIME type `application/vnd.divelab.graph+json`).
 *
 * The description follows the forward direction, as the course draws it: leaves (inputs) feed op nodes, op
 * nodes feed later op nodes, and the last op produces the output tensor. Each edge carries the shape of the
 * value flowing forward and, once a backward has run through it, the gradient that flowed back along it.
 * Values are PyTorch-formatted strings (what the student would see printing them), so the view needs no
 * tensor code of its own.
 */
import { formatTensor } from '../tensor/format';
import type { Tensor } from '../tensor/tensor';
import { AccumulateGrad, type Node } from './node';

export const GRAPH_MIME = 'application/vnd.divelab.graph+json';

export interface GraphNodeJson {
  id: string;
  /** 'leaf': a tensor the user created; 'op': a backward node (one forward op); 'output': the tensor shown. */
  kind: 'leaf' | 'op' | 'output';
  /** The node's name as PyTorch shows it (`MulBackward0`), or the tensor's variable name (`x`) if known. */
  label: string;
  /** The forward op in plain words for ops (`mul`), absent for tensors. */
  op?: string;
  shape: number[];
  dtype: string;
  /** The forward value (PyTorch's printing) while the tensor is still alive. */
  value?: string;
  /** The gradient: `.grad` for leaves and the output; the gradient of the op's output after a backward. */
  grad?: string;
}

export interface GraphEdgeJson {
  /** Forward direction: the input... */
  from: string;
  /** ...and the op that consumes it. */
  to: string;
  shape: number[];
  /** The gradient that flowed back along this edge in the latest backward, if any. */
  grad?: string;
}

export interface GraphJson {
  format: 'divelab.graph/1';
  /** id of the output node (the tensor the graph was asked for). */
  root: string;
  nodes: GraphNodeJson[];
  edges: GraphEdgeJson[];
  /** True when the graph was cut at `maxNodes` (very long loops). */
  truncated: boolean;
}

export interface ExportOptions {
  /** A display name for a tensor (the Python variable it is bound to), or null. */
  nameOf?: (t: Tensor) => string | null;
  maxNodes?: number;
}

/** Values print without autograd suffixes; the view shows the graph around them already. */
const show = (t: Tensor | null | undefined): string | undefined =>
  t === null || t === undefined ? undefined : formatTensor(t, { requiresGrad: false, gradFnName: null });

/** `MulBackward0` → `mul`, `torch::autograd::CopySlices` → `CopySlices`. */
export function opWord(typeName: string): string {
  const m = /^(.*?)Backward\d*$/.exec(typeName);
  if (!m) return typeName;
  return m[1].replace(/^([A-Z])/, (c) => c.toLowerCase()).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function exportGraph(root: Tensor, opts: ExportOptions = {}): GraphJson {
  const nameOf = opts.nameOf ?? (() => null);
  const maxNodes = opts.maxNodes ?? 500;
  const nodes: GraphNodeJson[] = [];
  const edges: GraphEdgeJson[] = [];
  const ids = new Map<Node, string>();
  let truncated = false;

  const idOf = (n: Node): string => {
    let id = ids.get(n);
    if (id === undefined) {
      id = `n${ids.size}`;
      ids.set(n, id);
      if (n instanceof AccumulateGrad) {
        const v = n.variable;
        nodes.push({ id, kind: 'leaf', label: nameOf(v) ?? 'leaf', shape: [...v.shape], dtype: v.dtype, value: show(v), grad: show(v.grad) });
      } else {
        const out = n.output;
        nodes.push({
          id, kind: 'op', label: n.typeName, op: opWord(n.typeName), shape: [...n.outShape], dtype: n.outDtype,
          value: show(out), grad: show(n.lastGrad),
        });
      }
    }
    return id;
  };

  const rootId = 'out';
  nodes.push({
    id: rootId, kind: 'output', label: nameOf(root) ?? 'output', shape: [...root.shape], dtype: root.dtype,
    value: show(root), grad: show(root.isLeaf ? root.grad : (root.retainsGrad ? root.grad : (root.gradFn as Node | null)?.lastGrad)),
  });
  const top = root.gradFn as Node | null;
  if (top === null) return { format: 'divelab.graph/1', root: rootId, nodes, edges, truncated };
  edges.push({ from: idOf(top), to: rootId, shape: [...root.shape], grad: show(top.lastGrad) });

  // Breadth-first from the output, so a cut at maxNodes keeps the part nearest the output.
  const queue: Node[] = [top];
  const seen = new Set<Node>(queue);
  while (queue.length > 0) {
    const n = queue.shift()!;
    n.next.forEach((e, i) => {
      if (e.node === null) return;
      if (!seen.has(e.node)) {
        if (ids.size >= maxNodes) {
          truncated = true;
          return;
        }
        seen.add(e.node);
        queue.push(e.node);
      }
      edges.push({ from: idOf(e.node), to: idOf(n), shape: [...e.node.outShape], grad: show(n.lastSent?.[i]) });
    });
  }
  return { format: 'divelab.graph/1', root: rootId, nodes, edges, truncated };
}
