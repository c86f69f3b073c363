/**
 * @file The dataset panel's worker: holds the loaded table and the cleaned one, so parsing a large CSV, applying
 * the recipe and computing stats never block the UI. Cancelling a load terminates the worker (readCsv is
 * synchronous), and the panel starts a fresh one.
 */
import { PyError } from '../../../shared/errors';
import { readCsv } from '../../../shared/frame/csv-read';
import { toCsv } from '../../../shared/frame/csv-write';
import type { DataFrame } from '../../../shared/frame/frame';
import { applyRecipe } from './recipe';
import { rowsText, summarize } from './stats';
import type { FromDatasetWorker, ToDatasetWorker } from './worker-protocol';

let original: DataFrame | null = null;
let current: DataFrame | null = null;

const post = (m: FromDatasetWorker, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(m, transfer);

/** The error text the student sees: pandas' exception line for PyErrors, the message otherwise. */
function describe(e: unknown): string {
  if (e instanceof PyError) return `${e.pyType.replace(/^pandas\.errors\./, '')}: ${e.message.trim()}`;
  return e instanceof Error ? e.message : String(e);
}

function handle(m: ToDatasetWorker): void {
  switch (m.type) {
    case 'load': {
      // A preview of the first rows first, so the table shows at once while the whole file is read.
      const preview = readCsv(m.data, { nrows: 200, encoding: m.encoding });
      post({ type: 'preview', summary: summarize(preview), rows: rowsText(preview, 0, 200) });
      original = readCsv(m.data, { encoding: m.encoding, onProgress: (f) => post({ type: 'progress', fraction: f }) });
      current = original;
      post({ type: 'loaded', summary: summarize(current) });
      return;
    }
    case 'apply': {
      if (!original) return;
      current = applyRecipe(original, m.steps);
      post({ type: 'applied', seq: m.seq, summary: summarize(current) });
      return;
    }
    case 'rows': {
      if (!current) return;
      post({ type: 'rows', start: m.start, rows: rowsText(current, m.start, m.count) });
      return;
    }
    case 'export': {
      if (!current) return;
      const data = new TextEncoder().encode(toCsv(current, { index: false }));
      post({ type: 'exported', data }, [data.buffer]);
      return;
    }
    default: m satisfies never;
  }
}

self.onmessage = (ev: MessageEvent<ToDatasetWorker>) => {
  try {
    handle(ev.data);
  } catch (e) {
    post({ type: 'error', request: ev.data.type, seq: ev.data.type === 'apply' ? ev.data.seq : undefined, message: describe(e) });
  }
};
