/**
 * @file How engine messages become cell outputs, and how a long text output is cut for display.
 *
 * Streams are merged the way Jupyter does it: consecutive writes to the same stream are one output, a carriage
 * return rewrites the current line (progress bars) and a backspace removes the previous character. The rewrite
 * only looks at the last line of what is already there, so a cell that prints 10^6 lines stays linear.
 */
import type { FromEngine } from '../../shared/protocol/engine';
import type { Output } from './model';

/** Applies '\r' (rewrite the line) and '\b' (delete a character) the way a terminal would. */
export function fixConsoleText(text: string): string {
  if (!text.includes('\r') && !text.includes('\b')) return text;
  let t = text.replace(/\r+\n/g, '\n');
  // Whatever precedes the last '\r' on a line has been overwritten.
  t = t.replace(/^.*\r(?!$)/gm, '');
  // A trailing '\r' keeps the line until the next write overwrites it; keep it so that write can.
  let prev: string;
  do {
    prev = t;
    t = t.replace(/[^\n\x08]\x08/g, '');
  } while (t !== prev);
  return t.replace(/\x08/g, '');
}

/** Appends text to a stream output, continuing the last output when it is the same stream. Mutates `outputs`. */
export function appendStream(outputs: Output[], name: 'stdout' | 'stderr', text: string): void {
  const last = outputs[outputs.length - 1];
  if (last?.output_type === 'stream' && last.name === name) {
    if (!text.includes('\r') && !text.includes('\b') && !last.text.endsWith('\r')) {
      last.text += text;
      return;
    }
    const cut = last.text.lastIndexOf('\n') + 1;
    last.text = last.text.slice(0, cut) + fixConsoleText(last.text.slice(cut) + text);
    return;
  }
  outputs.push({ output_type: 'stream', name, text: fixConsoleText(text) });
}

/** Adds what one engine message contributes to a cell's outputs. Returns false for messages that carry none. */
export function applyEngineOutput(outputs: Output[], msg: FromEngine): boolean {
  switch (msg.type) {
    case 'stream':
      appendStream(outputs, msg.name, msg.text);
      return true;
    case 'display':
      outputs.push({ output_type: 'display_data', data: msg.data, metadata: msg.metadata ?? {} });
      return true;
    case 'result':
      outputs.push({ output_type: 'execute_result', execution_count: msg.executionCount, data: msg.data, metadata: {} });
      return true;
    case 'error':
      outputs.push({ output_type: 'error', ename: msg.ename, evalue: msg.evalue, traceback: msg.traceback });
      return true;
    default:
      return false;
  }
}

export interface TextPreview {
  /** The part to show. */
  text: string;
  /** Lines in the whole text (a trailing newline does not start a line). */
  totalLines: number;
  shownLines: number;
  truncated: boolean;
}

/** Display limits for one text output; past them the UI shows a notice and offers the full text. */
export const PREVIEW_LIMITS = { maxLines: 2000, maxChars: 200_000 } as const;

/** Counts lines without building an array: a 10^6-line output is scanned, not split. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

/** The first `maxLines` lines (and at most `maxChars` characters) of `text`. */
export function previewText(text: string, limits: { maxLines: number; maxChars: number } = PREVIEW_LIMITS): TextPreview {
  if (text.length <= limits.maxChars) {
    let end = -1;
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1 && lines < limits.maxLines; i = text.indexOf('\n', i + 1)) {
      lines++;
      end = i;
    }
    if (lines < limits.maxLines || end === text.length - 1) {
      const total = countLines(text);
      return { text, totalLines: total, shownLines: total, truncated: false };
    }
    const shown = text.slice(0, end + 1);
    return { text: shown, totalLines: countLines(text), shownLines: lines, truncated: true };
  }
  const head = text.slice(0, limits.maxChars);
  const cut = head.lastIndexOf('\n');
  const shownText = cut > 0 ? head.slice(0, cut + 1) : head;
  const limited = previewText(shownText, { maxLines: limits.maxLines, maxChars: Infinity });
  return { text: limited.text, totalLines: countLines(text), shownLines: limited.shownLines, truncated: true };
}
