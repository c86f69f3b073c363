/**
 * @file Per-column facts for the dataset panel: dtype, missing count and share, distinct values, and either
 * min/mean/max with a small histogram (numbers) or the most frequent values (text).
 */
import { type Column, type Scalar, colLength, getValue, isNA } from '../../../shared/frame/column';
import { DataFrame } from '../../../shared/frame/frame';
import { formatColumn } from '../../../shared/frame/format-values';

export interface ColumnStats {
  name: string;
  dtype: string;
  missing: number;
  missingShare: number;
  unique: number;
  /** Numbers: min, mean, max and 10 histogram bins over [min, max]. */
  numeric?: { min: number; mean: number; max: number; bins: number[] };
  /** Text: up to 3 most frequent values with their counts. */
  top?: { value: string; count: number }[];
}

export interface FrameSummary {
  nrows: number;
  ncols: number;
  columns: ColumnStats[];
}

const BINS = 10;

export function columnStats(name: string, c: Column): ColumnStats {
  const n = colLength(c);
  let missing = 0;
  const counts = new Map<Scalar, number>();
  const numeric = c.dtype !== 'object' && c.dtype !== 'bool';
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = getValue(c, i);
    if (isNA(v)) { missing++; continue; }
    if (counts.size < 1_000_000) counts.set(v, (counts.get(v) ?? 0) + 1);
    if (numeric) {
      const x = v as number;
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
    }
  }
  const present = n - missing;
  const stats: ColumnStats = { name, dtype: c.dtype, missing, missingShare: n ? missing / n : 0, unique: counts.size };
  if (numeric && present > 0) {
    const bins = new Array<number>(BINS).fill(0);
    const width = (max - min) / BINS;
    for (let i = 0; i < n; i++) {
      const x = Number(getValue(c, i));
      if (Number.isNaN(x)) continue;
      bins[width > 0 ? Math.min(BINS - 1, Math.floor((x - min) / width)) : 0]++;
    }
    stats.numeric = { min, mean: sum / present, max, bins };
  } else if (!numeric) {
    stats.top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([value, count]) => ({ value: String(value), count }));
  }
  return stats;
}

export function summarize(df: DataFrame): FrameSummary {
  return {
    nrows: df.nrows,
    ncols: df.ncols,
    columns: df.cols.map((c, i) => columnStats(String(df.columns.at(i)), c)),
  };
}

/** Rows [start, start+count) as display text, formatted per column as pandas prints cells. */
export function rowsText(df: DataFrame, start: number, count: number): string[][] {
  const stop = Math.min(df.nrows, start + count);
  if (stop <= start) return [];
  const part = df.sliceRows(start, stop);
  const cols = part.cols.map((c) => formatColumn(c, false).map((s) => s.trim()));
  const labels = part.index.labels().map((l) => String(l));
  const rows: string[][] = [];
  for (let r = 0; r < stop - start; r++) rows.push([labels[r], ...cols.map((c) => c[r])]);
  return rows;
}
