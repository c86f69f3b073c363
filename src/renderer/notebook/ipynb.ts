/**
 * @file Reading and writing Jupyter notebooks (nbformat 4; written as 4.5 with a Python kernelspec).
 *
 * Reading is strict about what matters (JSON, nbformat 4, cells with a type and a source) and lenient about the
 * rest (missing ids are made, unknown metadata is kept), so any notebook Jupyter accepts opens here and a bad
 * file is refused with one clear sentence before anything in the open notebook changes.
 * Writing follows Jupyter's own layout — sorted keys, one-space indent, multi-line strings split into lines —
 * so saving an unchanged notebook that Jupyter wrote gives back the same bytes.
 */
import type { MimeBundle } from '../../shared/protocol/engine';
import {
  CELL_ID_PATTERN,
  defaultNotebookMetadata,
  newCellId,
  type Cell,
  type CellType,
  type NotebookDoc,
  type Output,
} from './model';

/** The file is not a notebook DiveLab can open; `message` is meant for the user as it is. */
export class NotebookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotebookFormatError';
  }
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** nbformat "multiline string": a string or a list of strings that are concatenated. */
function joinMultiline(x: unknown, where: string): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x) && x.every((s) => typeof s === 'string')) return x.join('');
  throw new NotebookFormatError(`This notebook is damaged: ${where} is not text.`);
}

/** Splits text into lines that keep their '\n', as Jupyter stores them. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** MIME types whose value is JSON, not text: kept as objects. */
const isJsonMime = (mime: string): boolean => mime === 'application/json' || mime.endsWith('+json');
/** MIME types nbformat splits into lines on write. */
const isLineSplitMime = (mime: string): boolean =>
  mime.startsWith('text/') || mime === 'image/svg+xml' || mime === 'application/javascript';

function readBundle(x: unknown, where: string): MimeBundle {
  if (!isObject(x)) throw new NotebookFormatError(`This notebook is damaged: ${where} is not a MIME bundle.`);
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(x)) {
    out[mime] = isJsonMime(mime) ? value : joinMultiline(value, `${where} "${mime}"`);
  }
  return out;
}

function writeBundle(bundle: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(bundle)) {
    out[mime] = typeof value === 'string' && isLineSplitMime(mime) ? splitLines(value) : value;
  }
  return out;
}

function readOutput(x: unknown, where: string): Output {
  if (!isObject(x)) throw new NotebookFormatError(`This notebook is damaged: ${where} is not an output.`);
  const metadata = isObject(x.metadata) ? x.metadata : {};
  switch (x.output_type) {
    case 'stream':
      return { output_type: 'stream', name: x.name === 'stderr' ? 'stderr' : 'stdout', text: joinMultiline(x.text, `${where} text`) };
    case 'display_data':
      return { output_type: 'display_data', data: readBundle(x.data, `${where} data`), metadata };
    case 'execute_result':
      return {
        output_type: 'execute_result',
        execution_count: typeof x.execution_count === 'number' ? x.execution_count : null,
        data: readBundle(x.data, `${where} data`),
        metadata,
      };
    case 'error':
      return {
        output_type: 'error',
        ename: String(x.ename ?? ''),
        evalue: String(x.evalue ?? ''),
        traceback: Array.isArray(x.traceback) ? x.traceback.map(String) : [],
      };
    default:
      throw new NotebookFormatError(`This notebook is damaged: ${where} has an unknown output type.`);
  }
}

function writeOutput(o: Output): Json {
  switch (o.output_type) {
    case 'stream':
      return { name: o.name, output_type: 'stream', text: splitLines(o.text) };
    case 'display_data':
      return { data: writeBundle(o.data), metadata: o.metadata, output_type: 'display_data' };
    case 'execute_result':
      return { data: writeBundle(o.data), execution_count: o.execution_count, metadata: o.metadata, output_type: 'execute_result' };
    case 'error':
      return { ename: o.ename, evalue: o.evalue, output_type: 'error', traceback: o.traceback };
    default:
      return o satisfies never;
  }
}

function readCell(x: unknown, index: number, usedIds: Set<string>, makeId: () => string): Cell {
  const where = `cell ${index + 1}`;
  if (!isObject(x)) throw new NotebookFormatError(`This notebook is damaged: ${where} is not a cell.`);
  const type = x.cell_type;
  if (type !== 'code' && type !== 'markdown' && type !== 'raw') {
    throw new NotebookFormatError(`This notebook is damaged: ${where} has an unknown cell type.`);
  }
  // Notebooks older than 4.5 have no ids, and copy-pasted cells can share one: make fresh ids then.
  let id = typeof x.id === 'string' && CELL_ID_PATTERN.test(x.id) && !usedIds.has(x.id) ? x.id : makeId();
  while (usedIds.has(id)) id = makeId();
  usedIds.add(id);
  const cell: Cell = {
    id,
    type: type as CellType,
    source: joinMultiline(x.source ?? '', `${where} source`),
    outputs: [],
    executionCount: null,
    metadata: isObject(x.metadata) ? x.metadata : {},
  };
  if (type === 'code') {
    const outputs = x.outputs ?? [];
    if (!Array.isArray(outputs)) throw new NotebookFormatError(`This notebook is damaged: ${where} outputs are not a list.`);
    cell.outputs = outputs.map((o, j) => readOutput(o, `${where} output ${j + 1}`));
    cell.executionCount = typeof x.execution_count === 'number' ? x.execution_count : null;
  } else if (isObject(x.attachments)) {
    cell.attachments = x.attachments;
  }
  return cell;
}

