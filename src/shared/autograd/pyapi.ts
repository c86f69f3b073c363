/**
 * @file The tensor core as Python sees it once autograd is on: the core's pyapi with its ops replaced by the
 * differentiable ones, plus the autograd entry points. Registered as `_divelab_js.tensor` in
 * src/engine/core-layers.ts in place of the plain core pyapi, so the torch facade needs no change to get
 * gradients.
 *
 * Added here (Python reaches them as `C.<name>`):
 * - backward(outputs, grads, retainGraph, createGraph); grad(outputs, inputs, gradOutputs, retainGraph,
 *   createGraph, allowUnused) → list of handles or null. Lists may be Python lists or JS arrays; grads entries
 *   may be None.
 * - isGradEnabled(), setGradEnabled(on) → previous mode.
 * - setRequiresGrad(t, flag, how): how is 'method' (requires_grad_()), 'attr' (t.requires_grad = …) or
 *   'create' (factory keyword); each has PyTorch's own message for integer tensors.
 * - retainGrad(t), gradOf(t) → [grad or null, warn] (warn: the non-leaf .grad warning must be shown),
 *   setGrad(t, g or null), detach_(t), isLeaf(t).
 * - gradFn(t) → node or null; nodeName(n) (what grad_fn.name() returns), nodeType(n) (the class name Python
 *   shows), nodeNext(n) → [[node or null, 0], ...], nodeVariable(n) (AccumulateGrad's leaf, else null).
 * - graph(t, names) → JSON text of the graph (graph-export.ts); names: [[handle, 'x'], ...] for labels.
 */
import { runtimeError } from '../errors';
import { formatTensor } from '../tensor/format';
import { installOps } from '../tensor/ops';
import { pyapi as corePyapi } from '../tensor/pyapi';
import { copyInto, fillInto } from '../tensor/copy';
import { bumpVersion, type Tensor } from '../tensor/tensor';
import { shapeEq } from '../tensor/shape';
import { broadcastShapes } from '../tensor/shape';
import * as E from './engine';
import { exportGraph } from './graph-export';
import { isGradEnabled, setGradEnabled } from './grad-mode';
import { overwrite } from './indexing';
import { inplace } from './inplace';
import { AccumulateGrad, type Node } from './node';
import { autogradOps } from './ops-table';
import { record } from './record';
import { viewBase } from './views';
import * as F from './functions';

installOps(autogradOps);

type Maybe<T> = T | null | undefined;
type ListLike = readonly unknown[] | { toJs(o?: unknown): unknown };

function list<T>(x: Maybe<ListLike>): T[] {
  if (x === null || x === undefined) return [];
  if (Array.isArray(x)) return x as T[];
  return (x as { toJs(o?: unknown): unknown }).toJs({ depth: 1 }) as T[];
}
const nullable = <T>(x: Maybe<T>): T | null => (x === undefined ? null : x);

const FLOAT_ONLY = {
  method: 'only Tensors of floating point dtype can require gradients',
  attr: 'only Tensors of floating point and complex dtype can require gradients',
  create: 'Only Tensors of floating point and complex dtype can require gradients',
} as const;

const NON_LEAF_FLAG =
  "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().";

