/**
 * @file The frame core as Python sees it (`from _divelab_js import frame`): plain functions over DataFrame/Series
 * handles. Python passes scalars, JS arrays (via to_js) and option objects; it gets back handles, JS arrays and
 * `[value, dtype]` pairs, since a JS number cannot say whether it was 3 or 3.0.
 *
 * JS `undefined` and `null` both arrive from Python's None; option objects treat either as "not given".
 */
import { valueError } from '../errors';
import { type Column, type DType, type Scalar, cast, colLength, fromValues, getValue, objectsFrom, repeat, values } from './column';
import {
  astypeFrame, dropLabels, dropSeries, dropnaFrame, dropnaSeries, fillnaFrame, fillnaSeries, getDummiesFrame,
  getDummiesSeries, isnaFrame, isnaSeries, valueCounts,
} from './clean';
import { readCsv } from './csv-read';
import { toCsv } from './csv-write';
import { describeFrame, describeSeries } from './describe';
import { frameRepr, indexRepr, seriesRepr } from './format';
import { DataFrame, Series, concatRows } from './frame';
import { frameHtml } from './html';
import { Index } from './labels';
import { type ReduceOp, argExtreme, frameArgExtreme, reduceFrame, reduceSeries } from './reduce';

type Opt<T> = T | null | undefined;
const given = <T>(v: Opt<T>): v is T => v !== null && v !== undefined;
const norm = (v: Scalar | undefined): Scalar => (v === undefined ? null : v);
const arr = (a: ArrayLike<Scalar | undefined>): Scalar[] => Array.from(a, norm);
/** Python's None travels as JS undefined both ways (JS null would arrive as pyodide's jsnull). */
const out = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const outs = (a: readonly (Scalar | undefined)[]): (Scalar | undefined)[] => a.map((v) => (v === null ? undefined : v));
const toMap = (keys: ArrayLike<Scalar>, vals: ArrayLike<Scalar>): Map<Scalar, Scalar> =>
  new Map(Array.from(keys, (k, i) => [norm(k), norm(vals[i])]));

function indexFrom(labels: Opt<ArrayLike<Scalar>>, n: number, dtype?: Opt<DType>, name?: Opt<Scalar>): Index {
  if (!given(labels)) return Index.range(n, 0, 1, given(name) ? name : undefined);
  const ls = arr(labels);
  if (ls.length !== n) throw valueError(`Length of values (${n}) does not match length of index (${ls.length})`);
  return Index.of(ls, given(name) ? name : undefined, given(dtype) ? dtype : undefined);
}

