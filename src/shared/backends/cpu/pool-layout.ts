/**
 * @file Layout of the pool's control block, a SharedArrayBuffer shared by the caller and every worker.
 * Kept in one place because the worker script (worker-source.ts) is plain JS and repeats these numbers:
 * `workerSource()` interpolates them, so the two can't drift apart.
 */
export const CTRL = {
  LOCK: 0, SEQ: 1, NEXT: 2, DONE: 3, NCHUNKS: 4, FN: 5, NARGS: 6, COUNT_ARG: 7, QUIT: 8, DIE_AT: 9,
  /** Int32 index where the per-chunk states start: 0 free, 1 running, 2 done, 3 failed. */
  STATE: 16,
} as const;
export const MAX_CHUNKS = 4096;
export const MAX_ARGS = 16;
/** Byte offset of the Float64 part: args[MAX_ARGS], steps[MAX_ARGS], total, chunkLen. */
export const F64_OFFSET = (CTRL.STATE + MAX_CHUNKS) * 4;
export const F64 = { ARGS: 0, STEPS: MAX_ARGS, TOTAL: 2 * MAX_ARGS, CHUNK_LEN: 2 * MAX_ARGS + 1 } as const;
export const CTRL_BYTES = F64_OFFSET + (2 * MAX_ARGS + 2) * 8;
/** NEXT is parked here between jobs so a late worker's claim lands past any real chunk index. */
export const CLOSED = 1 << 30;
export const enum ChunkState { Free = 0, Running = 1, Done = 2, Failed = 3 }
