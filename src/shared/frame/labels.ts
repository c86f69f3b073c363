/**
 * @file Index: the row labels of a frame or series, and the column labels of a frame.
 *
 * A RangeIndex keeps start/step so that slicing keeps it a RangeIndex (as in pandas); selecting arbitrary rows
 * (drop, dropna, take) turns it into an Int64Index. Labels live in a Column, so they share dtypes with data.
 */
import { keyError } from '../errors';
import { type Column, type DType, type Scalar, colLength, fromValues, getValue, int64, sliceRows, take } from './column';

export interface RangeInfo { readonly start: number; readonly step: number }

export class Index {
  private lookup: Map<Scalar, number[]> | undefined;

  constructor(
    readonly col: Column,
    readonly name: Scalar | undefined = undefined,
    readonly range: RangeInfo | null = null,
  ) {}

  static range(n: number, start = 0, step = 1, name?: Scalar): Index {
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = start + i * step;
    return new Index(int64(d), name, { start, step });
  }

  /** Labels from JS values; all-integer labels make an Int64Index, strings an object Index. */
  static of(labels: readonly Scalar[], name?: Scalar, dtype?: DType): Index {
    const d = dtype ?? (labels.every((x) => typeof x === 'number' && Number.isInteger(x)) ? 'int64'
      : labels.every((x) => typeof x === 'number') ? 'float64' : 'object');
    return new Index(fromValues(labels, d), name);
  }

  get length(): number { return colLength(this.col); }
  get dtype(): DType { return this.col.dtype; }
  at(i: number): Scalar { return getValue(this.col, i); }
  labels(): Scalar[] { const out: Scalar[] = []; for (let i = 0; i < this.length; i++) out.push(this.at(i)); return out; }

  withName(name: Scalar | undefined): Index { return new Index(this.col, name, this.range); }

  take(idx: ArrayLike<number>): Index { return new Index(take(this.col, idx), this.name); }

  slice(start: number, stop: number): Index {
    const col = sliceRows(this.col, start, stop);
    if (!this.range) return new Index(col, this.name);
    return new Index(col, this.name, { start: this.range.start + start * this.range.step, step: this.range.step });
  }

  /** The positions that carry a label (all of them: labels may repeat). */
  positions(label: Scalar): number[] | undefined {
    if (!this.lookup) {
      this.lookup = new Map();
      for (let i = 0; i < this.length; i++) {
        const k = normKey(this.at(i));
        const hit = this.lookup.get(k);
        if (hit) hit.push(i); else this.lookup.set(k, [i]);
      }
    }
    return this.lookup.get(normKey(label));
  }

  /** Position of a unique label, or pandas' KeyError (its message is the label's repr). */
  locate(label: Scalar): number {
    const p = this.positions(label);
    if (!p) throw keyError(pyRepr(label));
    return p[0];
  }

  has(label: Scalar): boolean { return this.positions(label) !== undefined; }
}

/** 1 and 1.0 and True are the same dictionary key in Python; so they are here. */
const normKey = (v: Scalar): Scalar => (typeof v === 'boolean' ? Number(v) : v);

/** Python's repr of a scalar label, for KeyError messages and Index reprs. */
export function pyRepr(v: Scalar): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyFloatOrInt(v);
  return pyStrRepr(v);
}

function pyFloatOrInt(v: number): string {
  return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
}

/** Python's repr(float): shortest round-trip digits, like JS, but with Python's exponent and nan/inf spelling. */
export function pyFloatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const [mant, expText] = Math.abs(v).toExponential().split('e');
  const exp = Number(expText);
  const digits = mant.replace('.', '');
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    return `${sign}${whole}.${digits.slice(exp + 1) || '0'}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Python's repr(str): single quotes unless the text has a single quote and no double quote. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}
