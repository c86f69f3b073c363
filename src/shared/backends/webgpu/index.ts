/// <reference types="@webgpu/types" />
/**
 * @file The WebGPU backend: float32 storage buffers and the WGSL programs of wgsl.ts behind the `Backend`
 * interface. Kernels are enqueued (nothing waits); `read` copies to a staging buffer and maps it, which is where
 * a caller blocks, as PyTorch's `.item()` waits for CUDA. WebGPU has no float64: asking for it throws, and the
 * tensor core keeps float64 tensors on the CPU.
 * Usage: `const gpu = await createWebGpuBackend()` (or pass a GPUDevice); `gpu.variant` says which matmul runs.
 */
import { sizeOf, isContiguous, type Backend, type Dtype, type FloatArray, type KernelTable, type View } from '../backend';
import { isVec4Variant, vec4Eligible } from './matmul-vec4';
import { alongAxis, elementwise, matmul, matmulGrid, MAX_RANK, sumRanges, WG, type MatmulVariant, type Program } from './wgsl';

export interface GpuBuffer { readonly dtype: 'float32'; readonly length: number; readonly buffer: GPUBuffer }

export interface WebGpuBackend extends Backend<GpuBuffer> {
  readonly device: GPUDevice;
  readonly adapterName: string;
  /** The matmul program chosen for this adapter (see [Note: matmul variants]); tests may override it. */
  variant: MatmulVariant;
  /** Resolves when every queued kernel has run. */
  sync(): Promise<void>;
}

/** Kernels at least this big are submitted at once ([Note: WebGPU batched submits]): ~0.1 ms of GPU work or more. */
const HEAVY_ELEMENTS = 2 ** 24;
const HEAVY_MATMUL = 2 ** 29;

/** The software adapter runs barrier-heavy kernels badly: pick the barrier-free matmul there. */
export function chooseVariant(info: { architecture?: string; vendor?: string }, isFallback: boolean): MatmulVariant {
  return isFallback || /swiftshader/i.test(`${info.architecture ?? ''} ${info.vendor ?? ''}`) ? 'regs' : 'v4k16';
}

export async function createWebGpuBackend(opts: { device?: GPUDevice; adapter?: GPUAdapter } = {}): Promise<WebGpuBackend> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  const adapter = opts.adapter ?? (opts.device ? undefined : await gpu?.requestAdapter({ powerPreference: 'high-performance' }));
  if (!opts.device && !adapter) throw new Error('WebGPU is not available on this machine');
  const device = opts.device ?? (await adapter!.requestDevice({
    requiredLimits: { maxStorageBufferBindingSize: adapter!.limits.maxStorageBufferBindingSize, maxBufferSize: adapter!.limits.maxBufferSize },
  }));
  const info = (adapter as { info?: { vendor?: string; architecture?: string } } | undefined)?.info ?? {};
  const isFallback = (adapter as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? false;
  return new Gpu(device, `${info.vendor ?? '?'} ${info.architecture ?? ''}`.trim(), chooseVariant(info, isFallback));
}

class Gpu implements WebGpuBackend {
  readonly name = 'webgpu';
  readonly kernels: KernelTable<GpuBuffer>;
  /** Pipelines by program key: generating a program's WGSL (the vec4 matmul is ~10 KB) on every call cost time. */
  private readonly pipelines = new Map<string, { pl: GPUComputePipeline; layout: GPUBindGroupLayout; bindings: Program['bindings'] }>();
  /**
   * [Note: WebGPU batched submits] Kernels record into one pending encoder, submitted at the end of the current
   * JS turn (a microtask) or before anything that must see their effects or order after them (write, read,
   * free, sync). Measured on an H200 through Dawn/Vulkan: a submit per kernel costs ~0.25 ms, so a 1e7-element
   * add took 0.44 ms per op submitted alone and 0.23 ms batched; but a whole batch recorded before its submit
   * leaves the GPU idle meanwhile (~0.2 ms of recording per kernel), which made a 2048 matmul 0.51 -> 0.96 ms.
   * So a heavy kernel (or the 16th pending one) is submitted at once, and only light kernels wait to share.
   * Buffers that only live for a kernel (params, scratch) are destroyed once their submit is done.
   */
  private pending: GPUCommandEncoder | null = null;
  private pendingKernels = 0;
  private doomed: GPUBuffer[] = [];

