/**
 * @file read_csv: bytes to a DataFrame, streaming. The bytes are decoded a chunk at a time, papaparse's Parser
 * splits each chunk into rows (keeping an unfinished last row for the next chunk), and every field goes straight
 * into its column's builder (csv-infer.ts), so no row objects outlive their chunk.
 *
 * Defaults and errors follow pandas 1.5's C parser: header inference, blank lines skipped, short rows padded with
 * NaN, long rows rejected with "Error tokenizing data. C error: Expected N fields in line L, saw M" (L counts
 * records, blank lines included), and one extra leading field in the first data row makes an implicit index.
 */
import Papa from 'papaparse';
import { PyError, valueError } from '../errors';
import { type Column, type DType, type Scalar, parseNumber } from './column';
import { ColumnBuilder, type NaRule, Restart } from './csv-infer';
import { makeDecoder } from './decode';
import { DataFrame } from './frame';
import { Index, pyRepr } from './labels';

/** pandas 1.5's STR_NA_VALUES: what reads as NaN by default (note: not "None"). */
export const DEFAULT_NA = [
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA',
  'NULL', 'NaN', 'n/a', 'nan', 'null',
];

export interface ReadCsvOptions {
  sep?: string;
  /** Row number of the header, null for none; undefined means pandas' 'infer' (0 unless names are given). */
  header?: number | null;
  names?: Scalar[];
  indexCol?: number | string | null;
  usecols?: (number | string)[];
  naValues?: (string | number)[] | Record<string, (string | number)[]>;
  keepDefaultNa?: boolean;
  dtype?: DType | Record<string, DType>;
  nrows?: number;
  encoding?: string;
  /** Called after each chunk with the share of bytes read (0..1); return false to cancel. */
  onProgress?: (fraction: number) => boolean | void;
  chunkBytes?: number;
}

export class Cancelled extends Error {}

// Small chunks keep each chunk's row arrays young, so the GC frees them cheaply (256 KiB measured best).
const DEFAULT_CHUNK = 1 << 18;

export function readCsv(bytes: Uint8Array, opts: ReadCsvOptions = {}): DataFrame {
  const forcedText = new Set<number>();
  for (;;) {
    try {
      return readOnce(bytes, opts, forcedText);
    } catch (e) {
      // [Note: inference restart]
      if (e instanceof Restart) { forcedText.add(e.column); continue; }
      throw e;
    }
  }
}

interface Layout {
  names: Scalar[];
  /** File field position of each kept column. */
  fieldPos: number[];
  nfields: number;
  implicitIndex: boolean;
}

function readOnce(bytes: Uint8Array, opts: ReadCsvOptions, forcedText: Set<number>): DataFrame {
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  const steps = readSteps(bytes.length, opts, forcedText);
  let r = steps.next();
  for (let off = 0; !r.done; off += chunkBytes) {
    if (off >= bytes.length) { r = steps.next(null); break; }
    const end = Math.min(bytes.length, off + chunkBytes);
    r = steps.next(bytes.subarray(off, end));
    if (!r.done && opts.onProgress && opts.onProgress(end / bytes.length) === false) throw new Cancelled('cancelled');
  }
  return r.value as DataFrame;
}

/** Where readCsvAsync gets its bytes: a size and ranged reads (a Blob's slices, a file handle). */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/**
 * read_csv over a source read a chunk at a time, for files too large to hold whole (the dataset panel's worker).
 * Memory holds one chunk, its rows, and the growing columns; a restart ([Note: inference restart]) reads the
 * source again from the start. onProgress returning false stops the read with Cancelled.
 */
export async function readCsvAsync(src: ByteSource, opts: ReadCsvOptions = {}): Promise<DataFrame> {
  const forcedText = new Set<number>();
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  for (;;) {
    try {
      const steps = readSteps(src.size, opts, forcedText);
      let r = steps.next();
      for (let off = 0; !r.done; off += chunkBytes) {
        if (off >= src.size) { r = steps.next(null); break; }
        const end = Math.min(src.size, off + chunkBytes);
        r = steps.next(await src.read(off, end));
        if (!r.done && opts.onProgress && opts.onProgress(end / src.size) === false) throw new Cancelled('cancelled');
      }
      return r.value as DataFrame;
    } catch (e) {
      if (e instanceof Restart) { forcedText.add(e.column); continue; }
      throw e;
    }
  }
}

/**
 * The reader as a generator so one parser serves both drivers: it yields for the next chunk of bytes, takes null
 * for the end of the input, and returns the frame (early, once nrows rows are in).
 */
