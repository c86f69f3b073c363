/**
 * @file The worker's side of opening a large CSV, kept free of DOM APIs so a Node bench can run it: a Blob read in
 * ranged slices (never the whole file at once), a quick preview from the file's first megabyte, and the full read
 * into columnar storage with progress and cooperative cancel.
 */
import { type ByteSource, readCsv, readCsvAsync } from '../../../shared/frame/csv-read';
import type { DataFrame } from '../../../shared/frame/frame';

/** Chunks of 1 MiB: few enough awaits for a 1 GB file, small enough that each chunk's rows die young. */
export const LOAD_CHUNK = 1 << 20;
const PREVIEW_BYTES = 1 << 20;
export const PREVIEW_ROWS = 200;

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

/**
 * The first rows, parsed from the first megabyte cut at its last line break, so the table can show while the
 * rest loads. Null when that prefix does not parse on its own (a quoted field spanning the cut, a ragged row):
 * the full read then reports what is wrong.
 */
export async function previewFrame(src: ByteSource, encoding?: string): Promise<DataFrame | null> {
  let bytes = await src.read(0, Math.min(src.size, PREVIEW_BYTES));
  if (src.size > bytes.length) {
    // 0x0A is never part of a multi-byte character in UTF-8, GBK or GB18030, so cutting after it is safe.
    const cut = bytes.lastIndexOf(0x0a);
    if (cut < 0) return null;
    bytes = bytes.subarray(0, cut + 1);
  }
  try {
    return readCsv(bytes, { nrows: PREVIEW_ROWS, encoding });
  } catch {
    return null;
  }
}

export interface LoadOptions {
  encoding?: string;
  chunkBytes?: number;
  /** After each chunk, with the share of bytes read. */
  onProgress?: (fraction: number) => void;
  /** Polled after each chunk; true stops the read with Cancelled (and its partial columns become garbage). */
  cancelled?: () => boolean;
}

export function loadFrame(src: ByteSource, o: LoadOptions = {}): Promise<DataFrame> {
  return readCsvAsync(src, {
    encoding: o.encoding,
    chunkBytes: o.chunkBytes ?? LOAD_CHUNK,
    onProgress: (f) => {
      if (o.cancelled?.()) return false;
      o.onProgress?.(f);
      return true;
    },
  });
}
