/** @file Cells run with Jupyter's semantics: persistent globals, the last expression's repr, rich outputs, tracebacks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineHandle } from '../helpers/divelab';

let engine: EngineHandle;
// A folder of its own: the file tests write into the working directory, which must not be the repository.
const cwd = mkdtempSync(join(tmpdir(), 'divelab-jupyter-'));
beforeAll(async () => { engine = await startEngine({ cwd }); });
afterAll(() => {
  engine?.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('Jupyter semantics', () => {
  it('keeps globals across cells and shows the repr of the last expression', async () => {
    expect((await engine.run('x = 21')).result).toBeUndefined();
    const r = await engine.run('x * 2');
    expect(r.result?.data['text/plain']).toBe('42');
    expect(r.done.status).toBe('ok');
    expect(r.done.executionCount).toBe(r.result?.executionCount);
    expect((await engine.run("'a' + 'b'")).result?.data['text/plain']).toBe("'ab'");
  });

  it('shows nothing for None, for statements, or after a trailing semicolon', async () => {
    expect((await engine.run('None')).result).toBeUndefined();
    expect((await engine.run('y = 3\nif y: pass')).result).toBeUndefined();
    expect((await engine.run('y + 1;')).result).toBeUndefined();
  });

  it('counts executions, except for silent runs', async () => {
    const a = (await engine.run('1')).done.executionCount!;
    expect((await engine.run('2', { silent: true })).done.executionCount).toBeNull();
    expect((await engine.run('3')).done.executionCount).toBe(a + 1);
  });

  it('sends text/html from _repr_html_ and display() outputs in order with prints', async () => {
    const r = await engine.run([
      'class T:',
      '    def __repr__(self): return "T()"',
      '    def _repr_html_(self): return "<b>T</b>"',
      'print("before")',
      'display(T())',
      'print("after")',
      'T()',
    ].join('\n'));
    const kinds = r.messages.map((m) => (m.type === 'stream' ? `stream:${m.text}` : m.type));
    expect(kinds).toEqual(['stream:before\n', 'display', 'stream:after\n', 'result', 'done']);
    expect(r.result?.data).toEqual({ 'text/html': '<b>T</b>', 'text/plain': 'T()' });
  });

  it('passes a _repr_mimebundle_ through (plotly figures use it)', async () => {
    const r = await engine.run([
      'class Fig:',
      '    def _repr_mimebundle_(self, **kw): return {"application/vnd.plotly.v1+json": {"data": [], "layout": {}}}',
      'Fig()',
    ].join('\n'));
    expect(r.result?.data['application/vnd.plotly.v1+json']).toEqual({ data: [], layout: {} });
    expect(r.result?.data['text/plain']).toMatch(/^<__main__\.Fig object at 0x/);
  });

  it('evaluates panel expressions to JSON', async () => {
    engine.send({ type: 'eval', id: 'e1', code: '[x, {"k": 1.5}]' });
    expect(await engine.waitFor((m) => m.type === 'eval_result' && m.id === 'e1')).toEqual({ type: 'eval_result', id: 'e1', ok: true, value: '[21, {"k": 1.5}]' });
    engine.send({ type: 'eval', id: 'e2', code: 'nope' });
    expect(await engine.waitFor((m) => m.type === 'eval_result' && m.id === 'e2')).toMatchObject({ ok: false, error: "NameError: name 'nope' is not defined" });
  });
});

describe('magics', () => {
  it('accepts the magics course notebooks use and says that packages are built in', async () => {
    const r = await engine.run('%matplotlib inline\n!pip install d2l==0.17.6\ns = "100%"\ns');
    expect(r.done.status).toBe('ok');
    expect(r.stdout).toBe('DiveLab runs offline and cannot install packages; torch, numpy, pandas, matplotlib and d2l are built in.\n');
    expect(r.result?.data['text/plain']).toBe("'100%'");
  });

  it('fails on an unknown magic as IPython does, and leaves real syntax errors alone', async () => {
    expect((await engine.run('%nosuchmagic')).error).toMatchObject({ ename: 'UsageError', evalue: 'Line magic function `%nosuchmagic` not found.' });
    const bad = await engine.run('%matplotlib inline\nx = (');
    expect(bad.error).toMatchObject({ ename: 'SyntaxError', evalue: "'(' was never closed (<cell-" + bad.done.executionCount + '>, line 2)' });
  });
});

describe('errors', () => {
  it('show the user cell lines only, IPython-style', async () => {
    const def = await engine.run('def f(n):\n    return 1 / n');
    const r = await engine.run('z = 1\nf(0)');
    expect(r.done.status).toBe('error');
    expect(r.error).toMatchObject({ ename: 'ZeroDivisionError', evalue: 'division by zero' });
    const text = r.error!.traceback.join('\n');
    expect(text).toContain(`Cell In[${r.done.executionCount}], line 2`);
    expect(text).toContain('----> 2 f(0)');
    expect(text).toContain(`Cell In[${def.done.executionCount}], line 2, in f(n)`);
    expect(text).toContain('----> 2     return 1 / n');
    expect(text).not.toMatch(/_divelab_kernel|\/divelab\/|_pyodide|<exec>/);
    expect(r.error!.traceback.at(-1)).toBe('ZeroDivisionError: division by zero');
  });

  it('show a chained exception after its cause, as IPython does', async () => {
    const r = await engine.run('try:\n    {}["k"]\nexcept KeyError as e:\n    raise ValueError("bad") from e');
    const text = r.error!.traceback.join('\n');
    expect(r.error).toMatchObject({ ename: 'ValueError', evalue: 'bad' });
    expect(text).toMatch(/^-+\nKeyError +Traceback \(most recent call last\)\nCell In\[\d+\], line 2\n/);
    expect(text).toContain("KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\nValueError ");
    expect(r.error!.traceback.at(-1)).toBe('ValueError: bad');
  });

  it('report a syntax error at its cell line', async () => {
    const r = await engine.run('a = 1\nb = (');
    expect(r.error?.ename).toBe('SyntaxError');
    expect(r.error!.traceback.join('\n')).toMatch(/Cell In\[\d+\], line 2\n {4}b = \(\n {8}\^\nSyntaxError: '\(' was never closed/);
  });

  it('abort the cells queued behind a failing cell, as Jupyter does', async () => {
    await engine.run('x = 21');
    const a = engine.start('raise ValueError("boom")');
    const b = engine.start('print("should not run")');
    expect((await engine.collect(a)).done.status).toBe('error');
    const rb = await engine.collect(b);
    expect(rb.done.status).toBe('aborted');
    expect(rb.stdout).toBe('');
    expect((await engine.run('x')).result?.data['text/plain']).toBe('21');
  });
});

describe('streams', () => {
  it('keep stdout and stderr in the order they were written', async () => {
    const r = await engine.run('import sys\nfor i in range(5):\n    print(i)\n    print(-i, file=sys.stderr)');
    const seq = r.messages.filter((m) => m.type === 'stream').map((m) => (m.type === 'stream' ? `${m.name}:${m.text}` : '')).join('');
    expect(seq.replace(/(std\w+):/g, '$1|').split('\n').filter(Boolean).map((l) => l.replace(/^(stdout|stderr)\|/, '$1 '))).toEqual([
      'stdout 0', 'stderr 0', 'stdout 1', 'stderr -1', 'stdout 2', 'stderr -2', 'stdout 3', 'stderr -3', 'stdout 4', 'stderr -4',
    ]);
  });

  it('arrive while the cell is still running', async () => {
    const id = engine.start('import time\nprint("first")\ntime.sleep(1.5)\nprint("second")');
    const first = await engine.waitFor((m) => m.type === 'stream' && m.id === id);
    expect(first).toMatchObject({ text: 'first\n' });
    expect(engine.messages.some((m) => m.type === 'done' && m.id === id)).toBe(false);
    expect((await engine.collect(id)).stdout).toBe('first\nsecond\n');
  });

  it('send the last lines of a burst while a long computation follows', async () => {
    const id = engine.start('for i in range(3):\n    print(i)\nn = 0\nwhile n < 10**7:\n    n += 1\nprint("end")');
    await engine.waitFor((m) => m.type === 'stream' && m.id === id && m.text.includes('2\n'));
    expect(engine.messages.some((m) => m.type === 'done' && m.id === id)).toBe(false);
    expect((await engine.collect(id)).stdout).toBe('0\n1\n2\nend\n');
  });

  it('send one enormous line in pieces', async () => {
    const r = await engine.run("print('ab' * 3_000_000 + '😀')");
    const pieces = r.messages.filter((m) => m.type === 'stream');
    expect(pieces.length).toBeGreaterThan(4);
    expect(Math.max(...pieces.map((m) => (m.type === 'stream' ? m.text.length : 0)))).toBeLessThanOrEqual(1 << 20);
    expect(r.stdout).toBe('ab'.repeat(3_000_000) + '😀\n');
  });

  it('batch a million printed lines into few messages', async () => {
    const r = await engine.run('for i in range(10**6):\n    print(i)');
    expect(r.done.status).toBe('ok');
    const streams = r.messages.filter((m) => m.type === 'stream');
    expect(streams.length).toBeLessThan(2000);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBe(10 ** 6 + 1);
    expect(lines[999_999]).toBe('999999');
  }, 120_000);
});

describe('input()', () => {
  it('asks the client and returns its reply', async () => {
    const id = engine.start('name = input("Name: ")\nprint("hello", name)');
    const req = await engine.waitFor((m) => m.type === 'input_request');
    expect(req).toEqual({ type: 'input_request', id, prompt: 'Name: ', password: false });
    engine.send({ type: 'input_reply', id, value: 'Ada' });
    expect((await engine.collect(id)).stdout).toBe('hello Ada\n');
  });
});

describe('files', () => {
  it('write_file puts a file in the working directory for Python', async () => {
    engine.send({ type: 'write_file', id: 'w1', path: 'sub/data.csv', data: new TextEncoder().encode('a,b\n1,2\n') });
    expect(await engine.waitFor((m) => m.type === 'write_file_done')).toEqual({ type: 'write_file_done', id: 'w1', ok: true });
    expect((await engine.run('open("sub/data.csv").read()')).result?.data['text/plain']).toBe("'a,b\\n1,2\\n'");
  });
});
