/**
 * @file Per-column type inference while a CSV streams in, as pandas' C parser decides: int64, else float64, else
 * bool, else object; a missing value turns int64 into float64 and bool into object.
 *
 * [Note: inference restart] A column is stored as numbers (or bools) until a field proves it is text. Going back
 * would need the original text of every earlier field ("007" stays "007" in an object column), which we do not
 * keep, so the builder throws Restart and the reader parses again with that column read as text. A column's type
 * nearly always shows in its first rows, so in practice this costs a re-parse of a few rows at most.
 */
import { PyError, valueError } from '../errors';
import { type Column, type DType, type Scalar, isIntText, parseNumber } from './column';

export class Restart {
  constructor(readonly column: number) {}
}

const TRUE_WORDS = new Set(['True', 'TRUE', 'true']);
const FALSE_WORDS = new Set(['False', 'FALSE', 'false']);

type State = 'empty' | 'int' | 'float' | 'bool' | 'object';

/**
 * Interns repeated strings (categories) so that a million rows of "Pave" share one string instead of holding a
 * slice of their chunk each. A column with many distinct values gains little and pays a hash lookup per row, so
 * interning switches itself off once a column shows more than MAX_DISTINCT distinct values.
 */
class Interner {
  private static readonly MAX_DISTINCT = 2048;
  private map: Map<string, string> | null = new Map();
  get(s: string): string {
    const map = this.map;
    if (map === null) return s;
    const hit = map.get(s);
    if (hit !== undefined) return hit;
    if (map.size >= Interner.MAX_DISTINCT) { this.map = null; return s; }
    map.set(s, s);
    return s;
  }
}

export interface NaRule {
  /** Texts that mean "missing". */
  readonly strings: ReadonlySet<string>;
  /** Numbers that mean "missing" (from numeric na_values), compared after parsing. */
  readonly numbers: ReadonlySet<number>;
}

export class ColumnBuilder {
  private state: State;
  private nums: Float64Array;
  private bools: Uint8Array | null = null;
  private objs: Scalar[] | null = null;
  private n = 0;
  private naCount = 0;
  private readonly interner = new Interner();

  constructor(
    readonly position: number,
    private readonly na: NaRule,
    /** The dtype the caller asked for (dtype=), or undefined to infer. */
    private readonly forced: DType | undefined,
    capacity: number,
  ) {
    this.state = forced === 'object' ? 'object' : 'empty';
    this.nums = new Float64Array(this.state === 'object' ? 0 : Math.max(16, capacity));
    if (this.state === 'object') this.objs = [];
  }

  push(s: string): void {
    if (this.na.strings.has(s)) { this.pushNA(); return; }
    switch (this.state) {
      case 'int': if (isIntText(s)) { this.pushNum(+s); return; } this.upgradeFromInt(s); return;
      case 'float': this.pushFloat(s); return;
      case 'object': this.objs!.push(this.interner.get(s)); this.n++; return;
      case 'bool': this.pushBool(s); return;
      case 'empty': this.first(s); return;
      default: this.state satisfies never;
    }
  }

  pushNA(): void {
    this.naCount++;
    if (this.state === 'object') this.objs!.push(NaN);
    else if (this.state === 'bool') this.pushBoolByte(2);
    else this.pushNum(NaN);
    if (this.forced === 'int64') throw valueError(`Integer column has NA values in column ${this.position}`);
  }

  private first(s: string): void {
    if (this.forced === 'bool' || (this.forced === undefined && (TRUE_WORDS.has(s) || FALSE_WORDS.has(s)))) {
      // Every earlier row was missing: bools with gaps end up as object anyway.
      this.state = 'bool';
      this.bools = new Uint8Array(this.nums.length);
      this.bools.fill(2, 0, this.n);
      this.pushBool(s);
      return;
    }
    if (isIntText(s) && this.forced !== 'float64') { this.state = 'int'; this.pushNum(+s); return; }
    const x = parseNumber(s);
    if (x !== undefined) { this.state = 'float'; this.pushNum(x); return; }
    if (this.forced !== undefined) throw badValue(this.forced, s);
    this.toObject();
    this.objs!.push(this.interner.get(s)); this.n++;
  }

