/**
 * @file repr/print of DataFrame, Series and Index, byte for byte as pandas 1.5.3 prints them in a terminal
 * (which is how the goldens run): display.max_rows 60 (then min_rows 10 are shown), max_columns 0 (columns are
 * dropped from the middle until the table fits display.width 80), max_colwidth 50, precision 6.
 *
 * [Note: pandas header quirk] A column label gets a leading space when its column is numeric, but pandas pairs the
 * shown labels with the dtypes of the *untruncated* frame by position, so after horizontal truncation the right
 * half borrows dtypes from the left. We copy that, since the goal is identical text.
 */
import { type Column, type Scalar, isNumericOrBool, take } from './column';
import { DataFrame, Series } from './frame';
import { Index } from './labels';
import { adjoin, formatColumn, justify, makeFixedWidth, pprint } from './format-values';
import { indexRepr } from './format-index';

export interface DisplayOptions { maxRows: number; minRows: number; width: number }
export const DISPLAY: DisplayOptions = { maxRows: 60, minRows: 10, width: 80 };

/** Index.format(): labels as text (ints and strings as they are, floats through the float formatter). */
export function formatIndexLabels(ix: Index): string[] {
  if (ix.dtype === 'object') return ix.labels().map((v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : pprint(v)));
  const cells = formatColumn(ix.col, undefined);
  const trimmed = makeFixedWidth(cells, 'left');
  // trim_front: drop the leading blanks that every label shares
  let common = Infinity;
  for (const s of trimmed) common = Math.min(common, s.length - s.trimStart().length);
  return common > 0 && common !== Infinity ? trimmed.map((s) => s.slice(common)) : trimmed;
}

const nameText = (n: Scalar | undefined): string => (n === undefined || n === null ? '' : pprint(n));

function rowPlan(n: number, opts: DisplayOptions): { idx: number[] | null; half: number } {
  if (n <= opts.maxRows) return { idx: null, half: 0 };
  const shown = Math.min(opts.minRows, opts.maxRows);
  const half = Math.floor(shown / 2);
  const idx: number[] = [];
  for (let i = 0; i < half; i++) idx.push(i);
  for (let i = n - half; i < n; i++) idx.push(i);
  return { idx, half };
}

interface Shown { frame: DataFrame; rowHalf: number; colHalf: number; truncRows: boolean; truncCols: boolean }

function strCols(full: DataFrame, s: Shown): string[][] {
  const f = s.frame;
  const showIdxNames = f.index.name !== undefined && f.index.name !== null;
  const shownLabels = formatIndexLabels(f.columns);
  // [Note: pandas header quirk]
  const leadsp = new Map<string, boolean>();
  shownLabels.forEach((lab, i) => { if (i < full.ncols) leadsp.set(lab, isNumericOrBool(full.cols[i].dtype)); });
  const cols: string[][] = [];
  for (let i = 0; i < f.ncols; i++) {
    const header = [leadsp.get(shownLabels[i]) ? ' ' + shownLabels[i] : shownLabels[i]];
    if (showIdxNames) header.push('');
    const headerWidth = Math.max(...header.map((h) => h.length));
    const cells = makeFixedWidth(makeFixedWidth(formatColumn(f.cols[i], true), 'right'), 'right', headerWidth);
    const maxLen = Math.max(headerWidth, ...cells.map((c) => c.length));
    cols.push([...header.map((h) => justify(h, maxLen, 'right')), ...cells]);
  }
  const idxCells = makeFixedWidth(formatIndexLabels(f.index), 'left');
  const idxCol = showIdxNames ? ['', nameText(f.index.name), ...idxCells] : ['', ...idxCells];
  const nHeader = idxCol.length - f.nrows;
  if (s.truncCols) cols.splice(s.colHalf, 0, new Array(idxCol.length).fill(' ...'));
  const all = [idxCol, ...cols];
  if (s.truncRows) {
    all.forEach((col, ix) => {
      const isDot = s.truncCols && ix === s.colHalf + 1;
      let w = col[s.rowHalf].length;
      const dots = w > 3 || isDot ? '...' : '..';
      if (isDot) w = 4;
      col.splice(s.rowHalf + nHeader, 0, justify(dots, w, ix === 0 ? 'left' : 'right'));
    });
  }
  return all;
}

