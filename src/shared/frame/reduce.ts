/**
 * @file Reductions (sum, mean, min, max, count, median, std, var, prod) over Series and DataFrames, with pandas
 * 1.5's numeric_only=None behaviour.
 *
 * [Note: nuisance columns] With numeric_only=None (the 1.5 default), axis=0 reduces column by column and silently
 * drops a column whose reduction fails (text columns for mean; text with gaps for sum/min/max), then warns that
 * this default is deprecated. axis=1 first tries the whole table and, if that fails, retries on the numeric columns
 * with a different warning. The warning texts are pandas' own; the facade raises them as FutureWarning.
 */
import { PyError, typeError, valueError } from '../errors';
import { type Column, type DType, type Scalar, colLength, commonDType, fromValues, getValue, isMissing, naMask, objectsFrom } from './column';
import { DataFrame, Series } from './frame';
import { Index, pyRepr } from './labels';

export type ReduceOp = 'sum' | 'mean' | 'min' | 'max' | 'count' | 'median' | 'std' | 'var' | 'prod';

export interface ReduceOptions { skipna?: boolean; numericOnly?: boolean | null; ddof?: number }

/** A reduction's value and the dtype pandas gives it (int64 sum stays int64, mean is float64, ...). */
export interface Reduced { value: Scalar; dtype: DType }

const FLOAT_RESULT: ReadonlySet<ReduceOp> = new Set(['mean', 'median', 'std', 'var']);

/** Reduces one column; throws TypeError when pandas would (text that cannot be summed, averaged, compared). */
export function reduceColumn(c: Column, op: ReduceOp, opts: ReduceOptions = {}): Reduced {
  const skipna = opts.skipna ?? true;
  const n = colLength(c);
  if (op === 'count') {
    let k = 0;
    for (let i = 0; i < n; i++) if (!isMissing(c, i)) k++;
    return { value: k, dtype: 'int64' };
  }
  if (c.dtype === 'object') return reduceObjects(c.data, op, skipna);
  const filled = new Float64Array(n);
  let count = 0;
  let sawNaN = false;
  for (let i = 0; i < n; i++) {
    const x = Number(c.data[i]);
    if (Number.isNaN(x)) sawNaN = true; else { filled[i] = x; count++; }
  }
  const resultDtype: DType = FLOAT_RESULT.has(op) || c.dtype === 'float64' ? 'float64'
    : c.dtype === 'bool' && (op === 'min' || op === 'max') ? 'bool' : 'int64';
  if (sawNaN && !skipna) return { value: NaN, dtype: 'float64' };
  const value = zeroFilledReduce(filled, sawNaN ? naMask(c) : null, count, op, opts.ddof ?? 1);
  if (resultDtype === 'bool') return { value: value === 1, dtype: 'bool' };
  return { value, dtype: resultDtype };
}

