/**
 * @file Tensor printing, line for line PyTorch 1.13's torch/_tensor_str.py (the oracle): the _Formatter's
 * int/sci/fixed mode choice, widths, vector wrapping, summarisation and suffixes.
 */
import { getDefaultDtype, isFloating, type DType } from './dtype';
import { formatExp, formatFixed, formatInt } from './pyformat';
import type { Tensor } from './tensor';

export interface PrintOptions { precision: number; threshold: number; edgeitems: number; linewidth: number; sciMode: boolean | null }

const DEFAULTS: PrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sciMode: null };
export const PRINT_OPTS: PrintOptions = { ...DEFAULTS };

/** torch.set_printoptions; like PyTorch, sci_mode is always overwritten (None restores automatic choice). */
export function setPrintOptions(o: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' | null }): void {
  if (o.profile === 'default') Object.assign(PRINT_OPTS, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
  else if (o.profile === 'short') Object.assign(PRINT_OPTS, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
  else if (o.profile === 'full') Object.assign(PRINT_OPTS, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
  for (const k of ['precision', 'threshold', 'edgeitems', 'linewidth'] as const) {
    const v = o[k];
    if (v !== undefined && v !== null) PRINT_OPTS[k] = v;
  }
  PRINT_OPTS.sciMode = o.sciMode ?? null;
}

/** PyTorch's _Formatter: decides int mode / sci mode and the common width from the (summarised) values. */
class Formatter {
  readonly floating: boolean;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(values: readonly number[], readonly dtype: DType) {
    this.floating = isFloating(dtype);
    const p = PRINT_OPTS.precision;
    if (!this.floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, this.plain(v).length);
      return;
    }
    const vals = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (vals.length === 0) return; // PyTorch returns before applying sci_mode here too
    let min = Infinity, max = 0;
    for (const v of vals) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (v !== Math.ceil(v)) this.intMode = false;
    }
    const width = (f: (v: number) => number): void => { for (const v of vals) this.maxWidth = Math.max(this.maxWidth, f(v)); };
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        width((v) => formatExp(v, p).length);
      } else width((v) => formatFixed(v, 0).length + 1);
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      width((v) => formatExp(v, p).length);
    } else width((v) => formatFixed(v, p).length);
    if (PRINT_OPTS.sciMode !== null) this.sciMode = PRINT_OPTS.sciMode;
  }

  private plain(v: number): string {
    return this.dtype === 'bool' ? (v !== 0 ? 'True' : 'False') : formatInt(v);
  }

  format(v: number): string {
    let s: string;
    if (this.floating) {
      if (this.sciMode) s = formatExp(v, PRINT_OPTS.precision);
      else if (this.intMode) {
        s = formatFixed(v, 0);
        if (Number.isFinite(v)) s += '.';
      } else s = formatFixed(v, PRINT_OPTS.precision);
    } else s = this.plain(v);
    return s.length < this.maxWidth ? ' '.repeat(this.maxWidth - s.length) + s : s;
  }
}

/** Indices of dim `size` that printing shows: all, or the edge items when summarising. */
function shownIndices(size: number, summarize: boolean): number[] | [number[], number[]] {
  const e = PRINT_OPTS.edgeitems;
  if (summarize && size > 2 * e) {
    return [Array.from({ length: e }, (_, i) => i), Array.from({ length: e }, (_, i) => size - e + i)];
  }
  return Array.from({ length: size }, (_, i) => i);
}

const isSplit = (x: number[] | [number[], number[]]): x is [number[], number[]] => Array.isArray(x[0]);

/** get_summarized_data's values, flattened: what the Formatter measures. */
function summarizedValues(t: Tensor, summarize: boolean): number[] {
  const out: number[] = [];
  const data = t.storage.data;
  const rec = (dim: number, off: number): void => {
    if (dim === t.ndim) { out.push(data[off]); return; }
    const idx = shownIndices(t.shape[dim], summarize);
    const all = isSplit(idx) ? [...idx[0], ...idx[1]] : idx;
    for (const i of all) rec(dim + 1, off + i * t.strides[dim]);
  };
  rec(0, t.offset);
  return out;
}