function* readSteps(totalBytes: number, opts: ReadCsvOptions, forcedText: Set<number>): Generator<void, DataFrame, Uint8Array | null> {
  const sep = opts.sep ?? ',';
  if (sep.length !== 1) throw valueError('DiveLab reads single-character separators only');
  const decoder = makeDecoder(opts.encoding);
  const headerRow = opts.header === undefined ? (opts.names ? null : 0) : opts.header;
  const nrows = opts.nrows ?? Infinity;

  let layout: Layout | undefined;
  let builders: ColumnBuilder[] = [];
  let fieldToBuilder: Int32Array = new Int32Array(0);
  let indexBuilder: ColumnBuilder | undefined;
  let headerFields: string[] | undefined;
  let records = 0;   // records seen, blank lines included (pandas' line numbers)
  let dataRows = 0;
  let newline: '\n' | '\r' | undefined;
  let done = false;
  // Rows expected, from the line length of the first chunk: numeric columns are allocated once at that size.
  let estimateRows = 1024;

  const startColumns = (first: string[], implicitIndex: boolean): void => {
    const nfields = first.length - (implicitIndex ? 1 : 0);
    let names: Scalar[];
    if (opts.names) names = opts.names.slice();
    else if (headerFields) names = mangle(headerFields);
    else names = Array.from({ length: nfields }, (_, i) => i);
    if (names.length < nfields && opts.names) {
      throw new PyError('pandas.errors.ParserError', `Expected ${names.length} fields, saw ${nfields}`);
    }
    const keep = selectUsecols(names, opts.usecols);
    layout = { names: keep.map((i) => names[i]), fieldPos: keep, nfields: names.length, implicitIndex };
    const na = naRules(opts, layout.names);
    builders = keep.map((f, k) => new ColumnBuilder(f, na[k],
      forcedText.has(f) ? 'object' : dtypeFor(opts.dtype, names[f], f), estimateRows));
    fieldToBuilder = new Int32Array(names.length).fill(-1);
    keep.forEach((f, k) => { fieldToBuilder[f] = k; });
    if (implicitIndex) indexBuilder = new ColumnBuilder(-1, naRules(opts, [null])[0], undefined, estimateRows);
  };

  const onRow = (row: string[]): void => {
    records++;
    if (row.length === 1 && row[0].trim() === '') return; // blank line
    if (headerRow !== null && headerFields === undefined) {
      if (records - 1 < headerRow) return;
      headerFields = row.map((s) => s.trim() === '' ? '' : s);
      return;
    }
    if (!layout) {
      const n = opts.names ? opts.names.length : headerFields ? headerFields.length : row.length;
      startColumns(row, headerFields !== undefined && !opts.names && row.length === n + 1 && opts.indexCol !== null);
    }
    const lay = layout!;
    if (dataRows >= nrows) { done = true; return; }
    let fields = row;
    if (lay.implicitIndex) {
      indexBuilder!.push(fields[0]);
      fields = fields.slice(1);
    }
    const saw = fields.length;
    if (saw > lay.nfields) {
      const expected = lay.nfields + (lay.implicitIndex ? 1 : 0);
      throw new PyError('pandas.errors.ParserError',
        `Error tokenizing data. C error: Expected ${expected} fields in line ${records}, saw ${row.length}\n`);
    }
    for (let f = 0; f < saw; f++) {
      const b = fieldToBuilder[f];
      if (b >= 0) builders[b].push(fields[f]);
    }
    for (let f = saw; f < lay.nfields; f++) {
      const b = fieldToBuilder[f];
      if (b >= 0) builders[b].pushNA();
    }
    dataRows++;
  };

  const parser = new Papa.Parser({ delimiter: sep, newline: '\n' });
  let carry = '';
  let parserNewline: string = '\n';
  const feed = (text: string, last: boolean): void => {
    let input = carry + text;
    if (newline === undefined) {
      if (input.length === 0 && !last) return;
      let lines = 0;
      for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) lines++;
      estimateRows = Math.ceil((Math.max(1, lines) * totalBytes) / Math.max(1, input.length) * 1.05) + 16;
      newline = input.includes('\n') || !input.includes('\r') ? '\n' : '\r';
      if (newline === '\r') {
        parserNewline = '\r';
      }
    }
    if (parserNewline !== '\n') input = input.replace(/\r/g, '\n');
    const res = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    for (const row of res.data) {
      const lastField = row[row.length - 1];
      // CRLF files: the parser splits on \n; a trailing \r belongs to the line break, not the field.
      if (lastField.charCodeAt(lastField.length - 1) === 13) row[row.length - 1] = lastField.slice(0, -1);
      onRow(row);
      if (done) return;
    }
    carry = last ? '' : input.slice(res.meta.cursor);
  };

  for (;;) {
    const chunk = yield;
    if (chunk === null) { feed(decoder.end(), true); break; }
    feed(decoder.write(chunk), false);
    if (done) break;
  }

  if (!layout) {
    if (headerFields === undefined) throw new PyError('pandas.errors.EmptyDataError', 'No columns to parse from file');
    startColumns(headerFields, false);
  }
  const lay = layout!;
  const cols: Column[] = builders.map((b) => b.finish());
  let index: Index = dataRows === 0 && headerFields !== undefined ? new Index({ dtype: 'object', data: [] }) : Index.range(dataRows);
  if (indexBuilder) index = new Index(indexBuilder.finish());
  let names = lay.names;
  if (opts.indexCol !== undefined && opts.indexCol !== null) {
    const k = typeof opts.indexCol === 'number' && !names.includes(opts.indexCol) ? opts.indexCol : names.indexOf(opts.indexCol);
    if (k < 0 || k >= cols.length) {
      throw typeof opts.indexCol === 'number'
        ? new PyError('IndexError', 'list index out of range')
        : valueError(`Index ${opts.indexCol} invalid`);
    }
    index = new Index(cols[k], names[k] ?? undefined);
    cols.splice(k, 1);
    names = names.filter((_, i) => i !== k);
  }
  // Without a header pandas 1.5 numbers the columns with an Int64Index, not a RangeIndex.
  const columns = Index.of(names, undefined, headerFields !== undefined ? 'object' : undefined);
  return new DataFrame(columns, cols, index);
}

