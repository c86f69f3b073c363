import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotebookFormatError, parseIpynb, serializeIpynb, splitLines } from './ipynb';
import { emptyNotebook, newCell } from './model';

const fixture = readFileSync(new URL('./fixtures/jupyter-written.ipynb', import.meta.url), 'utf8');
const counter = () => {
  let n = 0;
  return () => `gen-${++n}`;
};

describe('parseIpynb', () => {
  it('reads cells, sources and outputs of a notebook Jupyter wrote', () => {
    const nb = parseIpynb(fixture);
    expect(nb.cells.map((c) => c.type)).toEqual(['markdown', 'code', 'code', 'raw', 'code']);
    expect(nb.cells[0]!.source).toBe('# 数据操作\n\nTensors first.');
    const code = nb.cells[1]!;
    expect(code.executionCount).toBe(1);
    expect(code.metadata).toEqual({ tags: ['setup'] });
    expect(code.outputs[0]).toEqual({ output_type: 'stream', name: 'stdout', text: 'a\nb\n' });
    expect(code.outputs[1]).toMatchObject({ output_type: 'execute_result', data: { 'text/plain': 'tensor([0, 1, 2,\n        3])' } });
    const rich = nb.cells[2]!.outputs[0]!;
    expect(rich.output_type).toBe('display_data');
    if (rich.output_type !== 'display_data') return;
    expect(rich.data['text/html']).toBe('<b>x</b>\n<i>y</i>');
    expect(rich.data['application/vnd.plotly.v1+json']).toEqual({ data: [{ x: [1, 2], type: 'scatter' }], layout: {} });
    expect(nb.cells[2]!.outputs[1]).toEqual({ output_type: 'error', ename: 'ValueError', evalue: 'boom', traceback: ['\u001b[0;31mValueError\u001b[0m: boom'] });
  });

  it('writes back a Jupyter-written notebook byte for byte', () => {
    expect(serializeIpynb(parseIpynb(fixture))).toBe(fixture);
  });

  it('makes ids for cells of notebooks older than nbformat 4.5 and replaces duplicate ids', () => {
    const text = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 2,
      metadata: {},
      cells: [
        { cell_type: 'code', source: 'a', metadata: {}, outputs: [], execution_count: null },
        { cell_type: 'code', id: 'same', source: 'b', metadata: {}, outputs: [], execution_count: null },
        { cell_type: 'code', id: 'same', source: 'c', metadata: {}, outputs: [], execution_count: null },
        { cell_type: 'markdown', id: 'bad id!', source: 'd', metadata: {} },
      ],
    });
    expect(parseIpynb(text, counter()).cells.map((c) => c.id)).toEqual(['gen-1', 'same', 'gen-2', 'gen-3']);
  });

  it.each([
    ['not JSON', '{"cells": [', /not valid JSON/],
    ['a JSON array', '[1, 2]', /holds no notebook object/],
    ['nbformat 3', '{"nbformat": 3, "worksheets": []}', /has nbformat 3, and DiveLab opens nbformat 4/],
    ['no nbformat', '{"cells": []}', /has no nbformat version/],
    ['no cells', '{"nbformat": 4, "metadata": {}}', /no list of cells/],
    ['an unknown cell type', '{"nbformat": 4, "cells": [{"cell_type": "sql", "source": ""}]}', /cell 1 has an unknown cell type/],
    ['a source that is not text', '{"nbformat": 4, "cells": [{"cell_type": "code", "source": 5}]}', /cell 1 source is not text/],
    ['an unknown output type', '{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "x"}]}]}', /cell 1 output 1 has an unknown output type/],
  ])('refuses %s with a NotebookFormatError that says why', (_name, text, message) => {
    expect(() => parseIpynb(text)).toThrow(NotebookFormatError);
    expect(() => parseIpynb(text)).toThrow(message);
  });
});

describe('serializeIpynb', () => {
  it('writes nbformat 4.5 with a Python kernelspec and language info', () => {
    const json = JSON.parse(serializeIpynb({ cells: [], metadata: {} }));
    expect(json.nbformat).toBe(4);
    expect(json.nbformat_minor).toBe(5);
    expect(json.metadata.kernelspec).toEqual({ display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' });
    expect(json.metadata.language_info.name).toBe('python');
  });

  it('writes outputs in the shapes Jupyter reads, with text split into lines', () => {
    const cell = newCell('code', 'print(1)\n1', 'c1');
    cell.executionCount = 3;
    cell.outputs = [
      { output_type: 'stream', name: 'stdout', text: '1\n' },
      { output_type: 'execute_result', execution_count: 3, data: { 'text/plain': '1' }, metadata: {} },
    ];
    const json = JSON.parse(serializeIpynb({ cells: [cell], metadata: {} }));
    expect(json.cells[0]).toEqual({
      cell_type: 'code',
      execution_count: 3,
      id: 'c1',
      metadata: {},
      outputs: [
        { name: 'stdout', output_type: 'stream', text: ['1\n'] },
        { data: { 'text/plain': ['1'] }, execution_count: 3, metadata: {}, output_type: 'execute_result' },
      ],
      source: ['print(1)\n', '1'],
    });
  });

  it('sorts integer-like keys as text, as Python does', () => {
    const text = serializeIpynb({ cells: [], metadata: { m: { '10': 1, '2': 2, a: 3 } } });
    expect(text).toContain('"m": {\n   "10": 1,\n   "2": 2,\n   "a": 3\n  }');
  });

  it('round-trips a new notebook through text', () => {
    const nb = emptyNotebook();
    nb.cells.push(newCell('markdown', '# Title\n'));
    expect(parseIpynb(serializeIpynb(nb))).toEqual(nb);
  });
});

describe('compact serialisation (autosave)', () => {
  it('reads back to the same notebook', () => {
    expect(parseIpynb(serializeIpynb(parseIpynb(fixture), { compact: true }))).toEqual(parseIpynb(fixture));
  });

  it('writes a notebook with a million-line output quickly, in either form', () => {
    const nb = emptyNotebook();
    nb.cells[0]!.outputs = [{ output_type: 'stream', name: 'stdout', text: Array.from({ length: 1_000_000 }, (_, i) => `line ${i}\n`).join('') }];
    let t0 = performance.now();
    const compact = serializeIpynb(nb, { compact: true });
    const compactMs = performance.now() - t0;
    t0 = performance.now();
    const full = serializeIpynb(nb);
    const fullMs = performance.now() - t0;
    expect(parseIpynb(compact).cells[0]!.outputs).toEqual(nb.cells[0]!.outputs);
    expect(full.length).toBeGreaterThan(compact.length);
    expect(compactMs).toBeLessThan(200);
    expect(fullMs).toBeLessThan(3000);
  });
});

describe('splitLines', () => {
  it('keeps each newline with its line, as nbformat does', () => {
    expect(splitLines('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(splitLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});
