/**
 * @file Missing values and encoding, as section 1.4.2 of the course uses them: isna/notna, dropna, fillna, drop,
 * get_dummies (uint8 columns by default, as in pandas 1.5), astype, value_counts.
 */
import { keyError, valueError } from '../errors';
import {
  type Column, type DType, type Scalar, cast, colLength, fromValues, getValue, isNA, isMissing, naMask, take,
} from './column';
import { DataFrame, Series } from './frame';
import { Index, pyRepr, pyStrRepr } from './labels';

const boolCol = (m: Uint8Array): Column => ({ dtype: 'bool', data: m });
const invert = (m: Uint8Array): Uint8Array => m.map((x) => 1 - x);

export function isnaFrame(df: DataFrame, not = false): DataFrame {
  return new DataFrame(df.columns, df.cols.map((c) => boolCol(not ? invert(naMask(c)) : naMask(c))), df.index);
}

export function isnaSeries(s: Series, not = false): Series {
  return s.withCol(boolCol(not ? invert(naMask(s.col)) : naMask(s.col)));
}

export interface DropnaOptions { axis?: 0 | 1; how?: string; thresh?: number | null; subset?: Scalar[] | null }

/** DataFrame.dropna: keep rows (axis 0) or columns (axis 1) with enough non-missing cells. */
export function dropnaFrame(df: DataFrame, o: DropnaOptions = {}): DataFrame {
  const axis = o.axis ?? 0;
  const how = o.how ?? 'any';
  if (o.thresh == null && how !== 'any' && how !== 'all') throw valueError(`invalid how option: ${how}`);
  const other = axis === 0 ? df.columns : df.index;
  let among: number[];
  if (o.subset) {
    const missing = o.subset.filter((l) => !other.has(l));
    if (missing.length) throw keyError(`[${missing.map(pyRepr).join(', ')}]`);
    among = o.subset.flatMap((l) => other.positions(l)!);
  } else {
    among = Array.from({ length: other.length }, (_, i) => i);
  }
  const keepIf = (present: number): boolean =>
    o.thresh != null ? present >= o.thresh : how === 'any' ? present === among.length : present > 0;
  const keep: number[] = [];
  if (axis === 0) {
    const masks = among.map((j) => naMask(df.cols[j]));
    for (let r = 0; r < df.nrows; r++) {
      let present = 0;
      for (const m of masks) present += 1 - m[r];
      if (keepIf(present)) keep.push(r);
    }
    return keep.length === df.nrows ? df : df.takeRows(keep);
  }
  for (let j = 0; j < df.ncols; j++) {
    let present = 0;
    for (const r of among) if (!isMissing(df.cols[j], r)) present++;
    if (keepIf(present)) keep.push(j);
  }
  return keep.length === df.ncols ? df : df.selectCols(keep);
}

export function dropnaSeries(s: Series): Series {
  const keep: number[] = [];
  for (let i = 0; i < s.length; i++) if (!isMissing(s.col, i)) keep.push(i);
  return keep.length === s.length ? s : s.take(keep);
}

/** The dtype that holds a column's values plus a fill value (float64 stays float64 for numbers). */
function fillDType(d: DType, v: Scalar): DType {
  if (d === 'float64' && typeof v === 'number') return 'float64';
  return 'object';
}

/**
 * Fills the gaps of one column. After filling an object column pandas re-infers it, so a text column that was
 * all gaps and is filled with 0 becomes int64.
 */
export function fillColumn(c: Column, v: Scalar): Column {
  if (c.dtype !== 'float64' && c.dtype !== 'object') return c;
  const m = naMask(c);
  if (!m.includes(1) || isNA(v)) return c;
  const d = fillDType(c.dtype, v);
  if (d === 'float64') {
    const out = (c.data as Float64Array).slice();
    for (let i = 0; i < out.length; i++) if (m[i]) out[i] = v as number;
    return { dtype: 'float64', data: out };
  }
  const out: Scalar[] = new Array(colLength(c));
  for (let i = 0; i < out.length; i++) out[i] = m[i] ? v : getValue(c, i);
  return c.dtype === 'object' ? softConvert(out) : { dtype: 'object', data: out };
}

