/**
 * @file Grids from the engine as packed float64: `{f64: base64 of the little-endian bytes, shape}`. A 200×200 grid
 * as a JSON list costs ~70 ms in Python's tolist() and as much again in JSON; packed it costs ~1 ms, and NaN and
 * ±inf survive (JSON has neither). Packed by `_divelab_plots._packed` in Python.
 */
export interface PackedF64 {
  f64: string;
  shape: number[];
}

export function unpackF64(p: PackedF64): Float64Array {
  const bin = atob(p.f64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const expected = p.shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected * 8) throw new Error(`packed grid holds ${bytes.length} bytes, shape ${JSON.stringify(p.shape)} needs ${expected * 8}`);
  return new Float64Array(bytes.buffer);
}

/** A packed 2-D grid as rows. */
export function unpackRows(p: PackedF64): number[][] {
  const flat = unpackF64(p);
  const [rows, cols] = p.shape as [number, number];
  return Array.from({ length: rows }, (_, i) => Array.from(flat.subarray(i * cols, (i + 1) * cols)));
}
