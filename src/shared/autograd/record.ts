/**
 * @file Recording: turns the output of a pure tensor op into a graph node when grad mode is on and an input
 * requires grad. Every differentiable op in functions.ts goes through `record`.
 */
import { runtimeError } from '../errors';
import { isFloating } from '../tensor/dtype';
import type { Tensor } from '../tensor/tensor';
import { gradientEdge } from './leaf';
import { isGradEnabled } from './grad-mode';
import { FunctionNode, NO_EDGE, type BackwardFn, type Edge } from './node';

/**
 * What a rule gets while the graph is recorded: the node (to save tensors on), and which inputs need a
 * gradient (a rule returns null for the others and skips their work).
 */
export interface Ctx {
  readonly node: FunctionNode;
  readonly needs: readonly boolean[];
  save(t: Tensor): { get(): Tensor };
}

/** Outputs up to this size stay reachable from their node, so the graph view can show forward values. */
export const KEEP_OUTPUT_NUMEL = 4096;

/** Whether an op on these inputs records a node (cheap test done before any other work). */
export function recording(inputs: readonly (Tensor | null)[]): boolean {
  if (!isGradEnabled()) return false;
  for (const t of inputs) if (t !== null && t.requiresGrad) return true;
  return false;
}

/**
 * Attaches a node named `name` to `out`. `inputs` are the op's differentiable inputs in PyTorch's order
 * (null for an operand that is not a tensor, e.g. a Python scalar: its edge is empty, as PyTorch shows it);
 * `rule` builds the backward closure, saving what it needs through the context.
 */
export function record(
  name: string,
  out: Tensor,
  inputs: readonly (Tensor | null)[],
  rule: (ctx: Ctx) => BackwardFn,
  typeName = name,
): Tensor {
  if (!recording(inputs)) return out;
  if (!isFloating(out.dtype)) return out; // integer/bool results (argmax, comparisons) carry no gradient
  const next: Edge[] = inputs.map((t) => (t !== null && t.requiresGrad ? gradientEdge(t) : NO_EDGE));
  const node = new FunctionNode(name, next, out.shape, out.dtype, typeName);
  out.requiresGrad = true;
  out.isLeaf = false;
  out.gradFn = node;
  if (out.numel <= KEEP_OUTPUT_NUMEL) node.output = out;
  const needs = next.map((e) => e.node !== null);
  node.backwardFn = rule({ node, needs, save: (t) => node.save(t) });
  return out;
}

/** A node whose backward PyTorch does not implement (floor_divide, ...): the error comes at backward time. */
export function recordNotImplemented(opName: string, out: Tensor, inputs: readonly (Tensor | null)[]): Tensor {
  return record('torch::autograd::NotImplemented', out, inputs, () => () => {
    throw runtimeError(`derivative for aten::${opName} is not implemented`);
  }, 'NotImplemented');
}
