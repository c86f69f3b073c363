/**
 * @file Cell text as pandas 1.5 prints it (pandas/io/formats/format.py): one formatter per dtype, then a column is
 * made fixed-width. The rules that matter for students' tables:
 * - floats use 6 decimals, then trailing zeros are trimmed from the whole column together (3.0 / 2.5 / 137900.0);
 *   a column switches to e-notation when a value is tinier than 1e-6, or wider than 12 characters and above 1e6;
 * - every cell gets a leading space (a sign slot), NaN included;
 * - text longer than display.max_colwidth (50) is cut to 47 characters and "...".
 */
import { type Column, type Scalar, colLength, getValue } from './column';
import { pyFloatRepr } from './labels';

export const DIGITS = 6;
export const MAX_COLWIDTH = 50;

/** Python's format(x, ' .{d}f'): a space or minus sign, then fixed notation. */
export function fmtFixed(x: number, d: number, leadingSpace: boolean): string {
  if (Number.isNaN(x)) return (leadingSpace ? ' ' : '') + 'nan';
  if (!Number.isFinite(x)) return x > 0 ? (leadingSpace ? ' inf' : 'inf') : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  const body = Math.abs(x) < 1e21 ? Math.abs(x).toFixed(d) : bigFixed(Math.abs(x), d);
  return (neg ? '-' : leadingSpace ? ' ' : '') + body;
}

function bigFixed(x: number, d: number): string {
  return BigInt(x).toString() + (d > 0 ? '.' + '0'.repeat(d) : '');
}

/** Python's format(x, ' .{d}e'): at least two exponent digits. */
export function fmtExp(x: number, d: number, leadingSpace: boolean): string {
  if (!Number.isFinite(x)) return fmtFixed(x, d, leadingSpace);
  const neg = x < 0 || Object.is(x, -0);
  const [m, e] = Math.abs(x).toExponential(d).split('e');
  const exp = Number(e);
  return `${neg ? '-' : leadingSpace ? ' ' : ''}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

const NUMBER_WITH_DECIMAL = /^\s*[+-]?[0-9]+\.[0-9]*$/;

/** pandas' _trim_zeros_float: drop trailing zeros from all numbers at once, keeping one digit after the point. */
export function trimZerosFloat(strs: string[]): string[] {
  let out = strs;
  const shouldTrim = (vals: string[]): boolean => {
    const nums = vals.filter((x) => NUMBER_WITH_DECIMAL.test(x));
    return nums.length > 0 && nums.every((x) => x.endsWith('0'));
  };
  while (shouldTrim(out)) out = out.map((x) => (NUMBER_WITH_DECIMAL.test(x) ? x.slice(0, -1) : x));
  return out.map((x) => (NUMBER_WITH_DECIMAL.test(x) && x.endsWith('.') ? x + '0' : x));
}

/** pandas' _trim_zeros_single_float. */
export function trimZerosSingle(s: string): string {
  let x = s.replace(/0+$/, '');
  if (x.endsWith('.')) x += '0';
  return x;
}

/** Float column cells (FloatArrayFormatter.get_result_as_array with fixed width). */
export function formatFloats(vals: ArrayLike<number>, leadingSpace: boolean, naRep = 'NaN'): string[] {
  const n = vals.length;
  const withFmt = (f: (x: number) => string): string[] => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = Number.isNaN(vals[i]) ? naRep : f(vals[i]);
    return trimZerosFloat(out);
  };
  let out = withFmt((x) => fmtFixed(x, DIGITS, leadingSpace));
  let maxlen = 0;
  let hasLarge = false;
  let hasSmall = false;
  for (let i = 0; i < n; i++) {
    maxlen = Math.max(maxlen, out[i].length);
    const a = Math.abs(vals[i]);
    if (a > 1e6) hasLarge = true;
    if (a < 10 ** -DIGITS && a > 0) hasSmall = true;
  }
  const tooLong = maxlen > DIGITS + 6;
  if (hasSmall || (tooLong && hasLarge)) out = withFmt((x) => fmtExp(x, DIGITS, leadingSpace));
  return out;
}

/** pprint_thing for a cell: the text with tabs and line breaks escaped. */
export function pprint(v: Scalar): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  return v.replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Object column cells (GenericArrayFormatter._format_strings); `floats` marks integral floats (2.0). */
export function formatObjects(vals: readonly Scalar[], leadingSpace: boolean | undefined, naRep = 'NaN', floats?: Uint8Array): string[] {
  const isFloat = (v: Scalar, i: number): boolean =>
    typeof v === 'number' && !Number.isNaN(v) && (!Number.isInteger(v) || floats?.[i] === 1);
  const lead = leadingSpace ?? vals.some(isFloat);
  return vals.map((v, i) => {
    if (isFloat(v, i)) return trimZerosSingle(fmtFixed(v as number, DIGITS, true));
    const text = v === null ? 'None' : typeof v === 'number' && Number.isNaN(v) ? naRep : pprint(v);
    return lead === false ? text : ' ' + text;
  });
}

/** format_array: the cells of a column, not yet fixed-width. */
export function formatColumn(c: Column, leadingSpace: boolean | undefined): string[] {
  const n = colLength(c);
  switch (c.dtype) {
    case 'float64': return formatFloats(c.data, leadingSpace === true);
    case 'int64': case 'uint8': {
      const out: string[] = new Array(n);
      const lead = leadingSpace === false ? '' : ' ';
      for (let i = 0; i < n; i++) {
        const x = c.data[i];
        out[i] = x < 0 ? String(x) : lead + (Math.abs(x) < 1e21 ? String(x) : BigInt(x).toString());
      }
      return out;
    }
    case 'bool': case 'object': {
      const vals: Scalar[] = new Array(n);
      for (let i = 0; i < n; i++) vals[i] = getValue(c, i);
      return formatObjects(vals, leadingSpace, 'NaN', c.dtype === 'object' ? c.floats : undefined);
    }
    default: return c satisfies never;
  }
}

export type Justify = 'left' | 'right' | 'center';

/** Python's str.ljust / rjust / center (center puts the odd space where CPython does). */
export function justify(s: string, width: number, mode: Justify): string {
  const marg = width - s.length;
  if (marg <= 0) return s;
  if (mode === 'left') return s + ' '.repeat(marg);
  if (mode === 'right') return ' '.repeat(marg) + s;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return ' '.repeat(left) + s + ' '.repeat(marg - left);
}

/** pandas' _make_fixed_width: pad to a common width, cutting cells wider than max_colwidth. */
export function makeFixedWidth(strs: string[], mode: Justify, minimum = 0): string[] {
  if (strs.length === 0) return strs;
  let maxLen = Math.max(minimum, ...strs.map((x) => x.length));
  if (maxLen > MAX_COLWIDTH) maxLen = MAX_COLWIDTH;
  return strs.map((x) => justify(x.length > maxLen ? x.slice(0, maxLen - 3) + '...' : x, maxLen, mode));
}

/** pandas' adjoin: glue columns of lines side by side, `space` blanks apart. */
export function adjoin(space: number, cols: string[][]): string {
  const lengths = cols.map((c, i) => Math.max(0, ...c.map((x) => x.length)) + (i < cols.length - 1 ? space : 0));
  const rows = Math.max(...cols.map((c) => c.length));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let i = 0; i < cols.length; i++) line += justify(cols[i][r] ?? '', lengths[i], 'left');
    lines.push(line);
  }
  return lines.join('\n');
}
