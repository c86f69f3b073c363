/** @file to_csv: a frame as CSV text, as pandas 1.5 writes it (index first, QUOTE_MINIMAL, floats as repr, NaN empty). */
import { type Scalar, getValue, isNA } from './column';
import { DataFrame } from './frame';
import { pyFloatRepr } from './labels';

export interface ToCsvOptions { sep?: string; index?: boolean; header?: boolean; naRep?: string; lineTerminator?: string }

function cellText(v: Scalar, isFloat: boolean, naRep: string): string {
  if (isNA(v)) return naRep;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return isFloat || !Number.isInteger(v) ? pyFloatRepr(v) : String(v);
  return String(v);
}

function quote(s: string, sep: string): string {
  if (s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r')) return '"' + s.replace(/"/g, '""') + '"';
  return s;
}

export function toCsv(df: DataFrame, o: ToCsvOptions = {}): string {
  const sep = o.sep ?? ',';
  const nl = o.lineTerminator ?? '\n';
  const naRep = o.naRep ?? '';
  const withIndex = o.index ?? true;
  const lines: string[] = [];
  if (o.header ?? true) {
    const head = df.columns.labels().map((l) => quote(cellText(l, false, ''), sep));
    const indexName = df.index.name == null ? '' : quote(cellText(df.index.name, false, ''), sep);
    lines.push((withIndex ? [indexName, ...head] : head).join(sep));
  }
  const floatIndex = df.index.dtype === 'float64';
  for (let r = 0; r < df.nrows; r++) {
    const cells: string[] = withIndex ? [quote(cellText(df.index.at(r), floatIndex, naRep), sep)] : [];
    for (const c of df.cols) cells.push(quote(cellText(getValue(c, r), c.dtype === 'float64', naRep), sep));
    lines.push(cells.join(sep));
  }
  return lines.join(nl) + nl;
}