  /**
   * A validation error (a shader that does not compile, a destroyed buffer) does not throw where the work was
   * queued: WebGPU reports it on the device, later. It is kept here and fails the next read, so it cannot pass
   * as a result of zeros.
   */
  private lateError: string | null = null;

  constructor(readonly device: GPUDevice, readonly adapterName: string, public variant: MatmulVariant) {
    this.kernels = this.makeKernels();
    device.addEventListener('uncapturederror', (e) => { this.lateError ??= (e as GPUUncapturedErrorEvent).error.message; });
    void device.lost.then((info) => { this.lateError ??= `the GPU device was lost (${info.reason}: ${info.message})`; });
  }

  alloc(dtype: Dtype, length: number): GpuBuffer {
    if (dtype !== 'float32') throw new Error('WebGPU has no float64: keep float64 tensors on the CPU');
    // bindings need a non-zero size; 16 keeps vec4 views legal too
    const size = Math.max(16, Math.ceil((length * 4) / 16) * 16);
    const buffer = this.device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    return { dtype, length, buffer };
  }
  free(buf: GpuBuffer): void { this.flush(); buf.buffer.destroy(); }
  write(buf: GpuBuffer, data: FloatArray, offset = 0): void {
    // queue writes run before command buffers submitted later: submit the recorded kernels first
    this.flush();
    const f = data instanceof Float32Array ? data : Float32Array.from(data);
    this.device.queue.writeBuffer(buf.buffer, offset * 4, f.buffer, f.byteOffset, f.byteLength);
  }
  async read(buf: GpuBuffer): Promise<Float32Array> {
    const bytes = Math.max(4, buf.length * 4);
    const size = Math.ceil(bytes / 4) * 4;
    const staging = this.device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    this.encoder().copyBufferToBuffer(buf.buffer, 0, staging, 0, size);
    this.flush();
    try {
      await staging.mapAsync(GPUMapMode.READ);
    } finally {
      // errors of the work before this read have been reported by the time its mapping settles
      const late = this.lateError;
      this.lateError = null;
      if (late !== null) { staging.destroy(); throw new Error(`a GPU kernel failed: ${late}`); } // eslint-disable-line no-unsafe-finally
    }
    const out = new Float32Array(staging.getMappedRange().slice(0, buf.length * 4));
    staging.unmap();
    staging.destroy();
    return out;
  }
  sync(): Promise<void> { this.flush(); return this.device.queue.onSubmittedWorkDone(); }
  dispose(): void { this.flush(); this.device.destroy(); }

  private encoder(): GPUCommandEncoder {
    if (!this.pending) {
      this.pending = this.device.createCommandEncoder();
      queueMicrotask(() => this.flush());
    }
    return this.pending;
  }
  private flush(): void {
    if (!this.pending) return;
    this.device.queue.submit([this.pending.finish()]);
    this.pending = null;
    this.pendingKernels = 0;
    const doomed = this.doomed;
    this.doomed = [];
    if (doomed.length) void this.device.queue.onSubmittedWorkDone().then(() => { for (const b of doomed) b.destroy(); });
  }

  /** Ends a kernel's recording: submits now if it was heavy or enough are pending (see the note above). */
  private settle(heavy: boolean): void {
    if (heavy || ++this.pendingKernels >= 16) this.flush();
  }