function vectorStr(t: Tensor, off: number, indent: number, summarize: boolean, fmt: Formatter): string {
  const d = t.ndim - 1;
  const elementLength = fmt.maxWidth + 2;
  const perLine = Math.max(1, Math.floor((PRINT_OPTS.linewidth - indent) / elementLength));
  const idx = shownIndices(t.shape[d], summarize);
  const val = (i: number): string => fmt.format(t.storage.data[off + i * t.strides[d]]);
  const items = isSplit(idx) ? [...idx[0].map(val), ' ...', ...idx[1].map(val)] : idx.map(val);
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function tensorStrWith(t: Tensor, dim: number, off: number, indent: number, summarize: boolean, fmt: Formatter): string {
  const rank = t.ndim - dim;
  if (rank === 0) return fmt.format(t.storage.data[off]);
  if (rank === 1) return vectorStr(t, off, indent, summarize, fmt);
  const idx = shownIndices(t.shape[dim], summarize);
  const sub = (i: number): string => tensorStrWith(t, dim + 1, off + i * t.strides[dim], indent + 1, summarize, fmt);
  const slices = isSplit(idx) ? [...idx[0].map(sub), '...', ...idx[1].map(sub)] : idx.map(sub);
  return '[' + slices.join(',' + '\n'.repeat(rank - 1) + ' '.repeat(indent + 1)) + ']';
}

/** _tensor_str: the bracketed body only (no `tensor(` prefix or suffixes). */
export function tensorBody(t: Tensor, indent: number): string {
  if (t.numel === 0) return '[]';
  const summarize = t.numel > PRINT_OPTS.threshold;
  const fmt = new Formatter(summarizedValues(t, summarize), t.dtype);
  return tensorStrWith(t, 0, t.offset, indent, summarize, fmt);
}

function addSuffixes(str: string, suffixes: readonly string[], indent: number): string {
  const parts = [str];
  let lastLineLen = str.length - str.lastIndexOf('\n') + 1;
  for (const s of suffixes) {
    if (lastLineLen + s.length + 2 > PRINT_OPTS.linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + s);
      lastLineLen = indent + s.length;
    } else {
      parts.push(', ' + s);
      lastLineLen += s.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** A Python tuple's repr of a shape: `(2, 0)`, `(3,)`, `()`. */
export const tupleRepr = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

export interface FormatOptions {
  /** The class name of the tensor's grad_fn (e.g. 'AddBackward0'), if any. */
  gradFnName?: string | null;
  requiresGrad?: boolean;
  /** Shown as `device='...'` unless 'cpu'. */
  device?: string | null;
  /** The prefix in place of 'tensor(' (e.g. 'Parameter(' for subclasses printed by name). */
  prefix?: string;
}

/** repr(tensor) / str(tensor) exactly as PyTorch 1.13 prints it. */
export function formatTensor(t: Tensor, opts: FormatOptions = {}): string {
  const prefix = opts.prefix ?? 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  if (opts.device && opts.device !== 'cpu') suffixes.push(`device='${opts.device}'`);
  const def = getDefaultDtype();
  let body: string;
  if (t.numel === 0) {
    if (t.ndim !== 1) suffixes.push('size=' + tupleRepr(t.shape));
    if (t.dtype !== def) suffixes.push(`dtype=torch.${t.dtype}`);
    body = '[]';
  } else {
    if (t.dtype !== def && t.dtype !== 'int64' && t.dtype !== 'bool') suffixes.push(`dtype=torch.${t.dtype}`);
    body = tensorBody(t, indent);
  }
  const requiresGrad = opts.requiresGrad ?? t.requiresGrad;
  if (opts.gradFnName) suffixes.push(`grad_fn=<${opts.gradFnName}>`);
  else if (requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}
