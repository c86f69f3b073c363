/**
 * @file repr(Index) as pandas 1.5 writes it: `Index(['a', 'b'], dtype='object')`, `RangeIndex(start=0, stop=4,
 * step=1)`, `Int64Index([1, 3], dtype='int64', name='a')`, with format_object_summary's line wrapping at 80.
 */
import { type Scalar } from './column';
import { Index, pyFloatRepr, pyRepr } from './labels';

const WIDTH = 80;
const MAX_SEQ_ITEMS = 100;

export function indexClassName(ix: Index): string {
  if (ix.range) return 'RangeIndex';
  if (ix.dtype === 'int64') return 'Int64Index';
  if (ix.dtype === 'uint8') return 'UInt64Index';
  if (ix.dtype === 'float64') return 'Float64Index';
  return 'Index';
}

const labelRepr = (v: Scalar): string => (typeof v === 'number' && !Number.isInteger(v) ? pyFloatRepr(v) : pyRepr(v));

export function indexRepr(ix: Index): string {
  const klass = indexClassName(ix);
  const nameAttr = ix.name === undefined || ix.name === null ? '' : `, name=${pyRepr(ix.name)}`;
  if (ix.range) {
    const stop = ix.range.start + ix.length * ix.range.step;
    return `${klass}(start=${ix.range.start}, stop=${stop}, step=${ix.range.step}${nameAttr})`;
  }
  const labels = ix.labels();
  const isString = labels.length > 0 && labels.every((v) => typeof v === 'string');
  const floatDtype = ix.dtype === 'float64';
  const fmt = (v: Scalar): string => (floatDtype && typeof v === 'number' ? pyFloatRepr(v) : labelRepr(v));
  const data = objectSummary(labels.map(fmt), !isString, klass);
  const attrs = [`dtype='${ix.dtype}'`];
  if (nameAttr) attrs.push(nameAttr.slice(2));
  if (labels.length > MAX_SEQ_ITEMS) attrs.push(`length=${labels.length}`);
  return `${klass}(${data}${attrs.join(', ')})`;
}

/** pandas.io.formats.printing.format_object_summary without line_break_each_value. */
function objectSummary(items: string[], isJustify: boolean, name: string): string {
  const space1 = '\n' + ' '.repeat(name.length + 1);
  const space2 = '\n' + ' '.repeat(name.length + 2);
  const n = items.length;
  if (n === 0) return '[], ';
  if (n === 1) return `[${items[0]}], `;
  if (n === 2) return `[${items[0]}, ${items[1]}], `;
  const truncated = n > MAX_SEQ_ITEMS;
  let head: string[] = [];
  let tail: string[];
  if (truncated) {
    const k = Math.min(Math.floor(MAX_SEQ_ITEMS / 2), 10);
    head = items.slice(0, k);
    tail = items.slice(n - k);
  } else {
    tail = items;
  }
  if (isJustify && (truncated || !(head.join(', ').length < WIDTH && tail.join(', ').length < WIDTH))) {
    const w = Math.max(0, ...head.map((x) => x.length), ...tail.map((x) => x.length));
    head = head.map((x) => x.padStart(w));
    tail = tail.map((x) => x.padStart(w));
  }
  let summary = '';
  let line = space2;
  const extend = (value: string, width: number): void => {
    if (line.trimEnd().length + value.trimEnd().length >= width) {
      summary += line.trimEnd();
      line = space2;
    }
    line += value;
  };
  for (const h of head) extend(h + ', ', WIDTH);
  if (truncated) { summary += line.trimEnd() + space2 + '...'; line = space2; }
  for (let i = 0; i < tail.length - 1; i++) extend(tail[i] + ', ', WIDTH);
  extend(tail[tail.length - 1], WIDTH - 2);
  summary += line + '],';
  summary += summary.length > WIDTH ? space1 : ' ';
  return '[' + summary.slice(space2.length);
}