function shownFrame(df: DataFrame, rows: number[] | null, maxCols: number | null): Shown {
  let f = df;
  let colHalf = 0;
  let truncCols = false;
  if (maxCols !== null && df.ncols > maxCols) {
    colHalf = Math.floor(maxCols / 2);
    const pos: number[] = [];
    if (colHalf >= 1) {
      for (let i = 0; i < colHalf; i++) pos.push(i);
      for (let i = df.ncols - colHalf; i < df.ncols; i++) pos.push(i);
    } else {
      colHalf = maxCols;
      for (let i = 0; i < maxCols; i++) pos.push(i);
    }
    f = f.selectCols(pos);
    truncCols = true;
  }
  if (rows) f = new DataFrame(f.columns, f.cols.map((c: Column) => take(c, rows)), f.index.take(rows));
  return { frame: f, rowHalf: rows ? rows.length / 2 : 0, colHalf, truncCols, truncRows: rows !== null };
}

/** print(df) / repr(df). */
export function frameRepr(df: DataFrame, opts: DisplayOptions = DISPLAY): string {
  if (df.nrows === 0 || df.ncols === 0) {
    return `Empty DataFrame\nColumns: ${seqText(df.columns.labels())}\nIndex: ${seqText(df.index.labels())}`;
  }
  const plan = rowPlan(df.nrows, opts);
  let shown = shownFrame(df, plan.idx, null);
  let cols = strCols(df, shown);
  const lines = adjoin(1, cols).split('\n');
  const maxLen = Math.max(...lines.map((l) => l.length));
  // _fit_strcols_to_terminal_width: drop middle columns until the text fits.
  let adjDif = maxLen - opts.width + 1;
  const colLens = cols.map((c) => Math.max(...c.map((x) => x.length)));
  let keys = colLens.map((_, i) => i);
  while (adjDif > 0 && keys.length > 1) {
    const mid = pyRound(keys.length / 2);
    adjDif -= colLens[keys[mid]] + 1;
    keys = keys.filter((_, i) => i !== mid);
  }
  const fitted = Math.max(keys.length - 1, 2);
  if (df.ncols > fitted) {
    shown = shownFrame(df, plan.idx, fitted);
    cols = strCols(df, shown);
  }
  let text = adjoin(1, cols);
  if (shown.truncRows || shown.truncCols) text += `\n\n[${df.nrows} rows x ${df.ncols} columns]`;
  return text;
}

/** Python's round() for halves: to even. */
function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function seqText(labels: Scalar[]): string {
  return `[${labels.map((v) => (typeof v === 'number' && Number.isNaN(v) ? 'nan' : pprint(v))).join(', ')}]`;
}

/** repr(series). */
export function seriesRepr(s: Series, opts: DisplayOptions = DISPLAY): string {
  const dtypeName = s.dtype;
  const name = s.name === undefined || s.name === null ? '' : `Name: ${pprint(s.name)}`;
  const plan = rowPlan(s.length, opts);
  const parts = [name];
  if (plan.idx) parts.push(`Length: ${s.length}`);
  parts.push(`dtype: ${dtypeName}`);
  const footer = parts.filter((p) => p).join(', ');
  if (s.length === 0) return `Series([], ${footer})`;
  const t = plan.idx ? s.take(plan.idx) : s;
  const values = makeFixedWidth(formatColumn(t.col, true), 'right');
  const index = formatIndexLabels(t.index);
  if (plan.idx) {
    const w = values[plan.half - 1].length;
    values.splice(plan.half, 0, justify(w > 3 ? '...' : '..', w, 'center'));
    index.splice(plan.half, 0, '');
  }
  let text = adjoin(3, [index, values]);
  if (t.index.name !== undefined && t.index.name !== null) text = nameText(t.index.name) + '\n' + text;
  return text + '\n' + footer;
}

export { indexRepr };