/** pandas' duplicate-name mangling ("a", "a.1") and "Unnamed: i" for empty header fields. */
function mangle(fields: string[]): Scalar[] {
  const seen = new Map<string, number>();
  return fields.map((raw, i) => {
    let name = raw === '' ? `Unnamed: ${i}` : raw;
    let k = seen.get(name);
    if (k !== undefined) {
      let candidate = `${name}.${k}`;
      while (seen.has(candidate)) candidate = `${name}.${++k}`;
      seen.set(name, k + 1);
      name = candidate;
    }
    seen.set(name, seen.get(name) ?? 1);
    return name;
  });
}

function selectUsecols(names: Scalar[], usecols: (number | string)[] | undefined): number[] {
  if (!usecols) return names.map((_, i) => i);
  const allInts = usecols.every((u) => typeof u === 'number');
  const keep: number[] = [];
  if (allInts) {
    for (const u of usecols as number[]) {
      if (u >= names.length) throw new PyError('pandas.errors.ParserError', `Defining usecols without of bounds indices is not allowed. [${u}]`);
    }
    for (let i = 0; i < names.length; i++) if ((usecols as number[]).includes(i)) keep.push(i);
    return keep;
  }
  const missing = usecols.filter((u) => !names.includes(u));
  if (missing.length) {
    throw valueError(`Usecols do not match columns, columns expected but not found: [${missing.map((m) => pyRepr(m)).join(', ')}]`);
  }
  for (let i = 0; i < names.length; i++) if (usecols.includes(names[i] as string)) keep.push(i);
  return keep;
}

function naRules(opts: ReadCsvOptions, names: Scalar[]): NaRule[] {
  const base = opts.keepDefaultNa === false ? [] : DEFAULT_NA;
  const make = (extra: (string | number)[]): NaRule => {
    const strings = new Set<string>(base);
    const numbers = new Set<number>();
    for (const v of extra) {
      strings.add(String(v));
      const x = typeof v === 'number' ? v : parseNumber(v);
      if (x !== undefined && !Number.isNaN(x)) { numbers.add(x); strings.add(String(x)); }
    }
    return { strings, numbers };
  };
  const nv = opts.naValues;
  if (nv === undefined || Array.isArray(nv)) {
    const rule = make(nv ?? []);
    return names.map(() => rule);
  }
  return names.map((n) => make(nv[String(n)] ?? []));
}

function dtypeFor(dtype: ReadCsvOptions['dtype'], name: Scalar, pos: number): DType | undefined {
  if (dtype === undefined) return undefined;
  if (typeof dtype === 'string') return dtype;
  return dtype[String(name)] ?? dtype[String(pos)];
}
