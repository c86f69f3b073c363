/**
 * @file The backward engine: runs the graph from its roots in dependency order and delivers gradients to the
 * leaves (`backward`) or hands them back (`torch.autograd.grad`).
 *
 * [Note: execution order] Like PyTorch, a node runs only once every edge into it has delivered its gradient,
 * and among ready nodes the most recently created runs first (leaf accumulators before all others). Summing
 * the gradients that meet at a node in arrival order then matches PyTorch's floating-point results, signed zeros
 * included. Rules run with grad mode equal to `create_graph`, so higher-order gradients come for free.
 */
import { runtimeError } from '../errors';
import { sizeRepr, shapeEq } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { followDevice } from '../tensor/device';
import { isGradEnabled, setGradEnabled } from './grad-mode';
import { to as coreTo } from '../tensor/convert';
import { AccumulateGrad, type Edge, type Node } from './node';
import { gradientEdge } from './leaf';
import * as F from './functions';

export { gradientEdge };

export interface BackwardOptions {
  retainGraph: boolean;
  createGraph: boolean;
}

/**
 * torch.autograd's `_make_grads`: the gradient to start from for each output (ones for a scalar), with
 * PyTorch's checks and messages.
 */
export function makeRootGrads(outputs: readonly Tensor[], grads: readonly (Tensor | null)[]): Tensor[] {
  return outputs.map((out, i) => {
    const g = grads[i] ?? null;
    if (g !== null) {
      if (!shapeEq(g.shape, out.shape)) {
        throw runtimeError(
          `Mismatch in shape: grad_output[${i}] has a shape of ${sizeRepr(g.shape)} and output[${i}] has a shape of ${sizeRepr(out.shape)}.`,
        );
      }
      return g;
    }
    if (!out.requiresGrad) throw runtimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
    if (out.numel !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
    return F.onesLike(out);
  });
}

/** `tensor.backward()` / `torch.autograd.backward`: accumulates into the `.grad` of every leaf reached. */
export function backward(outputs: readonly Tensor[], grads: readonly (Tensor | null)[], opts: BackwardOptions): void {
  const rootGrads = makeRootGrads(outputs, grads);
  run(outputs, rootGrads, opts, null);
}

/** `torch.autograd.grad`: the gradients of the outputs with respect to `inputs`, leaving every `.grad` alone. */
export function grad(
  outputs: readonly Tensor[],
  inputs: readonly Tensor[],
  grads: readonly (Tensor | null)[],
  opts: BackwardOptions & { allowUnused: boolean },
): (Tensor | null)[] {
  const rootGrads = makeRootGrads(outputs, grads);
  for (const t of inputs) {
    if (!t.requiresGrad) throw runtimeError('One of the differentiated Tensors does not require grad');
  }
  const result = run(outputs, rootGrads, opts, inputs.map(gradientEdge));
  if (!opts.allowUnused && result.some((g) => g === null)) {
    throw runtimeError(
      'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
    );
  }
  return result;
}

/** A max-heap of ready nodes by priority (see [Note: execution order]). */
class ReadyQueue {
  private readonly heap: Node[] = [];
  private static prio(n: Node): number {
    return n instanceof AccumulateGrad ? Number.MAX_SAFE_INTEGER : n.sequenceNr;
  }
  get size(): number {
    return this.heap.length;
  }
  push(n: Node): void {
    const h = this.heap;
    h.push(n);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ReadyQueue.prio(h[p]) >= ReadyQueue.prio(h[i])) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  pop(): Node {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && ReadyQueue.prio(h[l]) > ReadyQueue.prio(h[m])) m = l;
        if (r < h.length && ReadyQueue.prio(h[r]) > ReadyQueue.prio(h[m])) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

let runTag = 0;

/**
 * Counts, for every node reachable from the roots, how many edges lead into it (in `node.pending`, valid for
 * this run's tag: a node field instead of a Map keeps a backward on a tiny graph nearly allocation-free).
 */
function countDependencies(roots: readonly Node[], tag: number): void {
  const stack: Node[] = [];
  for (const r of roots) {
    if (r.runTag !== tag) {
      r.runTag = tag;
      r.pending = 0;
      r.buffer = null;
      stack.push(r);
    }
  }
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (const e of n.next) {
      const c = e.node;
      if (c === null) continue;
      if (c.runTag !== tag) {
        c.runTag = tag;
        c.pending = 0;
        c.buffer = null;
        stack.push(c);
      }
      c.pending++;
    }
  }
}

/** In capture mode, the nodes worth running: those with a path to a captured node (PyTorch's exec_info). */
function neededNodes(roots: readonly Node[], targets: ReadonlySet<Node>): Set<Node> {
  const memo = new Map<Node, boolean>();
  const visit = (start: Node): boolean => {
    // Iterative post-order so that deep graphs (long Python loops) cannot overflow the JS stack.
    const stack: [Node, number][] = [[start, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [n, i] = top;
      if (memo.has(n) && i === 0) {
        stack.pop();
        continue;
      }
      if (i < n.next.length) {
        top[1]++;
        const c = n.next[i].node;
        if (c !== null && !memo.has(c)) stack.push([c, 0]);
        continue;
      }
      stack.pop();
      memo.set(n, targets.has(n) || n.next.some((e) => e.node !== null && memo.get(e.node) === true));
    }
    return memo.get(start)!;
  };
  for (const r of roots) visit(r);
  return new Set([...memo].filter(([, v]) => v).map(([n]) => n));
}

function run(
  outputs: readonly Tensor[],
  rootGrads: readonly Tensor[],
  opts: BackwardOptions,
  capture: readonly Edge[] | null,
): (Tensor | null)[] {
  const prevMode = setGradEnabled(opts.createGraph);
  try {
    const tag = ++runTag;
    const roots: Node[] = [];
    outputs.forEach((out, i) => {
      const e = gradientEdge(out);
      if (e.node === null) throw runtimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
      if (!roots.includes(e.node)) roots.push(e.node);
    });
    countDependencies(roots, tag);
    outputs.forEach((out, i) => deliver(gradientEdge(out).node!, rootGrads[i]));
    const targets = capture ? new Set(capture.map((e) => e.node).filter((n): n is Node => n !== null)) : null;
    const needed = targets ? neededNodes(roots, targets) : null;
    const captured = capture ? new Map<Node, Tensor>() : null;
    const ready = new ReadyQueue();
    for (const r of roots) if (r.pending === 0) ready.push(r);
    while (ready.size > 0) {
      const n = ready.pop();
      const g = n.buffer;
      n.buffer = null;
      if (g !== null && captured !== null && targets!.has(n)) captured.set(n, g);
      const runIt = g !== null && (needed === null || n.next.some((e) => e.node !== null && needed.has(e.node)));
      let outs: readonly (Tensor | null)[] = NONE;
      if (runIt) {
        if (n.retainers) for (const t of n.retainers) retainGrad(t, g);
        if (n instanceof AccumulateGrad) accumulateGrad(n.variable, g);
        outs = n.apply(g);
        n.lastGrad = g;
        n.lastSent = outs;
        if (!opts.retainGraph) n.release();
      }
      for (let i = 0; i < n.next.length; i++) {
        const c = n.next[i].node;
        if (c === null) continue;
        const gi = outs[i] ?? null;
        if (gi !== null) deliver(c, gi);
        if (--c.pending === 0) ready.push(c);
      }
    }
    return capture ? capture.map((e) => (e.node ? (captured!.get(e.node) ?? null) : null)) : [];
  } finally {
    setGradEnabled(prevMode);
  }
}

const NONE: readonly (Tensor | null)[] = [];

/**
 * Adds a gradient into a node's input buffer, in arrival order. A gradient of another float dtype than the
 * node's output (float32 input of a float64 op) is cast to it first, as PyTorch's engine does.
 */
function deliver(n: Node, g0: Tensor): void {
  const g = g0.dtype === n.outDtype ? g0 : coreTo(g0, n.outDtype);
  n.buffer = n.buffer === null ? g : F.add(n.buffer, g);
}

/**
 * Adds `g` into `leaf.grad`, as PyTorch's AccumulateGrad does: the first gradient is stored as a fresh copy
 * (never an alias of a tensor the graph may still use); later ones are added in place, keeping the identity
 * of `leaf.grad`, unless create_graph asked for a differentiable gradient, which is then built out of place.
 */
function accumulateGrad(leaf: Tensor, g: Tensor): void {
  // `== null`: Python may have stored None, which arrives as undefined
  if (leaf.grad == null) {
    leaf.grad = isGradEnabled() && g.requiresGrad ? F.copyBackwards(g) : F.detachedCopy(g);
  } else if (!isGradEnabled()) {
    F.addInPlaceNoGrad(leaf.grad, g);
  } else {
    leaf.grad = F.add(leaf.grad, g);
  }
  followDevice(leaf.grad!, leaf); // a cuda leaf's gradient is on cuda, whichever op made it
}

/** The hook behind `retain_grad()`: the first gradient is cloned, later ones are added out of place. */
function retainGrad(t: Tensor, g: Tensor): void {
  t.grad = t.grad == null ? F.clone(g) : F.add(t.grad, g);
  followDevice(t.grad, t);
}
