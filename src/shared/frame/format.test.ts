import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromValues } from './column';
import { readCsv } from './csv-read';
import { frameRepr, indexRepr, seriesRepr } from './format';
import { fmtExp, formatFloats, justify, trimZerosFloat } from './format-values';
import { DataFrame, Series } from './frame';
import { frameHtml } from './html';
import { Index, pyFloatRepr } from './labels';

const enc = new TextEncoder();
const house = readCsv(enc.encode('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'));

describe('cell formatting', () => {
  it('trims trailing zeros over the whole float column', () => {
    expect(formatFloats([3, 2.5, NaN], true)).toEqual([' 3.0', ' 2.5', 'NaN']);
    expect(trimZerosFloat([' 1.500000', ' 2.250000'])).toEqual([' 1.50', ' 2.25']);
  });

  it('switches to e-notation for tiny values and for wide large ones', () => {
    expect(formatFloats([1.234e-7, 1, 2], true)).toEqual([' 1.234000e-07', ' 1.000000e+00', ' 2.000000e+00']);
    expect(formatFloats([1.234e-6, 1], true)).toEqual([' 0.000001', ' 1.000000']);
    expect(formatFloats([1e10, 2.5], true)).toEqual([' 1.000000e+10', ' 2.500000e+00']);
    expect(formatFloats([9500000, 0.5], true)).toEqual([' 9500000.0', ' 0.5']);
    expect(fmtExp(-12345.678, 6, true)).toBe('-1.234568e+04');
  });

  it('writes floats as Python repr does', () => {
    expect([1e16, 1e-5, 0.1, 123.0, -0.0, 1.5e300].map(pyFloatRepr)).toEqual(['1e+16', '1e-05', '0.1', '123.0', '-0.0', '1.5e+300']);
  });

  it('centres like CPython str.center', () => {
    expect(justify('...', 8, 'center')).toBe('  ...   ');
    expect(justify('..', 5, 'center')).toBe('  .. ');
  });
});

describe('repr', () => {
  it('prints the course table as pandas does', () => {
    expect(frameRepr(house)).toBe(
      '   NumRooms Alley   Price\n0       NaN  Pave  127500\n1       2.0   NaN  106000\n2       4.0   NaN  178100\n3       NaN   NaN  140000');
  });

  it('prints a series with its name and dtype', () => {
    expect(seriesRepr(house.column(1))).toBe('0    Pave\n1     NaN\n2     NaN\n3     NaN\nName: Alley, dtype: object');
    expect(seriesRepr(new Series(fromValues([], 'float64'), Index.range(0)))).toBe('Series([], dtype: float64)');
  });

  it('truncates long frames to 5 + 5 rows with the dimensions line', () => {
    const n = 100;
    const df = new DataFrame(Index.of(['x']), [fromValues(Array.from({ length: n }, (_, i) => i), 'int64')], Index.range(n));
    const lines = frameRepr(df).split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[6]).toBe('..  ..');
    expect(lines.at(-1)).toBe('[100 rows x 1 columns]');
  });

  it('drops middle columns of wide frames to fit 80 characters', () => {
    const cols = Array.from({ length: 30 }, (_, j) => fromValues([j * 1000, j], 'int64'));
    const df = new DataFrame(Index.of(cols.map((_, j) => `column_${j}`)), cols, Index.range(2));
    const text = frameRepr(df);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(text).toContain(' ...');
    expect(text.endsWith('[2 rows x 30 columns]')).toBe(true);
  });

  it('writes Index and RangeIndex reprs', () => {
    expect(indexRepr(house.columns)).toBe("Index(['NumRooms', 'Alley', 'Price'], dtype='object')");
    expect(indexRepr(house.index)).toBe('RangeIndex(start=0, stop=4, step=1)');
    expect(indexRepr(house.index.take([0, 2]))).toBe("Int64Index([0, 2], dtype='int64')");
  });

  it('renders the notebook HTML table of pandas, truncated at 60 rows', () => {
    const n = 70;
    const df = new DataFrame(Index.of(['x', 's']), [
      fromValues(Array.from({ length: n }, (_, i) => i * 0.5), 'float64'),
      fromValues(new Array(n).fill('a<b&c'), 'object'),
    ], Index.range(n));
    const expected = readFileSync(join(import.meta.dirname, 'testdata/html-70-rows.html'), 'utf8');
    expect(frameHtml(df) + '\n').toBe(expected);
  });
});
