/**
 * @file A column of a DataFrame or Series: one dtype, one flat store. Numeric columns are typed arrays; only
 * `object` columns hold JS values, one per row.
 *
 * [Note: frame int64] As in the tensor core (see [Note: int64 storage]), int64 values live in a Float64Array and are
 * exact up to 2^53. Missing values: NaN in float64 and object columns; int64, uint8 and bool columns cannot hold
 * them, which is why pandas turns an int column with a gap into float64 (and a bool one into object).
 */
import { PyError, typeError } from '../errors';

export type DType = 'float64' | 'int64' | 'uint8' | 'bool' | 'object';

/** One cell as JS sees it: null is Python's None; NaN is pandas' missing value. */
export type Scalar = number | string | boolean | null;

export type Column =
  | { readonly dtype: 'float64' | 'int64'; readonly data: Float64Array }
  | { readonly dtype: 'uint8' | 'bool'; readonly data: Uint8Array }
  /** `floats` marks cells that are Python floats with integral values (2.0), which JS numbers cannot tell from 2. */
  | { readonly dtype: 'object'; readonly data: Scalar[]; readonly floats?: Uint8Array };

export const isNumeric = (d: DType): boolean => d === 'float64' || d === 'int64' || d === 'uint8';
/** pandas' is_numeric_dtype: bool counts as numeric for reductions and header padding. */
export const isNumericOrBool = (d: DType): boolean => d !== 'object';

export const float64 = (data: Float64Array): Column => ({ dtype: 'float64', data });
export const int64 = (data: Float64Array): Column => ({ dtype: 'int64', data });
export const objects = (data: Scalar[]): Column => ({ dtype: 'object', data });

export function colLength(c: Column): number {
  return c.data.length;
}

/** The value at row i, as Python will see it (bool columns give booleans). */
export function getValue(c: Column, i: number): Scalar {
  if (c.dtype === 'bool') return c.data[i] === 1;
  return c.data[i];
}

export const isNA = (v: Scalar): boolean => v === null || (typeof v === 'number' && Number.isNaN(v));

export function isMissing(c: Column, i: number): boolean {
  if (c.dtype === 'float64') return Number.isNaN(c.data[i]);
  if (c.dtype === 'object') return isNA(c.data[i]);
  return false;
}

/** A missing-value mask as 0/1 bytes. */
export function naMask(c: Column): Uint8Array {
  const n = colLength(c);
  const m = new Uint8Array(n);
  if (c.dtype === 'float64') for (let i = 0; i < n; i++) m[i] = Number.isNaN(c.data[i]) ? 1 : 0;
  else if (c.dtype === 'object') for (let i = 0; i < n; i++) m[i] = isNA(c.data[i]) ? 1 : 0;
  return m;
}

export function values(c: Column): Scalar[] {
  const out: Scalar[] = new Array(colLength(c));
  for (let i = 0; i < out.length; i++) out[i] = getValue(c, i);
  return out;
}

/** Rows at the given positions, same dtype. */
export function take(c: Column, idx: ArrayLike<number>): Column {
  const n = idx.length;
  switch (c.dtype) {
    case 'float64': case 'int64': {
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = c.data[idx[i]];
      return { dtype: c.dtype, data: d };
    }
    case 'uint8': case 'bool': {
      const d = new Uint8Array(n);
      for (let i = 0; i < n; i++) d[i] = c.data[idx[i]];
      return { dtype: c.dtype, data: d };
    }
    case 'object': {
      const d: Scalar[] = new Array(n);
      for (let i = 0; i < n; i++) d[i] = c.data[idx[i]];
      const floats = c.floats ? Uint8Array.from(idx, (i) => c.floats![i]) : undefined;
      return { dtype: 'object', data: d, floats };
    }
    default: return c satisfies never;
  }
}

export function sliceRows(c: Column, start: number, stop: number): Column {
  switch (c.dtype) {
    case 'float64': case 'int64': return { dtype: c.dtype, data: c.data.slice(start, stop) };
    case 'uint8': case 'bool': return { dtype: c.dtype, data: c.data.slice(start, stop) };
    case 'object': return { dtype: 'object', data: c.data.slice(start, stop), floats: c.floats?.slice(start, stop) };
    default: return c satisfies never;
  }
}

export function concatCols(a: Column, b: Column): Column {
  if (a.dtype === b.dtype) {
    if (a.dtype === 'object') return objects([...a.data, ...(b.data as Scalar[])]);
    const Ctor = a.data instanceof Float64Array ? Float64Array : Uint8Array;
    const d = new Ctor(a.data.length + b.data.length);
    d.set(a.data); d.set(b.data as never, a.data.length);
    return { dtype: a.dtype, data: d } as Column;
  }
  return fromValues([...values(a), ...values(b)], commonDType([a.dtype, b.dtype]));
}

/**
 * The dtype that holds values of several dtypes, as numpy's find_common_type does for DataFrame.values:
 * numbers widen to float64 (int64 with uint8 stays int64), anything with bool or object becomes object.
 */
export function commonDType(ds: readonly DType[]): DType {
  if (ds.length === 0) return 'object';
  if (ds.every((d) => d === ds[0])) return ds[0];
  if (ds.some((d) => d === 'object' || d === 'bool')) return 'object';
  return ds.includes('float64') ? 'float64' : 'int64';
}