  private upgradeFromInt(s: string): void {
    const x = parseNumber(s);
    if (x !== undefined && this.forced !== 'int64') { this.state = 'float'; this.pushNum(x); return; }
    if (this.forced !== undefined) throw badValue(this.forced, s);
    throw new Restart(this.position);
  }

  private pushFloat(s: string): void {
    const x = parseNumber(s);
    if (x !== undefined) {
      if (this.na.numbers.size && this.na.numbers.has(x)) { this.pushNA(); return; }
      this.pushNum(x);
      return;
    }
    if (this.forced !== undefined) throw badValue(this.forced, s);
    throw new Restart(this.position);
  }

  private pushBool(s: string): void {
    if (TRUE_WORDS.has(s)) this.pushBoolByte(1);
    else if (FALSE_WORDS.has(s)) this.pushBoolByte(0);
    else if (this.forced !== undefined) throw badValue(this.forced, s);
    else throw new Restart(this.position);
  }

  private pushBoolByte(b: number): void {
    if (this.n === this.bools!.length) {
      const grown = new Uint8Array(this.bools!.length * 2);
      grown.set(this.bools!);
      this.bools = grown;
    }
    this.bools![this.n++] = b;
  }

  private pushNum(x: number): void {
    if (this.n === this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    if (this.na.numbers.size && this.na.numbers.has(x)) { x = NaN; this.naCount++; }
    this.nums[this.n++] = x;
  }

  /** From all-missing so far to text: the earlier rows are NaN. */
  private toObject(): void {
    this.objs = new Array<Scalar>(this.n).fill(NaN);
    this.state = 'object';
    this.nums = new Float64Array(0);
  }

  /** The first n numbers, without a copy when the buffer is nearly full (the estimate of rows was good). */
  private numbers(): Float64Array {
    const n = this.n;
    return this.nums.length - n <= this.nums.length / 8 ? this.nums.subarray(0, n) : this.nums.slice(0, n);
  }

  finish(): Column {
    switch (this.state) {
      case 'empty':
        if (this.forced === 'object') return { dtype: 'object', data: new Array<Scalar>(this.n).fill(NaN) };
        // An all-missing column is float64; a column with no rows at all is object (header-only files).
        return this.n === 0 && this.forced === undefined
          ? { dtype: 'object', data: [] }
          : numColumn(this.forced === 'int64' ? 'int64' : 'float64', this.numbers());
      case 'int': return numColumn(this.forced ?? (this.naCount ? 'float64' : 'int64'), this.numbers());
      case 'float': return numColumn('float64', this.numbers());
      case 'bool': {
        const b = this.bools!.subarray(0, this.n);
        if (this.naCount === 0) return { dtype: 'bool', data: b.slice() };
        const data: Scalar[] = new Array(this.n);
        for (let i = 0; i < this.n; i++) data[i] = b[i] === 2 ? NaN : b[i] === 1;
        return { dtype: 'object', data };
      }
      case 'object': return { dtype: 'object', data: this.objs! };
      default: return this.state satisfies never;
    }
  }
}

function numColumn(d: DType, data: Float64Array): Column {
  if (d === 'int64') return { dtype: 'int64', data };
  if (d === 'uint8') return { dtype: 'uint8', data: Uint8Array.from(data) };
  if (d === 'bool') return { dtype: 'bool', data: Uint8Array.from(data, (x) => (x ? 1 : 0)) };
  return { dtype: 'float64', data };
}

function badValue(d: DType, s: string): PyError {
  if (d === 'int64' || d === 'uint8') return valueError(`invalid literal for int() with base 10: '${s}'`);
  if (d === 'bool') return valueError(`cannot safely convert passed user dtype of bool for object dtyped data in column 0`);
  return valueError(`could not convert string to float: '${s}'`);
}
