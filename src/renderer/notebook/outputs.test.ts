import { describe, expect, it } from 'vitest';
import type { Output } from './model';
import { appendStream, applyEngineOutput, countLines, fixConsoleText, previewText } from './outputs';

describe('appendStream', () => {
  it('continues the last output when the same stream writes again', () => {
    const outs: Output[] = [];
    appendStream(outs, 'stdout', 'a\n');
    appendStream(outs, 'stdout', 'b\n');
    expect(outs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }]);
  });

  it('starts a new output when the other stream writes, keeping the order', () => {
    const outs: Output[] = [];
    appendStream(outs, 'stdout', 'a\n');
    appendStream(outs, 'stderr', 'b\n');
    appendStream(outs, 'stdout', 'c\n');
    expect(outs.map((o) => (o.output_type === 'stream' ? `${o.name}:${o.text}` : ''))).toEqual(['stdout:a\n', 'stderr:b\n', 'stdout:c\n']);
  });

  it('lets a carriage return rewrite the current line across writes, like a progress bar', () => {
    const outs: Output[] = [];
    appendStream(outs, 'stdout', 'start\n10%');
    appendStream(outs, 'stdout', '\r50%');
    appendStream(outs, 'stdout', '\r100%\ndone\n');
    expect(outs[0]).toMatchObject({ text: 'start\n100%\ndone\n' });
  });
});

describe('fixConsoleText', () => {
  it('treats \\r\\n as a newline and a backspace as deleting a character', () => {
    expect(fixConsoleText('a\r\nb')).toBe('a\nb');
    expect(fixConsoleText('abc\b\bx')).toBe('ax');
    expect(fixConsoleText('plain')).toBe('plain');
  });
});

describe('applyEngineOutput', () => {
  it('turns results, displays and errors into Jupyter outputs and ignores other messages', () => {
    const outs: Output[] = [];
    expect(applyEngineOutput(outs, { type: 'result', id: 'c', executionCount: 2, data: { 'text/plain': '42' } })).toBe(true);
    expect(applyEngineOutput(outs, { type: 'display', id: 'c', data: { 'text/html': '<b>x</b>' } })).toBe(true);
    expect(applyEngineOutput(outs, { type: 'error', id: 'c', ename: 'E', evalue: 'v', traceback: ['t'] })).toBe(true);
    expect(applyEngineOutput(outs, { type: 'done', id: 'c', executionCount: 2, status: 'ok' })).toBe(false);
    expect(outs).toEqual([
      { output_type: 'execute_result', execution_count: 2, data: { 'text/plain': '42' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/html': '<b>x</b>' }, metadata: {} },
      { output_type: 'error', ename: 'E', evalue: 'v', traceback: ['t'] },
    ]);
  });
});

describe('previewText', () => {
  const limits = { maxLines: 3, maxChars: 100 };

  it('shows short text whole', () => {
    expect(previewText('a\nb\nc\n', limits)).toEqual({ text: 'a\nb\nc\n', totalLines: 3, shownLines: 3, truncated: false });
    expect(previewText('a\nb\nc', limits)).toMatchObject({ truncated: false, totalLines: 3 });
  });

  it('cuts after the line limit and counts every line', () => {
    expect(previewText('1\n2\n3\n4\n5', limits)).toEqual({ text: '1\n2\n3\n', totalLines: 5, shownLines: 3, truncated: true });
  });

  it('cuts a text that is too long in characters at a line end', () => {
    const text = 'x'.repeat(60) + '\n' + 'y'.repeat(60) + '\n';
    expect(previewText(text, limits)).toEqual({ text: 'x'.repeat(60) + '\n', totalLines: 2, shownLines: 1, truncated: true });
  });

  it('cuts a single huge line at the character limit', () => {
    const p = previewText('z'.repeat(1000), limits);
    expect(p.text.length).toBe(100);
    expect(p.truncated).toBe(true);
  });

  it('handles a million lines quickly', () => {
    const text = Array.from({ length: 1_000_000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const t0 = performance.now();
    const p = previewText(text);
    const ms = performance.now() - t0;
    expect(p.totalLines).toBe(1_000_000);
    expect(p.shownLines).toBe(2000);
    expect(ms).toBeLessThan(500);
  });
});

describe('countLines', () => {
  it('does not count a trailing newline as a line', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
  });
});