  private pipeline(key: string, make: () => Program) {
    let e = this.pipelines.get(key);
    if (!e) {
      const p = make();
      const pl = this.device.createComputePipeline({ layout: 'auto', compute: { module: this.device.createShaderModule({ code: p.code }), entryPoint: 'main' } });
      e = { pl, layout: pl.getBindGroupLayout(0), bindings: p.bindings };
      this.pipelines.set(key, e);
    }
    return e;
  }

  /** Enqueues one dispatch of the program `make` builds (cached under `key`). `buffers` maps A/B/O to GPU buffers; P is uploaded here. */
  private dispatch(key: string, make: () => Program, buffers: { A?: GPUBuffer; B?: GPUBuffer; O: GPUBuffer }, params: number[], grid: [number, number]): void {
    const P = this.device.createBuffer({ size: Math.max(16, params.length * 4), usage: GPUBufferUsage.STORAGE, mappedAtCreation: true });
    new Uint32Array(P.getMappedRange(), 0, params.length).set(params);
    P.unmap();
    const { pl, layout, bindings } = this.pipeline(key, make);
    const all = { ...buffers, P };
    const group = this.device.createBindGroup({
      layout,
      entries: bindings.map((b, i) => ({ binding: i, resource: { buffer: all[b]! } })),
    });
    const pass = this.encoder().beginComputePass();
    pass.setPipeline(pl);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(grid[0], grid[1]);
    pass.end();
    this.doomed.push(P);
  }

  /** 1-D work of n threads as a 2-D grid of WG-thread workgroups (65535 per dimension). */
  private grid(n: number): [number, number] {
    const groups = Math.max(1, Math.ceil(n / WG));
    return groups <= 65535 ? [groups, 1] : [65535, Math.ceil(groups / 65535)];
  }

  /**
   * Runs `body(out)` into `out`, or into a scratch buffer copied back afterwards when `out` is also an input:
   * WebGPU forbids binding one buffer as both read-only and writable storage in a dispatch.
   */
  private intoOut(out: GpuBuffer, inputs: GpuBuffer[], body: (o: GPUBuffer) => void): void {
    if (!inputs.some((b) => b.buffer === out.buffer)) { body(out.buffer); return; }
    const tmp = this.alloc('float32', out.length);
    this.encoder().copyBufferToBuffer(out.buffer, 0, tmp.buffer, 0, out.buffer.size);
    body(tmp.buffer);
    this.encoder().copyBufferToBuffer(tmp.buffer, 0, out.buffer, 0, out.buffer.size);
    this.doomed.push(tmp.buffer);
  }

