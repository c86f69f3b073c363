/**
 * @file The `cuda` device as Python sees it: `_divelab_js.device` (which device a tensor is on, moves between
 * devices, the adapter's name) and the wrapper that makes every tensor op respect devices once cuda is on
 * (browser mode or Electron with a WebGPU adapter that the backend setting allows). Without it (Node: the CLI,
 * pyrun, the goldens) nothing is wrapped and `torch.cuda.is_available()` stays False, so CPU-only behaviour and
 * per-op cost are untouched.
 *
 * [Note: cuda on WebGPU] A tensor is on cuda when its storage is ([Note: cuda residency] in
 * src/shared/tensor/device.ts). Float32 ops with a GPU kernel run on the WebGPU device through RemoteGpu: a GPU
 * executor in another thread owns the device, kernels are fire-and-forget messages, and the Python worker
 * blocks only when the host needs values ([Note: blocking read-back]), as PyTorch blocks in `.item()`. Other
 * ops run on the host copy and this wrapper puts their results on cuda, which gives PyTorch's device semantics
 * whatever has a kernel: `device='cuda:0'` in reprs, copies on `.cuda()` / `.cpu()`, the same-device error
 * when operands mix.
 */
import { cudaNotice } from '../../shared/backends/select';
import { runtimeError } from '../../shared/errors';
import { formatTensor } from '../../shared/tensor/format';
import { adopt, gpuStats, isCuda, moveToCuda, release, setGpu, synchronizeGpu } from '../../shared/tensor/device';
import { Tensor } from '../../shared/tensor/tensor';
import { RemoteGpu } from '../../shared/backends/webgpu/remote';
import type { Port } from '../../shared/backends/webgpu/remote-protocol';

let adapter: string | null = null;

/**
 * PyTorch's message when an op's tensors sit on two devices. Its elementwise ops (TensorIterator) take the
 * first non-CPU device as the common one, so cuda:0 comes first whichever operand is on it.
 */
export const MIXED_DEVICES = 'Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!';

type Api = Record<string, unknown>;

/** `_divelab_js.device`: registered in every environment; `adapter()` is null where there is no cuda. */
export function makeDeviceApi(tensorApi: () => Api) {
  return {
    adapter: (): string | null => adapter,
    isCuda,
    markCuda(t: Tensor): void { moveToCuda(t.storage); },
    /** `torch.cuda.memory_allocated()`: bytes held by live GPU buffers. */
    memoryAllocated: (): number => gpuStats().bytes,
    /** `torch.cuda.synchronize()`: returns when every queued kernel has run. */
    synchronize: (): void => synchronizeGpu(),
    /** GPU kernels queued since the interpreter started (tests check that work really went to the GPU). */
    kernelCount: (): number => gpuStats().kernels,
    /** The line printed the first time a notebook puts a tensor on cuda. */
    notice: (): string => cudaNotice(adapter ?? ''),
    /** A copy of `t` on `kind` (`x.cuda()`, `x.to('cpu')`); the copy stays in the autograd graph, like PyTorch's. */
    copyTo(t: Tensor, kind: string): Tensor {
      // a copying `to`, so the graph shows PyTorch's ToCopyBackward0; its gradient is copied back on the leaf's
      // own device (accumulation copies it on the host, and a CPU leaf's grad stays on the CPU)
      const to = tensorApi()['to'] as (t: Tensor, dtype: string, copy: boolean) => Tensor;
      const r = to(t, t.dtype, true);
      if (kind === 'cuda') moveToCuda(r.storage);
      else release(r.storage);
      return r;
    },
  };
}

/** Marks every tensor in an op's result (a tensor, or a list/record of them) as living on cuda. */
function tag(r: unknown): void {
  if (r instanceof Tensor) adopt(r.storage);
  else if (Array.isArray(r)) for (const x of r) tag(x);
  else if (r !== null && typeof r === 'object' && Object.getPrototypeOf(r) === Object.prototype) for (const x of Object.values(r as object)) if (x instanceof Tensor) adopt(x.storage);
}

/** A Python list/tuple of tensors (torch.cat's), as a PyProxy; judged by its first item, so that the nested
 * number lists of torch.tensor(data) are never walked. */
