/**
 * @file DataFrame and Series: immutable columnar values. Operations return new objects; the Python facade gives
 * them pandas' mutable face (an in-place operation swaps the facade's handle), so nothing here aliases.
 */
import { keyError, valueError } from '../errors';
import {
  type Column, type DType, type Scalar, colLength, commonDType, concatCols, fromValues, getValue, isFloatCell, objectsFrom,
  sliceRows, take, values,
} from './column';
import { Index, pyRepr } from './labels';

export class Series {
  constructor(readonly col: Column, readonly index: Index, readonly name: Scalar | undefined = undefined) {
    if (colLength(col) !== index.length) {
      throw valueError(`Length of values (${colLength(col)}) does not match length of index (${index.length})`);
    }
  }
  get length(): number { return colLength(this.col); }
  get dtype(): DType { return this.col.dtype; }
  at(i: number): Scalar { return getValue(this.col, i); }
  withName(name: Scalar | undefined): Series { return new Series(this.col, this.index, name); }
  withCol(col: Column): Series { return new Series(col, this.index, this.name); }
  take(idx: ArrayLike<number>): Series { return new Series(take(this.col, idx), this.index.take(idx), this.name); }
  slice(start: number, stop: number): Series {
    return new Series(sliceRows(this.col, start, stop), this.index.slice(start, stop), this.name);
  }
  /** The value for a row label (a unique one). */
  get(label: Scalar): Scalar { return this.at(this.index.locate(label)); }
}

export class DataFrame {
  constructor(readonly columns: Index, readonly cols: readonly Column[], readonly index: Index) {
    for (const c of cols) {
      if (colLength(c) !== index.length) {
        throw valueError(`Length of values (${colLength(c)}) does not match length of index (${index.length})`);
      }
    }
    if (columns.length !== cols.length) {
      throw valueError(`${cols.length} columns passed, passed data had ${columns.length} columns`);
    }
  }

  get nrows(): number { return this.index.length; }
  get ncols(): number { return this.cols.length; }
  get dtypes(): DType[] { return this.cols.map((c) => c.dtype); }

  column(i: number): Series { return new Series(this.cols[i], this.index, this.columns.at(i)); }

  /** The position of column `label`, or pandas' KeyError. */
  colPos(label: Scalar): number {
    const p = this.columns.positions(label);
    if (!p) throw keyError(pyRepr(label));
    return p[0];
  }

  get(label: Scalar): Series { return this.column(this.colPos(label)); }

  selectCols(pos: readonly number[]): DataFrame {
    return new DataFrame(this.columns.take(pos), pos.map((p) => this.cols[p]), this.index);
  }

  sliceCols(start: number, stop: number): DataFrame {
    const pos: number[] = [];
    for (let i = start; i < stop; i++) pos.push(i);
    const cols = new Index(this.columns.take(pos).col, this.columns.name,
      this.columns.range ? { start: this.columns.range.start + start * this.columns.range.step, step: this.columns.range.step } : null);
    return new DataFrame(cols, pos.map((p) => this.cols[p]), this.index);
  }

  takeRows(idx: ArrayLike<number>): DataFrame {
    return new DataFrame(this.columns, this.cols.map((c) => take(c, idx)), this.index.take(idx));
  }

  sliceRows(start: number, stop: number): DataFrame {
    return new DataFrame(this.columns, this.cols.map((c) => sliceRows(c, start, stop)), this.index.slice(start, stop));
  }

  withIndex(index: Index): DataFrame { return new DataFrame(this.columns, this.cols, index); }

  /** Sets (or appends) a column by label, as `df[label] = values` does. */
  setColumn(label: Scalar, col: Column): DataFrame {
    const p = this.columns.positions(label);
    if (p) {
      const cols = this.cols.slice();
      for (const i of p) cols[i] = col;
      return new DataFrame(this.columns, cols, this.index);
    }
    const labels = [...this.columns.labels(), label];
    const columns = this.columns.range && typeof label === 'number' && label === this.columns.range.start + this.ncols * this.columns.range.step
      ? Index.range(labels.length, this.columns.range.start, this.columns.range.step, this.columns.name ?? undefined)
      : Index.of(labels, this.columns.name ?? undefined, this.columns.dtype === 'object' || typeof label === 'string' ? 'object' : undefined);
    return new DataFrame(columns, [...this.cols, col], this.index);
  }

  /** One row as a Series of the columns' common dtype (what df.iloc[i] gives). */
  row(i: number): Series {
    const d = commonDType(this.dtypes);
    const vals = this.cols.map((c) => getValue(c, i));
    const col = d === 'object' ? objectsFrom(vals, this.cols.map((c) => c.dtype === 'float64' || isFloatCell(c, i))) : fromValues(vals, d);
    return new Series(col, this.columns.withName(undefined), this.index.at(i));
  }

  /** All cells as one column-major list per column, in the common dtype (for .values). */
  valuesDType(): DType { return commonDType(this.dtypes); }
}

/** Stacks series side by side (same index) into a frame. */
export function frameFromSeries(series: readonly Series[], index: Index, columns?: Index): DataFrame {
  const cols = columns ?? Index.of(series.map((s) => s.name ?? null));
  return new DataFrame(cols, series.map((s) => s.col), index);
}

/** Appends the rows of b under a (same columns), as pd.concat does for two frames. */
export function concatRows(a: DataFrame, b: DataFrame): DataFrame {
  const cols = a.cols.map((c, i) => concatCols(c, b.cols[i]));
  const index = Index.of([...a.index.labels(), ...b.index.labels()], a.index.name);
  return new DataFrame(a.columns, cols, index);
}

export { values as columnValues };
