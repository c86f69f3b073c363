/**
 * @file The CPU backend's heap: a first-fit allocator with coalescing over one (shared) WebAssembly.Memory.
 * Tensor storage that the wasm kernels and the worker pool touch lives here, so kernels never copy.
 * [Note: shared memory growth] Growing a shared memory never detaches it: views made before a grow stay valid,
 * and memory.buffer afterwards is a new, longer SharedArrayBuffer over the same bytes. So a view belongs to
 * the heap when its buffer is any buffer this memory has handed out, which `owns` tracks.
 */

const ALIGN = 64; // a cache line; also keeps every v128 access aligned
const PAGE = 65536;

export class Heap {
  /** Free ranges [start, end) sorted by start, never adjacent (coalesced). */
  private free: { start: number; end: number }[] = [];
  private top: number;
  private readonly buffers = new WeakSet<ArrayBufferLike>();
  private readonly sizes = new Map<number, number>();
  private used = 0;

  /** `base` bytes at the bottom are reserved for the pool's scratch (e.g. 8-byte sum results). */
  constructor(readonly memory: WebAssembly.Memory, base = ALIGN) {
    this.top = Math.ceil(base / ALIGN) * ALIGN;
    this.buffers.add(memory.buffer);
  }

  /** Current memory.buffer (re-read after every grow). */
  get buffer(): ArrayBufferLike { const b = this.memory.buffer; this.buffers.add(b); return b; }

  owns(view: ArrayBufferView): boolean { return this.buffers.has(view.buffer); }

  /** Returns a byte address aligned to 64; grows the memory when needed. */
  alloc(bytes: number): number {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    for (let i = 0; i < this.free.length; i++) {
      const r = this.free[i]!;
      if (r.end - r.start >= size) {
        const p = r.start;
        r.start += size;
        if (r.start === r.end) this.free.splice(i, 1);
        this.sizes.set(p, size);
        this.used += size;
        return p;
      }
    }
    const p = this.top;
    const need = p + size;
    const have = this.memory.buffer.byteLength;
    if (need > have) {
      try {
        this.memory.grow(Math.ceil((need - have) / PAGE));
      } catch {
        throw new RangeError(`DiveLab CPU heap: cannot grow to ${need} bytes`);
      }
      this.buffers.add(this.memory.buffer);
    }
    this.top = need;
    this.sizes.set(p, size);
    this.used += size;
    return p;
  }

  release(ptr: number): void {
    const size = this.sizes.get(ptr);
    if (size === undefined) throw new Error(`DiveLab CPU heap: free of unknown address ${ptr}`);
    this.sizes.delete(ptr);
    this.used -= size;
    let lo = 0, hi = this.free.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.free[mid]!.start < ptr) lo = mid + 1; else hi = mid; }
    const r = { start: ptr, end: ptr + size };
    const prev = this.free[lo - 1], next = this.free[lo];
    if (prev && prev.end === r.start) { prev.end = r.end; if (next && next.start === prev.end) { prev.end = next.end; this.free.splice(lo, 1); } }
    else if (next && next.start === r.end) next.start = r.start;
    else this.free.splice(lo, 0, r);
    // give the top range back to the bump pointer so a long run doesn't fragment the tail
    const last = this.free[this.free.length - 1];
    if (last && last.end === this.top) { this.top = last.start; this.free.pop(); }
  }

  /** Bytes handed out and not yet released. */
  get inUse(): number { return this.used; }
}
