/**
 * @file Layout of a computation graph (the JSON of src/shared/autograd/graph-export.ts) with dagre: inputs at
 * the bottom, each op above its inputs, the output on top, as the course draws it. Pure: text in, boxes and
 * edge routes out, so it is tested without a browser.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { GraphEdgeJson, GraphJson, GraphNodeJson } from '../../../shared/autograd/graph-export';

export type { GraphJson, GraphNodeJson, GraphEdgeJson };

export interface BoxLines {
  /** The lines shown in the box, in order (title first). */
  lines: string[];
  /** Lines of the gradient, shown below the value once a backward has run. */
  gradLines: string[];
}

export interface PlacedNode extends GraphNodeJson, BoxLines {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends GraphEdgeJson {
  id: string;
  points: { x: number; y: number }[];
  /** The gradient text, compacted to one line, or '' when none flowed. */
  gradText: string;
  /** Where dagre placed the label (the centre of its box), so that labels of parallel edges do not overlap. */
  labelAt: { x: number; y: number } | null;
}

export interface Placed {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const CHAR_W = 7.2;
export const LINE_H = 15;
const PAD = 8;
const MAX_CHARS = 40;
const MAX_VALUE_LINES = 4;

/** A printed tensor clipped to a few short lines (the full text is in the box's tooltip). */
export function clip(text: string | undefined, maxLines = MAX_VALUE_LINES): string[] {
  if (!text) return [];
  const lines = text.split('\n');
  const out = lines.slice(0, maxLines).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS - 1) + '…' : l));
  if (lines.length > maxLines) out.push('…');
  return out;
}

const shapeText = (s: readonly number[]): string => (s.length === 0 ? 'scalar' : `shape (${s.join(', ')}${s.length === 1 ? ',' : ''})`);

/** What a node's box says: its name, its shape, its forward value, and its gradient. */
export function boxLines(n: GraphNodeJson, showValues: boolean): BoxLines {
  const title = n.kind === 'op' ? n.label : n.kind === 'leaf' ? `${n.label} (leaf)` : n.label;
  const lines = [title, shapeText(n.shape)];
  if (showValues) lines.push(...clip(n.value));
  return { lines, gradLines: clip(n.grad) };
}

/** One line for an edge label: the gradient with its layout whitespace squeezed. */
export const edgeText = (grad: string | undefined): string => {
  if (!grad) return '';
  const flat = grad.replace(/\s+/g, ' ').replace(/\[ /g, '[');
  return flat.length > MAX_CHARS ? flat.slice(0, MAX_CHARS - 1) + '…' : flat;
};

export function layoutGraph(g: GraphJson, opts: { showValues?: boolean; showGrads?: boolean } = {}): Placed {
  const showValues = opts.showValues ?? true;
  const showGrads = opts.showGrads ?? true;
  const dg = new Graph({ multigraph: true });
  dg.setGraph({ rankdir: 'BT', nodesep: 30, ranksep: 50, marginx: 10, marginy: 10 });
  dg.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, BoxLines & { width: number; height: number }>();
  for (const n of g.nodes) {
    const b = boxLines(n, showValues);
    // gradient lines are drawn with a two-character '∇ ' prefix
    const shown = showGrads ? [...b.lines, ...b.gradLines.map((l) => '∇ ' + l)] : b.lines;
    const width = Math.max(60, Math.max(...shown.map((l) => l.length)) * CHAR_W + 2 * PAD);
    const height = shown.length * LINE_H + 2 * PAD;
    boxes.set(n.id, { ...b, width, height });
    dg.setNode(n.id, { width, height });
  }
  g.edges.forEach((e, i) => {
    const label = showGrads ? edgeText(e.grad) : '';
    dg.setEdge(e.from, e.to, label ? { width: label.length * CHAR_W * 0.92, height: LINE_H, labelpos: 'c' } : {}, `e${i}`);
  });
  layout(dg);
  const nodes = g.nodes.map((n) => {
    const p = dg.node(n.id) as { x: number; y: number };
    const b = boxes.get(n.id)!;
    return { ...n, ...b, x: p.x, y: p.y };
  });
  const edges = g.edges.map((e, i) => {
    const de = dg.edge({ v: e.from, w: e.to, name: `e${i}` }) as { points?: { x: number; y: number }[]; x?: number; y?: number };
    const gradText = showGrads ? edgeText(e.grad) : '';
    const labelAt = gradText && de.x !== undefined && de.y !== undefined ? { x: de.x, y: de.y } : null;
    return { ...e, id: `e${i}`, points: de.points ?? [], gradText, labelAt };
  });
  const gl = dg.graph() as { width?: number; height?: number };
  return { nodes, edges, width: gl.width ?? 0, height: gl.height ?? 0 };
}