  private makeKernels(): KernelTable<GpuBuffer> {
    const checkRank = (shape: readonly number[]) => { if (shape.length > MAX_RANK) throw new Error(`WebGPU kernels take at most ${MAX_RANK} dimensions`); };
    const ew = (form: Parameters<typeof elementwise>[0], a: View<GpuBuffer>, b: View<GpuBuffer> | undefined, out: View<GpuBuffer>, shape: readonly number[], scalar = 0) => {
      checkRank(shape);
      const n = sizeOf(shape);
      if (n === 0) return;
      const views = b ? [a, b, out] : [a, out];
      const contiguous = views.every((v) => isContiguous(shape, v.strides));
      // dense runs aligned to 4 elements go one vec4 per thread: a quarter of the threads and wider accesses
      const vec4 = contiguous && n % 4 === 0 && views.every((v) => v.offset % 4 === 0);
      const layout = vec4 ? 'vec4' : contiguous ? 'contiguous' : 'strided';
      const q = vec4 ? 4 : 1;
      const sb = new Uint32Array(new Float32Array([scalar]).buffer)[0]!;
      const bs = b ?? a;
      const params = [n / q, shape.length, a.offset / q, bs.offset / q, out.offset / q, sb, ...shape, ...a.strides, ...bs.strides, ...out.strides];
      this.intoOut(out.buf, b ? [a.buf, b.buf] : [a.buf], (o) =>
        this.dispatch(`ew:${JSON.stringify(form)}:${layout}`, () => elementwise(form, layout), { A: a.buf.buffer, B: bs.buf.buffer, O: o }, params, this.grid(n / q)));
      this.settle(n >= HEAVY_ELEMENTS);
    };
    return {
      binary: ({ op, a, b, out, shape }) => ew({ kind: 'binary', op }, a, b, out, shape),
      binaryScalar: ({ op, a, scalar, scalarFirst, out, shape }) => ew({ kind: 'scalar', op, scalarFirst }, a, undefined, out, shape, scalar),
      // a unary program's second argument is -inf (see UN_EXPR in wgsl.ts)
      unary: ({ op, a, out, shape }) => ew({ kind: 'unary', op }, a, undefined, out, shape, -Infinity),
      sum: ({ a, out, shape, dim }) => {
        checkRank(shape);
        if (dim === null) {
          const n = sizeOf(shape);
          // pass 1: ~sqrt(n) threads each add a run of elements; pass 2: one thread adds the partials
          const L = Math.max(1, Math.ceil(Math.sqrt(n)));
          const parts = Math.max(1, Math.ceil(n / L));
          const tmp = this.alloc('float32', parts);
          this.dispatch('sum', sumRanges, { A: a.buf.buffer, O: tmp.buffer }, [n, shape.length, a.offset, L, 0, 0, ...shape, ...a.strides], this.grid(parts));
          this.dispatch('sum', sumRanges, { A: tmp.buffer, O: out.buf.buffer }, [parts, 1, 0, parts, out.offset, 0, parts, 1], [1, 1]);
          this.doomed.push(tmp.buffer);
          this.settle(n >= HEAVY_ELEMENTS);
          return;
        }
        this.axis(false, a, out, shape, dim, out.strides);
      },
      cumsum: ({ a, out, shape, dim }) => {
        checkRank(shape);
        this.axis(true, a, out, shape, dim, out.strides.filter((_, d) => d !== dim), out.strides[dim]!);
      },
      matmul: ({ a, b, out, m, n, k }) => {
        if (m === 0 || n === 0) return;
        const params = [m, n, k, a.offset, b.offset, out.offset, a.strides[0]!, a.strides[1]!, b.strides[0]!, b.strides[1]!, out.strides[0]!, out.strides[1]!];
        // the vec4 kernels bind operands as vec4 arrays: anything not vec4-aligned row-major takes the generic tiled one
        const v = isVec4Variant(this.variant) && !vec4Eligible(a, b, out, n, k) ? 'tiled' : this.variant;
        this.intoOut(out.buf, [a.buf, b.buf], (o) =>
          this.dispatch(`mm:${v}`, () => matmul(v), { A: a.buf.buffer, B: b.buf.buffer, O: o }, params, matmulGrid(v, m, n)));
        this.settle(m * n * k >= HEAVY_MATMUL);
      },
    };
  }

  /** Reduction (scan=false: out has the outer shape) or scan along `dim`, one thread per line. */
  private axis(scan: boolean, a: View<GpuBuffer>, out: View<GpuBuffer>, shape: readonly number[], dim: number, outOuterStrides: readonly number[], outDimStride = 0): void {
    const outer = shape.filter((_, d) => d !== dim);
    const lines = sizeOf(outer);
    if (lines === 0) return;
    const params = [lines, outer.length, a.offset, out.offset, shape[dim]!, a.strides[dim]!, outDimStride, 0,
      ...outer, ...a.strides.filter((_, d) => d !== dim), ...outOuterStrides];
    this.intoOut(out.buf, [a.buf], (o) => this.dispatch(`axis:${scan}`, () => alongAxis(scan), { A: a.buf.buffer, O: o }, params, this.grid(lines)));
    this.settle(sizeOf(shape) >= HEAVY_ELEMENTS);
  }
}