/** A column of dtype d from JS values (numbers, booleans, strings, null); the caller has chosen d. */
export function fromValues(vals: readonly Scalar[], d: DType): Column {
  const n = vals.length;
  switch (d) {
    case 'float64': case 'int64': {
      const data = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        data[i] = v === null ? NaN : typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : NaN;
      }
      return { dtype: d, data };
    }
    case 'uint8': case 'bool': {
      const data = new Uint8Array(n);
      for (let i = 0; i < n; i++) data[i] = Number(vals[i]);
      return { dtype: d, data };
    }
    case 'object': return objects(vals.slice());
    default: return d satisfies never;
  }
}

/** A column filled with one value (used for scalar column assignment). */
export function repeat(v: Scalar, n: number, d: DType): Column {
  return fromValues(new Array<Scalar>(n).fill(v), d);
}

/** Object cells of mixed-dtype sources, marking the ones that came from float64 sources (see Column.floats). */
export function objectsFrom(vals: Scalar[], fromFloat: ArrayLike<boolean>): Column {
  let floats: Uint8Array | undefined;
  for (let i = 0; i < vals.length; i++) {
    if (fromFloat[i] && typeof vals[i] === 'number') (floats ??= new Uint8Array(vals.length))[i] = 1;
  }
  return { dtype: 'object', data: vals, floats };
}

/** Whether object cell i is a float (a non-integral number, or one marked as float). */
export function isFloatCell(c: Column, i: number): boolean {
  const v = c.data[i];
  if (typeof v !== 'number' || Number.isNaN(v)) return false;
  return !Number.isInteger(v) || (c.dtype === 'object' && c.floats !== undefined && c.floats[i] === 1);
}

/** Same values in dtype d; used by astype and when pandas upcasts. Raises pandas' errors for impossible casts. */
export function cast(c: Column, d: DType): Column {
  if (c.dtype === d) return c;
  const n = colLength(c);
  if (d === 'object') return c.dtype === 'float64' ? objectsFrom(values(c), new Array(colLength(c)).fill(true)) : objects(values(c));
  if (d === 'float64') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = getValue(c, i);
      out[i] = typeof v === 'string' ? parseFloatStrict(v) : v === null ? NaN : Number(v);
    }
    return float64(out);
  }
  if (d === 'bool') {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = getValue(c, i);
      out[i] = typeof v === 'string' ? (v.length > 0 ? 1 : 0) : v === null ? 0 : (v as number | boolean) ? 1 : 0;
    }
    return { dtype: 'bool', data: out };
  }
  // int64 and uint8
  const out = d === 'int64' ? new Float64Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = getValue(c, i);
    let x = typeof v === 'string' ? parseIntStrict(v) : v === null ? NaN : Number(v);
    if (!Number.isFinite(x)) throw new PyError('pandas.errors.IntCastingNaNError', 'Cannot convert non-finite values (NA or inf) to integer');
    x = Math.trunc(x);
    out[i] = d === 'uint8' ? ((x % 256) + 256) % 256 : x;
  }
  return { dtype: d, data: out } as Column;
}

function parseFloatStrict(s: string): number {
  const x = parseNumber(s);
  if (x === undefined) throw new PyError('ValueError', `could not convert string to float: '${s}'`);
  return x;
}

function parseIntStrict(s: string): number {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new PyError('ValueError', `invalid literal for int() with base 10: '${s}'`);
  return Number(t);
}

/**
 * A number as pandas' C parser reads a field: optional spaces and sign, digits with an optional fraction and
 * exponent, or inf/infinity in any case. Anything else (hex, underscores, "1e") is not a number.
 * Returns undefined when the text is not a number.
 */
export function parseNumber(s: string): number | undefined {
  let i = 0;
  let n = s.length;
  while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  while (n > i && (s.charCodeAt(n - 1) === 32 || s.charCodeAt(n - 1) === 9)) n--;
  const start = i;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) { digits++; c = s.charCodeAt(++i); }
  if (c === 46) {
    c = s.charCodeAt(++i);
    while (c >= 48 && c <= 57) { digits++; c = s.charCodeAt(++i); }
  }
  if (digits === 0) {
    const word = s.slice(i, n).toLowerCase();
    if (word === 'inf' || word === 'infinity') return s.charCodeAt(start) === 45 ? -Infinity : Infinity;
    return undefined;
  }
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    let e = 0;
    while (c >= 48 && c <= 57) { e++; c = s.charCodeAt(++i); }
    if (e === 0) return undefined;
  }
  if (i !== n) return undefined;
  return start === 0 && n === s.length ? +s : +s.slice(start, n);
}

/** True when s is an integer as pandas' int64 converter accepts it (spaces, sign, digits). */
export function isIntText(s: string): boolean {
  let i = 0;
  let n = s.length;
  while (i < n && s.charCodeAt(i) === 32) i++;
  while (n > i && s.charCodeAt(n - 1) === 32) n--;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  if (i >= n) return false;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function checkSameLength(a: number, b: number): void {
  if (a !== b) throw typeError(`length mismatch: ${a} vs ${b}`);
}