export const pyapi = {
  ...corePyapi,

  repr: (t: Tensor, gradFnName: Maybe<string>, requiresGrad: Maybe<boolean>): string =>
    formatTensor(t, { gradFnName: gradFnName ?? (t.gradFn ? (t.gradFn as Node).typeName : null), requiresGrad: requiresGrad ?? undefined }),

  setRequiresGrad(t: Tensor, flag: boolean, how: Maybe<string>): Tensor {
    if (flag && t.dtype !== 'float32' && t.dtype !== 'float64') throw runtimeError(FLOAT_ONLY[(how ?? 'method') as keyof typeof FLOAT_ONLY]);
    if (t.gradFn !== null) {
      if (!flag) throw runtimeError(NON_LEAF_FLAG);
      return t;
    }
    t.requiresGrad = !!flag;
    return t;
  },
  isLeaf: (t: Tensor): boolean => t.gradFn === null,
  retainGrad(t: Tensor): void {
    if (!t.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (t.gradFn === null || t.retainsGrad) return;
    t.retainsGrad = true;
    const n = t.gradFn as Node;
    (n.retainers ??= []).push(t);
  },
  /** [grad, warn]: warn when a non-leaf that does not retain its grad is asked for it (PyTorch's UserWarning). */
  gradOf: (t: Tensor): [Tensor | null, boolean] => [t.grad ?? null, t.gradFn != null && !t.retainsGrad && t.grad == null],
  setGrad(t: Tensor, g: Maybe<Tensor>): void {
    if (g !== null && g !== undefined) {
      if (g.dtype !== t.dtype) throw runtimeError('assigned grad has data of a different type');
      if (!shapeEq(g.shape, t.shape)) throw runtimeError('assigned grad has data of a different size');
    }
    t.grad = g ?? null;
  },
  detach_(t: Tensor): Tensor {
    if (viewBase(t) !== null && t.gradFn !== null) {
      throw runtimeError(
        "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.",
      );
    }
    t.gradFn = null;
    t.requiresGrad = false;
    t.isLeaf = true;
    return t;
  },

  // in-place writes that the core pyapi does itself (not through ops): give them their history
  copy_: (dst: Tensor, src: Tensor): Tensor => {
    broadcastShapes(dst.shape, src.shape);
    F.expand(src, dst.shape);
    return inplace(dst, [src], () => { copyInto(dst, src); bumpVersion(dst); }, (s) => overwrite(s, src));
  },
  fill_: (t: Tensor, value: number | boolean, kind: string): Tensor =>
    inplace(t, [], () => { fillInto(t, typeof value === 'boolean' ? +value : value); bumpVersion(t); }, (s) => {
      const out = corePyapi.fullLike(s, value, null);
      void kind;
      return record('FillBackward2', out, [s], () => (g) => [corePyapi.zerosLike(g, null)]);
    }),
  zero_: (t: Tensor): Tensor =>
    inplace(t, [], () => { fillInto(t, 0); bumpVersion(t); }, (s) =>
      record('ZeroBackward0', corePyapi.zerosLike(s, null), [s], () => (g) => [corePyapi.zerosLike(g, null)])),

  // ---- autograd ---------------------------------------------------------------------------------------------
  isGradEnabled: (): boolean => isGradEnabled(),
  setGradEnabled: (on: boolean): boolean => setGradEnabled(!!on),
  /** `y.backward(gradient)` for one tensor: the common case, without list conversions. */
  backward1(output: Tensor, grad: Maybe<Tensor>, retainGraph: boolean): void {
    E.backward([output], [grad ?? null], { retainGraph: !!retainGraph, createGraph: false });
  },
  backward(outputs: ListLike, grads: Maybe<ListLike>, retainGraph: boolean, createGraph: boolean): void {
    E.backward(list<Tensor>(outputs), list<Maybe<Tensor>>(grads).map(nullable), { retainGraph: !!retainGraph, createGraph: !!createGraph });
  },
  grad(outputs: ListLike, inputs: ListLike, gradOutputs: Maybe<ListLike>, retainGraph: boolean, createGraph: boolean, allowUnused: boolean): (Tensor | null)[] {
    return E.grad(list<Tensor>(outputs), list<Tensor>(inputs), list<Maybe<Tensor>>(gradOutputs).map(nullable), {
      retainGraph: !!retainGraph, createGraph: !!createGraph, allowUnused: !!allowUnused,
    });
  },
  gradFn: (t: Tensor): Node | null => (t.gradFn as Node | null) ?? null,
  /** A number that identifies the node for as long as it lives (equality of grad_fn objects). */
  nodeId: (n: Node): number => n.sequenceNr,
  nodeName: (n: Node): string => n.name,
  nodeType: (n: Node): string => n.typeName,
  nodeNext: (n: Node): [Node | null, number][] => n.next.map((e) => [e.node, e.inputNr]),
  nodeVariable: (n: Node): Tensor | null => (n instanceof AccumulateGrad ? n.variable : null),
  graph(t: Tensor, names: Maybe<ListLike>): string {
    const byTensor = new Map<Tensor, string>();
    for (const pair of list<ListLike>(names)) {
      const [h, name] = list<unknown>(pair);
      if (!byTensor.has(h as Tensor)) byTensor.set(h as Tensor, String(name));
    }
    return JSON.stringify(exportGraph(t, { nameOf: (x) => byTensor.get(x) ?? null }));
  },
};

export type AutogradPyApi = typeof pyapi;
