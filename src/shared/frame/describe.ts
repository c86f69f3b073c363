/**
 * @file describe(): count/mean/std/min/quartiles/max for numeric columns (numpy's linear percentile), or
 * count/unique/top/freq for text, as pandas 1.5 lays them out.
 */
import { valueError } from '../errors';
import { type Column, type Scalar, fromValues, getValue, isNA, naMask } from './column';
import { DataFrame, Series } from './frame';
import { Index } from './labels';
import { reduceColumn } from './reduce';

const NUM_ROWS = ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'];
const OBJ_ROWS = ['count', 'unique', 'top', 'freq'];

/** numpy.percentile(..., method='linear') including numpy 1.22+'s two-sided lerp. */
export function percentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const t = pos - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

function numericStats(c: Column): number[] {
  const m = naMask(c);
  const xs: number[] = [];
  for (let i = 0; i < m.length; i++) if (!m[i]) xs.push(Number(getValue(c, i)));
  const s = Float64Array.from(xs).sort();
  const r = (op: 'mean' | 'std'): number => Number(reduceColumn(c, op).value);
  return [xs.length, r('mean'), r('std'), s.length ? s[0] : NaN, percentile(s, 0.25), percentile(s, 0.5),
    percentile(s, 0.75), s.length ? s[s.length - 1] : NaN];
}

function objectStats(c: Column): Scalar[] {
  const counts = new Map<Scalar, number>();
  let count = 0;
  for (let i = 0; i < c.data.length; i++) {
    const v = getValue(c, i);
    if (isNA(v)) continue;
    count++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let top: Scalar = NaN;
  let freq: Scalar = NaN;
  for (const [v, k] of counts) if (typeof freq !== 'number' || Number.isNaN(freq) || k > freq) { top = v; freq = k; }
  return [count, counts.size, top, freq];
}

export function describeSeries(s: Series): Series {
  if (s.dtype === 'object' || s.dtype === 'bool') {
    return new Series(fromValues(objectStats(s.col), 'object'), Index.of(OBJ_ROWS), s.name);
  }
  return new Series(fromValues(numericStats(s.col), 'float64'), Index.of(NUM_ROWS), s.name);
}

export function describeFrame(df: DataFrame, include?: 'all'): DataFrame {
  const numeric = df.cols.map((c, i) => (c.dtype === 'float64' || c.dtype === 'int64' || c.dtype === 'uint8' ? i : -1)).filter((i) => i >= 0);
  if (include === 'all') {
    const anyObj = df.cols.some((c) => c.dtype === 'object' || c.dtype === 'bool');
    const rows = anyObj ? [...OBJ_ROWS, ...NUM_ROWS.slice(1)] : NUM_ROWS;
    const cols = df.cols.map((c) => {
      if (c.dtype === 'object' || c.dtype === 'bool') return fromValues([...objectStats(c), ...NUM_ROWS.slice(1).map(() => NaN)], 'object');
      const st = numericStats(c);
      return anyObj ? fromValues([st[0], NaN, NaN, NaN, ...st.slice(1)], 'float64') : fromValues(st, 'float64');
    });
    return new DataFrame(df.columns, cols, Index.of(rows));
  }
  if (numeric.length === 0) {
    const objs = df.cols.map((c, i) => (c.dtype === 'object' || c.dtype === 'bool' ? i : -1)).filter((i) => i >= 0);
    if (objs.length === 0) throw valueError('Cannot describe a DataFrame without columns');
    return new DataFrame(df.columns.take(objs), objs.map((i) => fromValues(objectStats(df.cols[i]), 'object')), Index.of(OBJ_ROWS));
  }
  return new DataFrame(df.columns.take(numeric), numeric.map((i) => fromValues(numericStats(df.cols[i]), 'float64')), Index.of(NUM_ROWS));
}