/**
 * Parses the text of an .ipynb file. Throws NotebookFormatError with a user-facing sentence when the text is not
 * JSON, not nbformat 4, or its cells are malformed.
 */
export function parseIpynb(text: string, makeId: () => string = newCellId): NotebookDoc {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new NotebookFormatError(`This file is not a notebook: it is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObject(json)) throw new NotebookFormatError('This file is not a notebook: it holds no notebook object.');
  if (json.nbformat !== 4) {
    const found = json.nbformat === undefined ? 'no nbformat version' : `nbformat ${JSON.stringify(json.nbformat)}`;
    throw new NotebookFormatError(`This notebook cannot be opened: it has ${found}, and DiveLab opens nbformat 4 notebooks.`);
  }
  if (!Array.isArray(json.cells)) throw new NotebookFormatError('This notebook is damaged: it has no list of cells.');
  const usedIds = new Set<string>();
  const cells = json.cells.map((c, i) => readCell(c, i, usedIds, makeId));
  const metadata = isObject(json.metadata) ? json.metadata : {};
  return { cells, metadata };
}

function writeCell(cell: Cell): Json {
  const base: Json = { cell_type: cell.type, id: cell.id, metadata: cell.metadata, source: splitLines(cell.source) };
  if (cell.type === 'code') {
    base.execution_count = cell.executionCount;
    base.outputs = cell.outputs.map(writeOutput);
  } else if (cell.attachments) {
    base.attachments = cell.attachments;
  }
  return base;
}

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';
/** Keys that JS objects order numerically whatever their insertion order ("2" before "10"). */
const INTEGER_KEY = /^(0|[1-9]\d*)$/;
class IntegerKeys extends Error {}

/** A copy with every object's keys inserted in sorted order; lists of plain values are shared, not copied. */
function sortKeys(v: unknown): unknown {
  if (isPrimitive(v)) return v;
  if (Array.isArray(v)) return v.every(isPrimitive) ? v : v.map(sortKeys);
  const obj = v as Json;
  const out: Json = {};
  for (const k of Object.keys(obj).sort()) {
    if (INTEGER_KEY.test(k)) throw new IntegerKeys();
    out[k] = sortKeys(obj[k]);
  }
  return out;
}

/** The slow, general way to the same text, for the rare object with integer-like keys. */
function stableStringify(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = indent + ' ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + stableStringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  const obj = value as Json;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function').sort();
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${stableStringify(obj[k], inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * JSON with sorted keys and a one-space indent, as Jupyter writes notebooks (Python's sort_keys, indent=1).
 * Sorting the keys first and letting the native writer do the rest is several times faster than any writer in
 * JS, which matters for a notebook with a 10^6-line output.
 */
function jupyterJson(value: unknown): string {
  try {
    return JSON.stringify(sortKeys(value), null, 1);
  } catch (e) {
    if (e instanceof IntegerKeys) return stableStringify(value);
    throw e;
  }
}

/**
 * Serialises a notebook as nbformat 4.5, filling in a Python kernelspec when the notebook has none.
 * `compact` (for autosave copies) keeps multi-line strings whole and skips the layout: still a valid notebook that
 * parseIpynb reads back, but written by the native JSON.stringify, so a 10^6-line output costs milliseconds.
 */
export function serializeIpynb(doc: NotebookDoc, opts: { compact?: boolean } = {}): string {
  const metadata = { ...doc.metadata };
  const defaults = defaultNotebookMetadata();
  metadata.kernelspec ??= defaults.kernelspec;
  metadata.language_info ??= defaults.language_info;
  if (opts.compact) return JSON.stringify({ cells: doc.cells.map(writeCompactCell), metadata, nbformat: 4, nbformat_minor: 5 });
  return jupyterJson({ cells: doc.cells.map(writeCell), metadata, nbformat: 4, nbformat_minor: 5 }) + '\n';
}

function writeCompactCell(cell: Cell): Json {
  const base: Json = { cell_type: cell.type, id: cell.id, metadata: cell.metadata, source: cell.source };
  if (cell.type === 'code') {
    base.execution_count = cell.executionCount;
    base.outputs = cell.outputs;
  } else if (cell.attachments) {
    base.attachments = cell.attachments;
  }
  return base;
}