/** lib.maybe_convert_objects for the simple cases: all ints, all numbers, all bools. */
export function softConvert(vals: Scalar[]): Column {
  if (vals.length && vals.every((v) => typeof v === 'boolean')) return fromValues(vals, 'bool');
  if (vals.length && vals.every((v) => typeof v === 'number')) {
    return fromValues(vals, vals.every((v) => Number.isInteger(v)) ? 'int64' : 'float64');
  }
  return { dtype: 'object', data: vals };
}

/** fillna(value) with a scalar, or per column with a mapping label -> value (dict or Series). */
export function fillnaFrame(df: DataFrame, value: Scalar | Map<Scalar, Scalar>): DataFrame {
  const cols = df.cols.map((c, j) => {
    if (!(value instanceof Map)) return fillColumn(c, value);
    const label = df.columns.at(j);
    return value.has(label) ? fillColumn(c, value.get(label)!) : c;
  });
  return new DataFrame(df.columns, cols, df.index);
}

export function fillnaSeries(s: Series, value: Scalar | Map<Scalar, Scalar>): Series {
  if (!(value instanceof Map)) return s.withCol(fillColumn(s.col, value));
  const vals: Scalar[] = [];
  for (let i = 0; i < s.length; i++) {
    const v = s.at(i);
    const l = s.index.at(i);
    vals.push(isMissing(s.col, i) && value.has(l) ? value.get(l)! : v);
  }
  const d = s.dtype === 'float64' && vals.every((v) => typeof v === 'number') ? 'float64' : s.dtype;
  return s.withCol(d === 'object' ? softConvert(vals) : fromValues(vals, d));
}

/** drop(labels, axis): remove rows or columns by label; pandas' KeyError lists the labels that are missing. */
export function dropLabels(df: DataFrame, labels: Scalar[], axis: 0 | 1): DataFrame {
  const ix = axis === 0 ? df.index : df.columns;
  const missing = labels.filter((l) => !ix.has(l));
  if (missing.length) throw keyError(pyStrRepr(`[${missing.map(pyRepr).join(', ')}] not found in axis`));
  const gone = new Set(labels.flatMap((l) => ix.positions(l)!));
  const keep = Array.from({ length: ix.length }, (_, i) => i).filter((i) => !gone.has(i));
  return axis === 0 ? df.takeRows(keep) : df.selectCols(keep);
}

export function dropSeries(s: Series, labels: Scalar[]): Series {
  const missing = labels.filter((l) => !s.index.has(l));
  if (missing.length) throw keyError(pyStrRepr(`[${missing.map(pyRepr).join(', ')}] not found in axis`));
  const gone = new Set(labels.flatMap((l) => s.index.positions(l)!));
  return s.take(Array.from({ length: s.length }, (_, i) => i).filter((i) => !gone.has(i)));
}

/** Sort order pandas' factorize(sort=True) gives levels: numbers, then strings, each ascending. */
function compareLevels(a: Scalar, b: Scalar): number {
  const ta = typeof a === 'string' ? 1 : 0;
  const tb = typeof b === 'string' ? 1 : 0;
  if (ta !== tb) return ta - tb;
  const x = typeof a === 'boolean' ? Number(a) : a!;
  const y = typeof b === 'boolean' ? Number(b) : b!;
  return x < y ? -1 : x > y ? 1 : 0;
}

const levelText = (v: Scalar): string =>
  typeof v === 'number' && Number.isNaN(v) ? 'nan' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(v)) : String(v ?? 'None');

export interface DummiesOptions {
  prefix?: string | string[] | Record<string, string> | null;
  prefixSep?: string;
  dummyNa?: boolean;
  columns?: Scalar[] | null;
  dtype?: DType;
}

/** Dummy columns for one column: one per sorted level, plus one for NaN when asked. */
function dummies1d(c: Column, prefix: string | null, sep: string, dummyNa: boolean, dtype: DType, floatLevels: boolean):
{ names: Scalar[]; cols: Column[] } {
  const n = colLength(c);
  const levels = new Map<Scalar, number>();
  for (let i = 0; i < n; i++) {
    const v = getValue(c, i);
    if (!isNA(v) && !levels.has(v)) levels.set(v, 0);
  }
  const sorted = [...levels.keys()].sort(compareLevels);
  sorted.forEach((v, k) => levels.set(v, k));
  const k = sorted.length + (dummyNa ? 1 : 0);
  const bits = Array.from({ length: k }, () => new Uint8Array(n));
  for (let i = 0; i < n; i++) {
    const v = getValue(c, i);
    if (isNA(v)) { if (dummyNa) bits[k - 1][i] = 1; } else bits[levels.get(v)!][i] = 1;
  }
  const text = (v: Scalar): string => (floatLevels && typeof v === 'number' && Number.isInteger(v) ? v.toFixed(1) : levelText(v));
  const labels: Scalar[] = sorted.map((v) => (prefix === null ? v : `${prefix}${sep}${text(v)}`));
  if (dummyNa) labels.push(prefix === null ? NaN : `${prefix}${sep}nan`);
  const cols = bits.map((b): Column => cast({ dtype: 'uint8', data: b }, dtype));
  return { names: labels, cols };
}