/** numpy's pairwise summation (pairwise_sum_DOUBLE), so float sums round exactly as pandas' do. */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) r[j] = a[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** nanops on a column whose gaps (mask) are already 0, as pandas fills them before summing. */
function zeroFilledReduce(filled: Float64Array, mask: Uint8Array | null, count: number, op: ReduceOp, ddof: number): number {
  switch (op) {
    case 'sum': return pairwiseSum(filled);
    case 'mean': return count === 0 ? NaN : pairwiseSum(filled) / count;
    case 'std': case 'var': {
      if (count - ddof <= 0) return NaN;
      const avg = pairwiseSum(filled) / count;
      const sq = new Float64Array(filled.length);
      for (let i = 0; i < filled.length; i++) sq[i] = mask && mask[i] ? 0 : (avg - filled[i]) ** 2;
      const v = pairwiseSum(sq) / (count - ddof);
      return op === 'std' ? Math.sqrt(v) : v;
    }
    default: {
      const present: number[] = [];
      for (let i = 0; i < filled.length; i++) if (!mask || !mask[i]) present.push(filled[i]);
      return numericReduce(present, op, ddof);
    }
  }
}

export function numericReduce(xs: number[], op: ReduceOp, ddof: number): number {
  const n = xs.length;
  switch (op) {
    case 'sum': return pairwiseSum(xs);
    case 'prod': { let p = 1; for (const x of xs) p *= x; return p; }
    case 'mean': return n === 0 ? NaN : pairwiseSum(xs) / n;
    case 'min': return n === 0 ? NaN : xs.reduce((a, b) => (b < a ? b : a));
    case 'max': return n === 0 ? NaN : xs.reduce((a, b) => (b > a ? b : a));
    case 'median': {
      if (n === 0) return NaN;
      const s = Float64Array.from(xs).sort();
      return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
    case 'std': case 'var': {
      if (n - ddof <= 0) return NaN;
      const m = pairwiseSum(xs) / n;
      const v = pairwiseSum(xs.map((x) => (x - m) * (x - m))) / (n - ddof);
      return op === 'std' ? Math.sqrt(v) : v;
    }
    case 'count': return n;
    default: return op satisfies never;
  }
}

function reduceObjects(vals: readonly Scalar[], op: ReduceOp, skipna: boolean): Reduced {
  const hasNA = vals.some((v) => v === null || (typeof v === 'number' && Number.isNaN(v)));
  const strs = vals.filter((v) => typeof v === 'string') as string[];
  const allNums = vals.every((v) => typeof v === 'number' || typeof v === 'boolean' || v === null);
  if (allNums) {
    const xs = vals.filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v))).map(Number);
    if (hasNA && !skipna) return { value: NaN, dtype: 'float64' };
    return { value: numericReduce(xs, op, 1), dtype: 'float64' };
  }
  if ((op === 'sum' || op === 'min' || op === 'max') && strs.length === vals.length) {
    if (op === 'sum') return { value: strs.join(''), dtype: 'object' };
    const sorted = strs.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { value: op === 'min' ? sorted[0] : sorted[sorted.length - 1], dtype: 'object' };
  }
  if (op === 'sum' || op === 'prod') throw typeError('can only concatenate str (not "int") to str');
  if (op === 'min' || op === 'max') throw typeError(`'${op === 'min' ? '<=' : '>='}' not supported between instances of 'str' and 'float'`);
  // nanmean/nanvar sum first (gaps as 0): text with gaps fails there, whole text fails converting the sum.
  if (hasNA) throw typeError('can only concatenate str (not "int") to str');
  if (op === 'median') throw valueError(`could not convert string to float: ${pyRepr(strs[0])}`);
  throw typeError(`Could not convert ${vals.map(String).join('')} to numeric`);
}

/** The warning pandas 1.5 gives when numeric_only=None dropped columns; see [Note: nuisance columns]. */
export const deprecateDefaultWarning = (op: string): string =>
  `The default value of numeric_only in DataFrame.${op} is deprecated. In a future version, it will default to False. ` +
  "In addition, specifying 'numeric_only=None' is deprecated. Select only valid columns or specify the value of " +
  'numeric_only to silence this warning.';
export const NUISANCE_WARNING = "Dropping of nuisance columns in DataFrame reductions (with 'numeric_only=None') is " +
  'deprecated; in a future version this will raise TypeError.  Select only valid columns before calling the reduction.';

export interface FrameReduced { result: Series; warning?: string }