type PyList = { length: number; get(i: number): unknown };
function isTensorList(a: unknown): a is PyList {
  if (a === null || typeof a !== 'object' || typeof (a as PyList).get !== 'function') return false;
  const l = a as PyList;
  return typeof l.length === 'number' && l.length > 0 && l.get(0) instanceof Tensor;
}

/**
 * The device of an op's tensor operands: 'cuda', 'cpu', or null when it has none. Zero-dim CPU tensors are
 * skipped, as PyTorch lets a CPU scalar tensor join a cuda op.
 */
function deviceOfArgs(args: readonly unknown[]): 'cuda' | 'cpu' | null {
  // every op of a cuda session passes here, CPU-only ones too: a plain loop, no closure, strings and numbers skipped
  let seen: 'cuda' | 'cpu' | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null || typeof a !== 'object') continue;
    seen = a instanceof Tensor ? meet(seen, a) : visitNested(a, seen);
  }
  return seen;
}

/** The device so far joined with tensor `t`'s (null: undecided; 0-dim CPU tensors never decide). */
function meet(seen: 'cuda' | 'cpu' | null, t: Tensor): 'cuda' | 'cpu' | null {
  const d = isCuda(t) ? 'cuda' : t.ndim === 0 ? null : 'cpu';
  if (d === null) return seen;
  if (seen !== null && seen !== d) throw runtimeError(MIXED_DEVICES);
  return d;
}

/** Tensors inside an array or a Python list of tensors (torch.cat's operands). */
function visitNested(a: object, seen: 'cuda' | 'cpu' | null): 'cuda' | 'cpu' | null {
  if (a instanceof Tensor) return meet(seen, a);
  if (Array.isArray(a)) {
    for (const x of a) if (x !== null && typeof x === 'object') seen = visitNested(x, seen);
  } else if (isTensorList(a)) {
    for (let i = 0; i < a.length; i++) {
      const x = a.get(i);
      if (x instanceof Tensor) seen = meet(seen, x);
    }
  }
  return seen;
}

/** The tensor pyapi with device checks and tags around every function, and reprs that name the device. */
export function withDevices(api: Api): Api {
  const out: Api = {};
  for (const [name, f] of Object.entries(api)) {
    if (typeof f !== 'function') {
      out[name] = f;
      continue;
    }
    const fn = f as (...a: unknown[]) => unknown;
    out[name] = (...args: unknown[]): unknown => {
      const cuda = deviceOfArgs(args) === 'cuda';
      const r = fn.apply(api, args);
      if (cuda) tag(r);
      return r;
    };
  }
  const plainRepr = api['repr'] as (t: Tensor, g: unknown, rg: unknown) => string;
  out['repr'] = (t: Tensor, gradFnName: string | null | undefined, requiresGrad: boolean | null | undefined): string => {
    if (!isCuda(t)) return plainRepr(t, gradFnName, requiresGrad);
    const fromGraph = t.gradFn ? (t.gradFn as { typeName?: string }).typeName ?? null : null;
    return formatTensor(t, { gradFnName: gradFnName ?? fromGraph, requiresGrad: requiresGrad ?? undefined, device: 'cuda:0' });
  };
  return out;
}

/**
 * Turns cuda on for this interpreter (call before `_divelab_js` is registered). With a `link`, float32 cuda tensors
 * live on the GPU executor at its other end ([Note: cuda on WebGPU]); SIGINT in `interrupt` (Pyodide's interrupt
 * buffer) ends a read-back that never comes, through `onInterrupt` (Pyodide's checkInterrupt: KeyboardInterrupt). Without a port (tests) cuda tensors are host tensors with a device tag.
 */
export function enableCuda(name: string, modules: Api, link?: { port: Port; interrupt: Int32Array; interruptSignal: number; onInterrupt: () => void }): void {
  adapter = name;
  modules['tensor'] = withDevices(modules['tensor'] as Api);
  if (link) setGpu(new RemoteGpu(link.port, { interrupt: link.interrupt, interruptSignal: link.interruptSignal, onInterrupt: link.onInterrupt }));
}

/** For tests: back to a CPU-only interpreter. */
export function disableCudaForTests(modules: Api, plainTensorApi: Api): void {
  adapter = null;
  setGpu(null);
  modules['tensor'] = plainTensorApi;
}