export const pyapi = {
  // construction
  readCsv: (bytes: Uint8Array, opts: Record<string, unknown>) => {
    const o: Record<string, unknown> = Object.fromEntries(Object.entries(opts ?? {}).filter(([, v]) => given(v)));
    if (o.header === -1) o.header = null;
    return readCsv(bytes, o);
  },
  column: (vals: ArrayLike<Scalar>, dtype: DType): Column => fromValues(arr(vals), dtype),
  /** An object column whose cells at floatPositions are Python floats (so 1.0 stays 1.0). */
  objectColumn: (vals: ArrayLike<Scalar>, floatPositions: ArrayLike<number>): Column => {
    const cells = arr(vals);
    const mark = new Array<boolean>(cells.length).fill(false);
    for (const i of Array.from(floatPositions)) mark[i] = true;
    return objectsFrom(cells, mark);
  },
  repeatColumn: (v: Scalar, n: number, dtype: DType): Column => repeat(norm(v), n, dtype),
  makeIndex: (labels: ArrayLike<Scalar>, dtype: Opt<DType>, name: Opt<Scalar>) =>
    Index.of(arr(labels), given(name) ? name : undefined, given(dtype) ? dtype : undefined),
  rangeIndex: (n: number, start: number, step: number, name: Opt<Scalar>) => Index.range(n, start, step, given(name) ? name : undefined),
  /** labelsKind: 'range' for 0..n-1 labels pandas would make a RangeIndex, else the labels' dtype. */
  makeFrame: (labels: ArrayLike<Scalar>, cols: ArrayLike<Column>, n: number, index: Opt<Index>, labelsKind: string) => {
    const ls = arr(labels);
    const columns = labelsKind === 'range' ? Index.range(ls.length) : Index.of(ls, undefined, labelsKind as DType);
    return new DataFrame(columns, Array.from(cols), given(index) ? index : Index.range(n));
  },
  makeSeries: (col: Column, index: Opt<Index>, name: Opt<Scalar>) =>
    new Series(col, given(index) ? index : Index.range(colLength(col)), given(name) ? name : undefined),

  // inspection
  shape: (df: DataFrame) => [df.nrows, df.ncols],
  dtypes: (df: DataFrame) => df.dtypes,
  columns: (df: DataFrame) => df.columns,
  index: (x: DataFrame | Series) => x.index,
  frameColumn: (df: DataFrame, i: number) => df.column(i),
  colPositions: (df: DataFrame, label: Scalar) => df.columns.positions(norm(label)),
  seriesDtype: (s: Series) => s.dtype,
  seriesName: (s: Series) => out(s.name ?? null),
  seriesLength: (s: Series) => s.length,
  seriesCol: (s: Series) => s.col,
  seriesValues: (s: Series) => outs(values(s.col)),
  /** Positions of an object series' integral floats (2.0), which arrive in Python as ints otherwise. */
  objectFloats: (s: Series) => {
    const f = s.col.dtype === 'object' ? s.col.floats : undefined;
    if (!f) return undefined;
    const out: number[] = [];
    f.forEach((b, i) => { if (b) out.push(i); });
    return out;
  },
  seriesAt: (s: Series, i: number) => out(getValue(s.col, i)),
  /** All cells row by row in the common dtype, and that dtype, for .values / to_numpy(). */
  frameValues: (df: DataFrame) => {
    const d = df.valuesDType();
    const cols = df.cols.map((c) => cast(c, d));
    const rows: (Scalar | undefined)[][] = [];
    for (let r = 0; r < df.nrows; r++) rows.push(outs(cols.map((c) => getValue(c, r))));
    return [rows, d];
  },
  /**
   * Numeric cells as one row-major Float64Array and their common dtype, for a fast .values (the tensor core
   * builds the array from it in one pass); undefined when the cells are objects.
   */
  flatValues: (x: DataFrame | Series) => {
    const cols = x instanceof DataFrame ? x.cols : [x.col];
    const d = x instanceof DataFrame ? x.valuesDType() : x.dtype;
    if (d === 'object') return undefined;
    const n = x instanceof DataFrame ? x.nrows : x.length;
    const m = cols.length;
    const flat = new Float64Array(n * m);
    cols.forEach((c, j) => { for (let r = 0; r < n; r++) flat[r * m + j] = Number(c.data[r]); });
    return [flat, d];
  },
  indexLabels: (ix: Index) => outs(ix.labels()),
  indexDtype: (ix: Index) => ix.dtype,
  indexName: (ix: Index) => out(ix.name ?? null),
  indexIsRange: (ix: Index) => (ix.range ? [ix.range.start, ix.range.start + ix.length * ix.range.step, ix.range.step] : undefined),
  indexPositions: (ix: Index, label: Scalar) => ix.positions(norm(label)),
  indexWithName: (ix: Index, name: Opt<Scalar>) => ix.withName(given(name) ? name : undefined),

  // selection
  selectCols: (df: DataFrame, pos: ArrayLike<number>) => df.selectCols(Array.from(pos)),
  sliceCols: (df: DataFrame, start: number, stop: number) => df.sliceCols(start, stop),
  takeRows: (x: DataFrame | Series, pos: ArrayLike<number>) => (x instanceof DataFrame ? x.takeRows(Array.from(pos)) : x.take(Array.from(pos))),
  sliceRows: (x: DataFrame | Series, start: number, stop: number) => (x instanceof DataFrame ? x.sliceRows(start, stop) : x.slice(start, stop)),
  frameRow: (df: DataFrame, i: number) => df.row(i),
  cell: (df: DataFrame, r: number, c: number) => [out(getValue(df.cols[c], r)), df.cols[c].dtype],
  setColumn: (df: DataFrame, label: Scalar, col: Column) => df.setColumn(norm(label), col),
  setIndex: (x: DataFrame | Series, ix: Index) => (x instanceof DataFrame ? x.withIndex(ix) : new Series(x.col, ix, x.name)),
  withName: (s: Series, name: Opt<Scalar>) => s.withName(given(name) ? name : undefined),
  withCol: (s: Series, col: Column) => s.withCol(col),
  concatRows: (a: DataFrame, b: DataFrame) => concatRows(a, b),
  renameColumns: (df: DataFrame, labels: ArrayLike<Scalar>) => new DataFrame(Index.of(arr(labels)), df.cols, df.index),

  // reductions
  reduceFrame: (df: DataFrame, op: ReduceOp, axis: 0 | 1, skipna: boolean, numericOnly: Opt<boolean>, ddof: number) => {
    const r = reduceFrame(df, op, axis, { skipna, numericOnly: given(numericOnly) ? numericOnly : null, ddof });
    return [r.result, r.warning];
  },
  reduceSeries: (s: Series, op: ReduceOp, skipna: boolean, ddof: number) => {
    const r = reduceSeries(s, op, { skipna, ddof });
    return [out(r.value), r.dtype];
  },
  argExtreme: (s: Series, which: 'max' | 'min', skipna: boolean) => [out(argExtreme(s, which, skipna)), s.index.dtype],
  frameArgExtreme: (df: DataFrame, which: 'max' | 'min', axis: 0 | 1, skipna: boolean) => frameArgExtreme(df, which, axis, skipna),

  // cleaning
  isna: (x: DataFrame | Series, not: boolean) => (x instanceof DataFrame ? isnaFrame(x, not) : isnaSeries(x, not)),
  dropnaFrame: (df: DataFrame, axis: 0 | 1, how: string, thresh: Opt<number>, subset: Opt<ArrayLike<Scalar>>) =>
    dropnaFrame(df, { axis, how, thresh: given(thresh) ? thresh : null, subset: given(subset) ? arr(subset) : null }),
  dropnaSeries: (s: Series) => dropnaSeries(s),
  fillnaScalar: (x: DataFrame | Series, v: Scalar) => (x instanceof DataFrame ? fillnaFrame(x, norm(v)) : fillnaSeries(x, norm(v))),
  fillnaMap: (x: DataFrame | Series, keys: ArrayLike<Scalar>, vals: ArrayLike<Scalar>) =>
    (x instanceof DataFrame ? fillnaFrame(x, toMap(keys, vals)) : fillnaSeries(x, toMap(keys, vals))),
  drop: (x: DataFrame | Series, labels: ArrayLike<Scalar>, axis: 0 | 1) =>
    (x instanceof DataFrame ? dropLabels(x, arr(labels), axis) : dropSeries(x, arr(labels))),
  getDummies: (x: DataFrame | Series, opts: Record<string, unknown>) => {
    const o = Object.fromEntries(Object.entries(opts ?? {}).filter(([, v]) => given(v)));
    return x instanceof DataFrame ? getDummiesFrame(x, o) : getDummiesSeries(x, o);
  },
  astypeFrame: (df: DataFrame, d: DType) => astypeFrame(df, d),
  astypeFrameMap: (df: DataFrame, keys: ArrayLike<Scalar>, ds: ArrayLike<DType>) =>
    astypeFrame(df, new Map(Array.from(keys, (k, i) => [norm(k), ds[i]]))),
  astypeSeries: (s: Series, d: DType) => s.withCol(cast(s.col, d)),
  valueCounts: (s: Series, dropna: boolean, normalize: boolean, ascending: boolean) => valueCounts(s, { dropna, normalize, ascending }),
  describe: (x: DataFrame | Series, include: Opt<'all'>) => (x instanceof DataFrame ? describeFrame(x, given(include) ? include : undefined) : describeSeries(x)),

  // output
  frameRepr: (df: DataFrame) => frameRepr(df),
  seriesRepr: (s: Series) => seriesRepr(s),
  indexRepr: (ix: Index) => indexRepr(ix),
  frameHtml: (df: DataFrame) => frameHtml(df),
  toCsv: (df: DataFrame, sep: string, index: boolean, header: boolean, naRep: string) => toCsv(df, { sep, index, header, naRep }),
  isFrame: (x: unknown) => x instanceof DataFrame,
};