/** DataFrame.<op>(axis, skipna, numeric_only). */
export function reduceFrame(df: DataFrame, op: ReduceOp, axis: 0 | 1, opts: ReduceOptions = {}): FrameReduced {
  const numericOnly = opts.numericOnly ?? null;
  const numericPos = df.cols.map((c, i) => (c.dtype !== 'object' ? i : -1)).filter((i) => i >= 0);
  if (axis === 0) {
    const pos = numericOnly === true ? numericPos : df.cols.map((_, i) => i);
    const kept: number[] = [];
    const vals: Reduced[] = [];
    for (const i of pos) {
      try {
        vals.push(reduceColumn(df.cols[i], op, opts));
        kept.push(i);
      } catch (e) {
        if (numericOnly === null && e instanceof PyError && e.pyType === 'TypeError') continue;
        throw e;
      }
    }
    const dtype = vals.length === 0 ? (op === 'count' ? 'int64' : 'float64') : commonDType(vals.map((v) => v.dtype));
    const cells = vals.map((v) => v.value);
    const col = dtype === 'object' ? objectsFrom(cells, vals.map((v) => v.dtype === 'float64')) : fromValues(cells, dtype);
    const result = new Series(col, df.columns.take(kept).withName(undefined));
    const warning = numericOnly === null && kept.length !== pos.length ? deprecateDefaultWarning(op) : undefined;
    return { result, warning };
  }
  // axis=1: row by row over the chosen columns
  let pos = numericOnly === true ? numericPos : df.cols.map((_, i) => i);
  let warning: string | undefined;
  if (op !== 'count' && pos.some((i) => df.cols[i].dtype === 'object')) {
    if (numericOnly === false) throw typeError(`could not convert string to float`);
    pos = numericPos;
    warning = NUISANCE_WARNING;
  }
  const cols = pos.map((i) => df.cols[i]);
  const out: number[] = new Array(df.nrows);
  const row: Scalar[] = new Array(cols.length);
  const rowDtype = cols.length ? commonDType(cols.map((c) => (c.dtype === 'bool' || c.dtype === 'uint8' ? 'int64' : c.dtype))) : 'float64';
  const rowCol: Column = { dtype: 'object', data: row };
  let dtype: DType = 'float64';
  for (let r = 0; r < df.nrows; r++) {
    for (let k = 0; k < cols.length; k++) row[k] = getValue(cols[k], r);
    const red = op === 'count' ? reduceColumn(rowCol, 'count', opts) : reduceColumn(
      fromValues(row, rowDtype === 'object' ? 'float64' : rowDtype), op, opts);
    out[r] = Number(red.value);
    dtype = red.dtype === 'bool' ? 'bool' : red.dtype;
  }
  if (df.nrows === 0) dtype = op === 'count' ? 'int64' : 'float64';
  return { result: new Series(fromValues(out, dtype), df.index), warning };
}

/** Series.<op>(): a scalar, or pandas' TypeError for text that cannot be reduced. */
export function reduceSeries(s: Series, op: ReduceOp, opts: ReduceOptions = {}): Reduced {
  return reduceColumn(s.col, op, opts);
}

/** idxmax/idxmin: the label of the first extreme value, NaN when every value is missing. */
export function argExtreme(s: Series, which: 'max' | 'min', skipna = true): Scalar {
  if (s.dtype === 'object') throw typeError(`reduction operation 'arg${which}' not allowed for this dtype`);
  let best = -1;
  let bestVal = 0;
  for (let i = 0; i < s.length; i++) {
    const v = Number(getValue(s.col, i));
    if (Number.isNaN(v)) { if (!skipna) return NaN; continue; }
    if (best < 0 || (which === 'max' ? v > bestVal : v < bestVal)) { best = i; bestVal = v; }
  }
  return best < 0 ? NaN : s.index.at(best);
}

/** DataFrame.idxmax(): one label per column. */
export function frameArgExtreme(df: DataFrame, which: 'max' | 'min', axis: 0 | 1, skipna = true): Series {
  if (axis === 0) {
    const labels = df.cols.map((_, i) => argExtreme(df.column(i), which, skipna));
    return new Series(fromValues(labels, df.index.dtype), df.columns.withName(undefined));
  }
  const labels: Scalar[] = [];
  for (let r = 0; r < df.nrows; r++) labels.push(argExtreme(df.row(r), which, skipna));
  return new Series(fromValues(labels, df.columns.dtype), df.index);
}

export { Index };
