/**
 * @file Puts the CPU backend (src/shared/backends/cpu) under the tensor core of one Python worker: large float
 * storages on its heap, large matmuls, elementwise ops, sums and cumsums on its wasm kernels ([Note: accelerated paths] in
 * src/shared/tensor/accel.ts).
 * [Note: kernel interrupts] The pool polls Pyodide's interrupt buffer between chunks and throws
 * KernelInterruptedError with the flag still set (a wait for GPU read-back stops the same way). Python must see
 * KeyboardInterrupt, as after PyTorch's long ops, not a JS error it would translate to SystemError. The worker's
 * `onInterrupt` takes the flag (so Python does not raise a second one at its next check) and throws a PyError of
 * type KeyboardInterrupt, which the facade re-raises with the JS frames hidden. `pyodide.checkInterrupt()` did
 * raise it, but Pyodide also printed a stray "KeyboardInterrupt" line on stderr.
 */
import { KernelInterruptedError, type CpuBackend } from '../../shared/backends/cpu/index';
import { setCpuKernels, type CpuKernels } from '../../shared/tensor/accel';
import { setArrayAllocator } from '../../shared/tensor/storage';

/** Runs `f`, turning a kernel interrupt into Python's KeyboardInterrupt (see the note above). */
function interruptible<A extends unknown[], R>(onInterrupt: () => never, f: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return f(...args);
    } catch (e) {
      if (e instanceof KernelInterruptedError) onInterrupt();
      throw e;
    }
  };
}

/** See [Note: heap budget]. */
export const HEAP_BUDGET_BYTES = 512 * 1024 * 1024;

export function installCpuBackend(cpu: CpuBackend, onInterrupt: () => never): void {
  const kernels: CpuKernels = {
    binary: interruptible(onInterrupt, cpu.binary.bind(cpu)),
    binaryScalar: interruptible(onInterrupt, cpu.binaryScalar.bind(cpu)),
    unary: interruptible(onInterrupt, cpu.unary.bind(cpu)),
    orderedSum: interruptible(onInterrupt, cpu.orderedSum.bind(cpu)),
    orderedRowSums: interruptible(onInterrupt, cpu.orderedRowSums.bind(cpu)), // long rows use the pool
    orderedColumnSums: cpu.orderedColumnSums.bind(cpu), // single-threaded: nothing to interrupt
    cumsum: interruptible(onInterrupt, cpu.cumsum.bind(cpu)),
    matmulF32: interruptible(onInterrupt, cpu.matmulF32.bind(cpu)),
    matmulF64: interruptible(onInterrupt, cpu.matmulF64.bind(cpu)),
    isShared: cpu.isShared.bind(cpu),
  };
  setCpuKernels(kernels);
  setArrayAllocator((dtype, n) => {
    if (dtype !== 'float32' && dtype !== 'float64') return null;
    // [Note: heap budget] Heap slices are freed when the JS garbage collector finalizes their views, but the
    // collector only feels pressure from ordinary ArrayBuffers, not from a WebAssembly.Memory: a loop of
    // `y = x + x` on 10^7 elements grew the heap to 4 GiB before any collection. Past the budget, storages come
    // from plain ArrayBuffers (their ops take the TypeScript loops), whose pressure brings the collection that
    // frees the heap's dead slices.
    if (cpu.rt.heap.inUse + n * (dtype === 'float32' ? 4 : 8) > HEAP_BUDGET_BYTES) return null;
    try {
      // heap memory is reused after free, so it is zeroed here: storages start zero-filled
      return (dtype === 'float32' ? cpu.allocF32(n) : cpu.allocF64(n)).fill(0);
    } catch {
      return null; // the heap cannot grow (4 GiB of wasm memory): a plain buffer still works, staged per kernel
    }
  });
}