export function getDummiesSeries(s: Series, o: DummiesOptions = {}): DataFrame {
  const prefix = typeof o.prefix === 'string' ? o.prefix : null;
  const r = dummies1d(s.col, prefix, o.prefixSep ?? '_', o.dummyNa ?? false, o.dtype ?? 'uint8', s.dtype === 'float64');
  return new DataFrame(Index.of(r.names, undefined, r.names.some((x) => typeof x === 'string') ? 'object' : undefined), r.cols, s.index);
}

export function getDummiesFrame(df: DataFrame, o: DummiesOptions = {}): DataFrame {
  const encode = o.columns
    ? o.columns.map((l) => df.colPos(l))
    : df.cols.map((c, i) => (c.dtype === 'object' ? i : -1)).filter((i) => i >= 0);
  const sep = o.prefixSep ?? '_';
  const prefixes = encode.map((j, k) => {
    const label = df.columns.at(j);
    if (o.prefix == null) return levelText(label);
    if (typeof o.prefix === 'string') return o.prefix;
    if (Array.isArray(o.prefix)) {
      if (o.prefix.length !== encode.length) {
        throw valueError(`Length of 'prefix' (${o.prefix.length}) did not match the length of the columns being encoded (${encode.length}).`);
      }
      return o.prefix[k];
    }
    return o.prefix[String(label)] ?? levelText(label);
  });
  const enc = new Set(encode);
  const names: Scalar[] = [];
  const cols: Column[] = [];
  df.cols.forEach((c, j) => { if (!enc.has(j)) { names.push(df.columns.at(j)); cols.push(c); } });
  encode.forEach((j, k) => {
    const r = dummies1d(df.cols[j], prefixes[k], sep, o.dummyNa ?? false, o.dtype ?? 'uint8', df.cols[j].dtype === 'float64');
    names.push(...r.names);
    cols.push(...r.cols);
  });
  return new DataFrame(Index.of(names, undefined, 'object'), cols, df.index);
}

/** Series.value_counts: counts in descending order, ties in order of first appearance. */
export function valueCounts(s: Series, opts: { dropna?: boolean; normalize?: boolean; ascending?: boolean } = {}): Series {
  const dropna = opts.dropna ?? true;
  const counts = new Map<Scalar, number>();
  let nas = 0;
  for (let i = 0; i < s.length; i++) {
    const v = s.at(i);
    if (isNA(v)) { nas++; continue; }
    const key = typeof v === 'boolean' && s.dtype !== 'bool' ? v : v;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entries: [Scalar, number][] = [...counts.entries()];
  if (!dropna && nas > 0) entries.push([NaN, nas]);
  const order = entries.map((_, i) => i).sort((a, b) => (opts.ascending ? entries[a][1] - entries[b][1] : entries[b][1] - entries[a][1]) || a - b);
  const labels = order.map((i) => entries[i][0]);
  const total = entries.reduce((t, e) => t + e[1], 0);
  const vals = order.map((i) => (opts.normalize ? entries[i][1] / total : entries[i][1]));
  const index = new Index(fromValues(labels, s.dtype === 'bool' ? 'bool' : s.dtype === 'object' ? 'object' : s.dtype));
  return new Series(fromValues(vals, opts.normalize ? 'float64' : 'int64'), index, s.name);
}

export function astypeFrame(df: DataFrame, d: DType | Map<Scalar, DType>): DataFrame {
  const cols = df.cols.map((c, j) => {
    const t = d instanceof Map ? d.get(df.columns.at(j)) : d;
    return t ? cast(c, t) : c;
  });
  return new DataFrame(df.columns, cols, df.index);
}

export { take };
