/** @file `divelab run` behaves like `python script.py`, and runs notebooks. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDivelab } from '../helpers/divelab';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'divelab-cli-'));

describe('divelab run script.py', () => {
  it('prints stdout and stderr, then a traceback ending in the exception, and exits with 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'boom.py'), "print('a'); import sys; print('b', file=sys.stderr); raise ValueError('boom')\n");
    const r = await runDivelab(['run', 'boom.py'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('a\n');
    expect(r.stderr).toMatch(/^b\nTraceback \(most recent call last\):\n/);
    expect(r.stderr).toContain(`File "${join(dir, 'boom.py')}", line 1, in <module>`);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('ValueError: boom');
    expect(r.stderr).not.toMatch(/\/divelab\/|_pyodide|runpy/);
  });

  it('runs in the current directory with sys.argv like python', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'data.txt'), 'hello from disk');
    writeFileSync(join(dir, 'args.py'), 'import os, sys\nprint(os.getcwd())\nprint(sys.argv)\nprint(open("data.txt").read())\nopen("out.txt", "w").write("written")\n');
    const r = await runDivelab(['run', 'args.py', 'x', '--flag'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${dir}\n['args.py', 'x', '--flag']\nhello from disk\n`);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('written');
  });

  it('exits with the code given to sys.exit', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'exit.py'), 'import sys\nprint("bye")\nsys.exit(3)\n');
    const r = await runDivelab(['run', 'exit.py'], { cwd: dir });
    expect(r).toEqual({ stdout: 'bye\n', stderr: '', code: 3 });
  });

  it('reads input() from stdin, and raises EOFError at its end', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ask.py'), 'name = input("name? ")\nprint("hi", name)\ninput()\n');
    const r = await runDivelab(['run', 'ask.py'], { cwd: dir, input: 'Ada\n' });
    expect(r.stdout).toBe('name? hi Ada\n');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('EOFError: EOF when reading a line');
    expect(r.code).toBe(1);
  });

  it('reads sys.stdin to its end', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cat.py'), 'import sys\nprint(repr(sys.stdin.read()))\n');
    const r = await runDivelab(['run', 'cat.py'], { cwd: dir, input: 'a\nb\n' });
    expect(r).toEqual({ stdout: "'a\\nb\\n'\n", stderr: '', code: 0 });
  });

  it('reports a syntax error like python', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.py'), 'x = (1,\n');
    const r = await runDivelab(['run', 'bad.py'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`File "${join(dir, 'bad.py')}", line 1`);
    expect(r.stderr).toMatch(/SyntaxError: '\(' was never closed\n$/);
  });

  it('says so when the file does not exist', async () => {
    const r = await runDivelab(['run', 'missing.py'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/can't open file '.*missing\.py': \[Errno 2\] No such file or directory/);
  });
});

describe('divelab run notebook.ipynb', () => {
  const notebook = (cells: string[]): string => JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, source, outputs: [], execution_count: null })),
  });

  it('runs every cell, prints the outputs, and writes them back with --inplace', async () => {
    const dir = tmp();
    const path = join(dir, 'nb.ipynb');
    writeFileSync(path, notebook(['x = 21\nprint("start")', 'x * 2']));
    const r = await runDivelab(['run', 'nb.ipynb', '--inplace'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('start\n42\n');
    const nb = JSON.parse(readFileSync(path, 'utf8'));
    expect(nb.cells[0].outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: ['start\n'] }]);
    expect(nb.cells[1].execution_count).toBe(2);
    expect(nb.cells[1].outputs[0]).toMatchObject({ output_type: 'execute_result', execution_count: 2, data: { 'text/plain': ['42'] } });
  });

  it('stops at the first failing cell with exit status 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'nb.ipynb'), notebook(['1/0', 'print("never")']));
    const r = await runDivelab(['run', 'nb.ipynb'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ZeroDivisionError: division by zero');
  });

  it('rejects a file that is not a notebook and leaves it untouched', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.ipynb'), '{not json');
    const r = await runDivelab(['run', 'bad.ipynb', '--inplace'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not valid JSON/);
    expect(readFileSync(join(dir, 'bad.ipynb'), 'utf8')).toBe('{not json');
  });
});

describe('divelab run: the environment', () => {
  it('gives Python the environment and raw file-descriptor writes, as python does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'env.py'), 'import os\nprint(os.environ["DIVELAB_TEST_VAR"])\nos.write(1, b"raw\\n")\n');
    const r = await runDivelabEnv(['run', 'env.py'], dir, { DIVELAB_TEST_VAR: 'from the shell' });
    expect(r).toEqual({ stdout: 'from the shell\nraw\n', stderr: '', code: 0 });
  });
});

async function runDivelabEnv(args: string[], cwd: string, env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await runDivelab(args, { cwd });
  } finally {
    for (const k of Object.keys(env)) if (!(k in saved)) delete process.env[k];
  }
}
