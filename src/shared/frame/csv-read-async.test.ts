/** @file readCsvAsync: the chunked reader over a ranged byte source gives readCsv's frame, restarts and cancels. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colLength, getValue, type Column } from './column';
import { type ByteSource, readCsv, readCsvAsync } from './csv-read';

const enc = new TextEncoder();
const values = (c: Column): unknown[] => Array.from({ length: colLength(c) }, (_, i) => getValue(c, i));

/** A source that counts its reads and never hands out more than it was asked for. */
function source(bytes: Uint8Array): ByteSource & { reads: number } {
  return {
    size: bytes.length,
    reads: 0,
    async read(start, end) { this.reads++; return bytes.slice(start, end); },
  };
}

describe('readCsvAsync', () => {
  it('gives the same frame as readCsv whatever the chunk size', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('x', 'y,z', 'q"q', 'NA', 'l\nm', '北京')), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 64 }),
      async (rows, chunk) => {
        const bytes = enc.encode('n,s\n' + rows.map(([n, s]) => `${n},"${s.replace(/"/g, '""')}"`).join('\r\n') + '\n');
        const a = await readCsvAsync(source(bytes), { chunkBytes: chunk });
        const b = readCsv(bytes);
        expect(a.columns.labels()).toEqual(b.columns.labels());
        expect(a.cols.map(values)).toEqual(b.cols.map(values));
        expect(a.cols.map((c) => c.dtype)).toEqual(b.cols.map((c) => c.dtype));
      }));
  });

  it('reads the source again when a column turns out to be text late (inference restart)', async () => {
    const bytes = enc.encode(`a,b\n${Array.from({ length: 500 }, (_, i) => `${i},${i}`).join('\n')}\nx,008\n`);
    const src = source(bytes);
    const df = await readCsvAsync(src, { chunkBytes: 256 });
    expect(df.cols.map((c) => c.dtype)).toEqual(['object', 'int64']);
    expect([getValue(df.cols[0], 3), getValue(df.cols[0], 500), getValue(df.cols[1], 500)]).toEqual(['3', 'x', 8]);
    expect(src.reads).toBeGreaterThan(Math.ceil(bytes.length / 256));
  });

  it('stops at nrows without reading the rest', async () => {
    const bytes = enc.encode('a\n' + '1\n'.repeat(100_000));
    const src = source(bytes);
    const df = await readCsvAsync(src, { nrows: 5, chunkBytes: 1024 });
    expect(df.nrows).toBe(5);
    expect(src.reads).toBe(1);
  });

  it('reports progress up to 1 and stops with Cancelled when asked', async () => {
    const bytes = enc.encode('a\n' + '1\n'.repeat(1000));
    const seen: number[] = [];
    await readCsvAsync(source(bytes), { chunkBytes: 500, onProgress: (f) => { seen.push(f); } });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    const src = source(bytes);
    await expect(readCsvAsync(src, { chunkBytes: 500, onProgress: () => false })).rejects.toThrow('cancelled');
    expect(src.reads).toBe(1);
  });

  it('keeps pandas errors: ragged rows and an empty file', async () => {
    await expect(readCsvAsync(source(enc.encode('a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2,3,4\n')), { chunkBytes: 3 }))
      .rejects.toThrow('Error tokenizing data. C error: Expected 3 fields in line 5, saw 4');
    await expect(readCsvAsync(source(new Uint8Array(0)))).rejects.toThrow('No columns to parse from file');
  });
});
