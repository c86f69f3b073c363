/**
 * @file Graph nodes (what Python sees as `grad_fn`): a backward function with edges to the nodes of its inputs,
 * the tensors it saved for backward, and the leaf accumulators (`AccumulateGrad`).
 *
 * [Note: graph shape] As in PyTorch, a node stands for one forward op with one differentiable output; its
 * `next` edges point, one per tensor input in argument order, at the input's `grad_fn`, or at the input's
 * AccumulateGrad when the input is a leaf that requires grad, or at nothing (null) when the input needs no
 * gradient. `next_functions` in Python is exactly this list as `(node, 0)` pairs. A node's backward maps the
 * gradient of its output to one gradient per edge (null where none flows).
 */
import { runtimeError } from '../errors';
import type { DType } from '../tensor/dtype';
import type { Tensor } from '../tensor/tensor';

export interface Edge {
  readonly node: Node | null;
  /** Which input of `node` this edge feeds; always 0 here since every node has one output. */
  readonly inputNr: number;
}

export const NO_EDGE: Edge = { node: null, inputNr: 0 };

let sequence = 0;

export abstract class Node {
  /** Creation order; the engine runs later nodes first, as PyTorch's ready queue does. */
  readonly sequenceNr = sequence++;
  /** Tensors whose `.grad` must be filled when this node receives its gradient (retain_grad()). */
  retainers: Tensor[] | null = null;
  /**
   * The forward output, kept for the graph view only when small (see record.ts): the graph must not hold big
   * activations alive, and a WeakRef per op costs more garbage-collector time than the op itself on tiny tensors.
   */
  output: Tensor | null = null;
  /** From the latest backward through this node, for the graph view: the gradient of its output... */
  lastGrad: Tensor | null = null;
  /** ...and the gradient it sent along each edge. */
  lastSent: readonly (Tensor | null)[] | null = null;
  /** Engine bookkeeping for the run tagged `runTag`: edges still to deliver, and the gradient summed so far. */
  runTag = 0;
  pending = 0;
  buffer: Tensor | null = null;
  /** Shape and dtype of the output, for graph export and the root-gradient checks. */
  constructor(
    readonly next: readonly Edge[],
    readonly outShape: readonly number[],
    readonly outDtype: DType,
  ) {}
  /** What `grad_fn.name()` returns. */
  abstract get name(): string;
  /** The class name Python shows in `<MulBackward0 object at ...>` and `grad_fn=<...>`. */
  get typeName(): string {
    return this.name;
  }
  abstract apply(grad: Tensor): readonly (Tensor | null)[];
  /** Frees saved tensors (after a backward without retain_graph). */
  release(): void {}
}

/** The message PyTorch gives when a node's saved tensors were freed by an earlier backward. */
export const FREED_MESSAGE =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already ' +
  'been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access ' +
  'saved tensors after calling backward.';

const LEGACY_TYPE: Record<DType, string> = {
  float32: 'torch.FloatTensor',
  float64: 'torch.DoubleTensor',
  int64: 'torch.LongTensor',
  int32: 'torch.IntTensor',
  uint8: 'torch.ByteTensor',
  bool: 'torch.BoolTensor',
};

/**
 * A tensor saved for backward, with the storage version it had when saved. Unpacking checks that nothing wrote
 * to it in place since (PyTorch's version-counter check) and that the graph was not freed.
 */
export class SavedTensor {
  private tensor: Tensor | null;
  private readonly version: number;
  /** Name of the node that produced the tensor, for the error text; null for leaves. */
  private readonly producer: string | null;
  constructor(t: Tensor) {
    this.tensor = t;
    this.version = t._version;
    this.producer = t.gradFn ? (t.gradFn as Node).name : null;
  }
  get(): Tensor {
    const t = this.tensor;
    if (t === null) throw runtimeError(FREED_MESSAGE);
    if (t._version !== this.version) {
      const what = `[${LEGACY_TYPE[t.dtype]} [${t.shape.join(', ')}]]`;
      const of = this.producer === null ? '' : `, which is output 0 of ${this.producer},`;
      throw runtimeError(
        `one of the variables needed for gradient computation has been modified by an inplace operation: ${what}${of} ` +
          `is at version ${t._version}; expected version ${this.version} instead. Hint: enable anomaly detection to ` +
          'find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).',
      );
    }
    return t;
  }
  release(): void {
    this.tensor = null;
  }
}

/** The backward of one op: maps the output gradient to one gradient per input edge. */
export type BackwardFn = (grad: Tensor) => readonly (Tensor | null)[];

/** A node for an ordinary op: its PyTorch name, its edges, its saved tensors and a backward closure. */
export class FunctionNode extends Node {
  private readonly saved: SavedTensor[] = [];
  backwardFn: BackwardFn | null = null;
  constructor(
    private readonly opName: string,
    next: readonly Edge[],
    outShape: readonly number[],
    outDtype: DType,
    private readonly type = opName,
  ) {
    super(next, outShape, outDtype);
  }
  override get name(): string {
    return this.opName;
  }
  override get typeName(): string {
    return this.type;
  }
  /** Saves a tensor for backward; the backward closure reads it back with `.get()`. */
  save(t: Tensor): SavedTensor {
    const s = new SavedTensor(t);
    this.saved.push(s);
    return s;
  }
  override apply(grad: Tensor): readonly (Tensor | null)[] {
    if (this.backwardFn === null) throw new Error(`${this.opName} has no backward`);
    // Every rule reads what it saved (numbers included, which are saved only for this check), so a node that
    // saved anything cannot run again once freed, as in PyTorch.
    if (this.released && this.saved.length > 0) throw runtimeError(FREED_MESSAGE);
    return this.backwardFn(grad);
  }
  private released = false;
  override release(): void {
    this.released = true;
    for (const s of this.saved) s.release();
    for (const n of this.owned) n.release();
  }
  /** Nodes this one runs itself (CopySlices runs the node of the op it wraps): freed together. */
  private readonly owned: Node[] = [];
  releaseAlso(n: Node): void {
    this.owned.push(n);
  }
}

/**
 * The sink of a leaf that requires grad: adds the incoming gradient into `leaf.grad`. One per leaf, created
 * when the first op uses the leaf, so every path to the leaf ends in the same node.
 */
export class AccumulateGrad extends Node {
  constructor(readonly variable: Tensor) {
    super([], variable.shape, variable.dtype);
  }
  override get name(): string {
    return 'torch::autograd::AccumulateGrad';
  }
  override get typeName(): string {
    return 'AccumulateGrad';
  }
  /** The engine does the accumulation itself (engine.ts: accumulateGrad), which needs the differentiable ops. */
  override apply(): readonly (Tensor | null)[] {
    return [];
  }
}
