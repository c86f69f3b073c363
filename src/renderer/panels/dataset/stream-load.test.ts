/** @file The worker's load path over a Blob: the preview cut at a line break, the full read, and cancel. */
import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../../shared/frame/csv-read';
import { blobSource, loadFrame, previewFrame } from './stream-load';

const big = (rows: number): Blob => {
  const parts = ['id,name\n'];
  for (let i = 0; i < rows; i++) parts.push(`${i},"row ${i}, quoted"\n`);
  return new Blob(parts);
};

describe('stream-load', () => {
  it('previews the first 200 rows from a prefix cut at a line break', async () => {
    const blob = big(100_000); // ~2.5 MB: larger than the preview's 1 MiB
    const df = await previewFrame(blobSource(blob));
    expect(df!.nrows).toBe(200);
    expect(df!.cols[1].data[199]).toBe('row 199, quoted');
  });

  it('has no preview when the prefix has no line break, and the full read still works', async () => {
    const blob = new Blob(['a\n', 'x'.repeat(1.5 * (1 << 20)), '\n']);
    expect(await previewFrame(blobSource(new Blob(['x'.repeat(1.5 * (1 << 20))])))).toBeNull();
    expect((await loadFrame(blobSource(blob))).nrows).toBe(1);
  });

  it('loads the whole file in slices with rising progress, and stops when cancelled', async () => {
    const blob = big(100_000);
    const seen: number[] = [];
    const df = await loadFrame(blobSource(blob), { chunkBytes: 64 << 10, onProgress: (f) => seen.push(f) });
    expect(df.nrows).toBe(100_000);
    expect(df.cols[0].data[99_999]).toBe(99_999);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);

    let slices = 0;
    const p = loadFrame(blobSource(blob), { chunkBytes: 64 << 10, onProgress: () => { slices++; }, cancelled: () => slices >= 3 });
    await expect(p).rejects.toBeInstanceOf(Cancelled);
    expect(slices).toBe(3);
  });
});
