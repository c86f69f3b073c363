/**
 * @file The dataset panel's worker: holds the loaded table and the cleaned one, so parsing a large CSV, applying
 * the recipe and computing stats never block the UI. A load reads the file in slices (stream-load.ts): first a
 * preview, then the whole file with progress; between slices the worker takes messages, so a cancel (or a newer
 * load) stops the read there and its partial columns are freed.
 */
import { PyError } from '../../../shared/errors';
import { Cancelled } from '../../../shared/frame/csv-read';
import { toCsv } from '../../../shared/frame/csv-write';
import type { DataFrame } from '../../../shared/frame/frame';
import { applyRecipe } from './recipe';
import { rowsText, summarize } from './stats';
import { blobSource, loadFrame, PREVIEW_ROWS, previewFrame } from './stream-load';
import type { FromDatasetWorker, ToDatasetWorker } from './worker-protocol';

let original: DataFrame | null = null;
let current: DataFrame | null = null;
/** The load in progress; a cancel or a newer load marks it so its read stops at the next slice. */
let activeLoad: { id: number; cancelled: boolean } | null = null;

const post = (m: FromDatasetWorker, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(m, transfer);

/** The error text the student sees: pandas' exception line for PyErrors, the message otherwise. */
function describe(e: unknown): string {
  if (e instanceof PyError) return `${e.pyType.replace(/^pandas\.errors\./, '')}: ${e.message.trim()}`;
  return e instanceof Error ? e.message : String(e);
}

async function load(m: Extract<ToDatasetWorker, { type: 'load' }>): Promise<void> {
  if (activeLoad) activeLoad.cancelled = true;
  const me = { id: m.id, cancelled: false };
  activeLoad = me;
  // The old table goes first, so two large files are never held at once.
  original = current = null;
  const src = blobSource(m.file);
  try {
    const preview = await previewFrame(src, m.encoding);
    if (me.cancelled) throw new Cancelled('cancelled');
    if (preview) post({ type: 'preview', id: m.id, summary: summarize(preview), rows: rowsText(preview, 0, PREVIEW_ROWS) });
    let lastPosted = -1;
    const df = await loadFrame(src, {
      encoding: m.encoding,
      cancelled: () => me.cancelled,
      onProgress: (fraction) => {
        // A message per percent at most: a 1 GB file has a thousand slices.
        if (fraction - lastPosted < 0.01 && fraction < 1) return;
        lastPosted = fraction;
        post({ type: 'progress', id: m.id, fraction });
      },
    });
    if (me.cancelled) throw new Cancelled('cancelled');
    original = current = df;
    post({ type: 'loaded', id: m.id, summary: summarize(df) });
  } catch (e) {
    if (e instanceof Cancelled) post({ type: 'cancelled', id: m.id });
    else post({ type: 'error', request: 'load', id: m.id, message: describe(e) });
  } finally {
    if (activeLoad === me) activeLoad = null;
  }
}

function handle(m: ToDatasetWorker): void {
  switch (m.type) {
    case 'load': void load(m); return;
    case 'cancel': {
      if (activeLoad?.id === m.id) activeLoad.cancelled = true;
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
