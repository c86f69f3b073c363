import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { PyError } from '../errors';
import { values } from './column';
import { readCsv } from './csv-read';
import { DataFrame } from './frame';

const enc = new TextEncoder();
const read = (s: string, o = {}): DataFrame => readCsv(enc.encode(s), o);
const col = (df: DataFrame, i: number): unknown[] => values(df.cols[i]);
const pyErr = (f: () => unknown): PyError => {
  try { f(); } catch (e) { if (e instanceof PyError) return e; throw e; }
  throw new Error('no error');
};

describe('readCsv', () => {
  it('reads the course file with pandas dtypes', () => {
    const df = read('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n');
    expect(df.columns.labels()).toEqual(['NumRooms', 'Alley', 'Price']);
    expect(df.dtypes).toEqual(['float64', 'object', 'int64']);
    expect(col(df, 0)).toEqual([NaN, 2, 4, NaN]);
    expect(col(df, 1)).toEqual(['Pave', NaN, NaN, NaN]);
  });

  it('handles quoted separators, doubled quotes and newlines inside quotes', () => {
    const df = read('a,b\n"x,""y""",1\n"multi\nline",2\n');
    expect(col(df, 0)).toEqual(['x,"y"', 'multi\nline']);
    expect(df.dtypes).toEqual(['object', 'int64']);
  });

  it('drops a UTF-8 BOM and CRLF line ends', () => {
    const df = read('\ufeffa,b\r\n1,"q\r\nr"\r\n');
    expect(df.columns.labels()).toEqual(['a', 'b']);
    expect(col(df, 1)).toEqual(['q\r\nr']);
  });

  it('treats the default NA strings as missing but not None', () => {
    const df = read('v\nNA\nN/A\nnull\n#N/A\n<NA>\nNone\n');
    expect(col(df, 0)).toEqual([NaN, NaN, NaN, NaN, NaN, 'None']);
  });

  it('infers int, float, bool and object per column, gaps turning int to float and bool to object', () => {
    const df = read('i,f,b,bn,s\n1,1.5,True,True,x\n2,2,false,,1\n');
    expect(df.dtypes).toEqual(['int64', 'float64', 'bool', 'object', 'object']);
    expect(col(df, 3)).toEqual([true, NaN]);
    expect(col(df, 4)).toEqual(['x', '1']);
  });

  it('re-reads a column as text when text appears after numbers, keeping the original spelling', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},007`).join('\n');
    const df = readCsv(enc.encode(`a,b\n${rows}\nx,008\n`), { chunkBytes: 1024 });
    expect(df.dtypes).toEqual(['object', 'int64']);
    expect(col(df, 0)[0]).toBe('0');
    expect(col(df, 0)[5000]).toBe('x');
  });

  it('pads short rows and rejects long ones with the C parser message', () => {
    expect(col(read('a,b,c\n1,2\n'), 2)).toEqual([NaN]);
    const e = pyErr(() => read('a,b,c\n1,2,3\n\n4,5,6\n7,8,9,10\n'));
    expect(e.pyType).toBe('pandas.errors.ParserError');
    expect(e.message).toBe('Error tokenizing data. C error: Expected 3 fields in line 5, saw 4\n');
  });

  it('raises EmptyDataError for an empty file and gives an empty object frame for a header-only one', () => {
    expect(pyErr(() => read('')).message).toBe('No columns to parse from file');
    const df = read('a,b\n');
    expect([df.nrows, df.dtypes]).toEqual([0, ['object', 'object']]);
  });

  it('supports sep, header=None, names, index_col, usecols, nrows, na_values, keep_default_na and dtype', () => {
    expect(read('a;b\n1;2\n', { sep: ';' }).dtypes).toEqual(['int64', 'int64']);
    expect(read('1,2\n', { header: null }).columns.labels()).toEqual([0, 1]);
    expect(read('1,2\n', { names: ['x', 'y'] }).columns.labels()).toEqual(['x', 'y']);
    const ix = read('a,b\n1,2\n3,4\n', { indexCol: 'a' });
    expect([ix.index.labels(), ix.index.name, ix.columns.labels()]).toEqual([[1, 3], 'a', ['b']]);
    expect(read('a,b,c\n1,2,3\n', { usecols: ['c', 'a'] }).columns.labels()).toEqual(['a', 'c']);
    expect(read('a\n1\n2\n3\n', { nrows: 2 }).nrows).toBe(2);
    expect(col(read('a\n-1\n5\n', { naValues: [-1] }), 0)).toEqual([NaN, 5]);
    expect(col(read('a\nNA\n', { keepDefaultNa: false }), 0)).toEqual(['NA']);
    expect(read('a,b\n1,2\n', { dtype: { a: 'float64', b: 'object' } }).dtypes).toEqual(['float64', 'object']);
  });

  it('decodes GBK and reports bad UTF-8 as CPython does', () => {
    const gbk = iconv.encode('名字,值\n张三,1\n', 'gbk');
    expect(readCsv(new Uint8Array(gbk), { encoding: 'gbk' }).columns.labels()).toEqual(['名字', '值']);
    const e = pyErr(() => readCsv(new Uint8Array(gbk)));
    expect([e.pyType, e.message]).toEqual(['UnicodeDecodeError', "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte"]);
  });

  it('mangles duplicate and empty header names as pandas does', () => {
    expect(read('a,a,\n1,2,3\n').columns.labels()).toEqual(['a', 'a.1', 'Unnamed: 2']);
  });

  it('gives the same frame whatever the chunk size', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('x', 'y,z', 'q"q', 'NA', 'l\nm')), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 64 }),
      (rows, chunk) => {
        const text = 'n,s\n' + rows.map(([n, s]) => `${n},"${s.replace(/"/g, '""')}"`).join('\n') + '\n';
        const a = readCsv(enc.encode(text), { chunkBytes: chunk });
        const b = readCsv(enc.encode(text));
        expect(values(a.cols[0])).toEqual(values(b.cols[0]));
        expect(values(a.cols[1])).toEqual(rows.map(([, s]) => (s === 'NA' ? NaN : s)));
      }));
  });
});

describe('readCsv decoding across chunks', () => {
  it('joins multi-byte characters split between chunks', () => {
    const df = readCsv(enc.encode('名字,城市\n张三,北京\n'), { chunkBytes: 1 });
    expect([df.columns.labels(), values(df.cols[1])]).toEqual([['名字', '城市'], ['北京']]);
  });

  it('reports progress and can be cancelled', () => {
    const seen: number[] = [];
    readCsv(enc.encode('a\n' + '1\n'.repeat(1000)), { chunkBytes: 500, onProgress: (f) => { seen.push(f); } });
    expect(seen.at(-1)).toBe(1);
    expect(() => readCsv(enc.encode('a\n' + '1\n'.repeat(1000)), { chunkBytes: 500, onProgress: () => false })).toThrow('cancelled');
  });
});
