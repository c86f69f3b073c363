/**
 * @file Course examples typed into notebook cells in Chromium (real engine) show what PyTorch 1.13 printed for
 * them: the expected text comes from the goldens (tests/golden/expected), the code from the golden cases, so the
 * app and `divelab run` are held to the same oracle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { notebookSession } from './browser';

const GOLDEN = join(import.meta.dirname, '../golden');

/** The cells of a golden case and the output PyTorch gave for each, split as tests/golden/harness.py splits them. */
function golden(name: string): Array<{ code: string; expected: string }> {
  const source = readFileSync(join(GOLDEN, 'cases', `${name}.py`), 'utf8');
  const cells: string[] = [];
  let current: string[] = [];
  for (const line of source.split(/(?<=\n)/)) {
    if (line.startsWith('# %%')) {
      cells.push(current.join(''));
      current = [];
    } else current.push(line);
  }
  cells.push(current.join(''));
  const code = cells.filter((c) => c.trim());
  const out = readFileSync(join(GOLDEN, 'expected', `${name}.out`), 'utf8').split(/^--- \[\d+\]\n/m).slice(1);
  return code.map((c, i) => ({ code: c, expected: out[i] ?? '' }));
}

/** The first cell of a case whose code contains `marker`, without comment lines (typed by hand, they are noise). */
function example(name: string, marker: string): { code: string; expected: string } {
  const found = golden(name).find((c) => c.code.includes(marker));
  if (!found) throw new Error(`no cell with ${marker} in ${name}`);
  const code = found.code.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#')).join('\n');
  return { code, expected: found.expected.trimEnd() };
}

const { run } = notebookSession(() => inject('webUrl'));

describe('course examples in notebook cells', () => {
  it('torch.arange(12) prints as in PyTorch', async () => {
    const ex = example('tensor_course_basics', 'x = torch.arange(12)');
    expect(await run(ex.code)).toBe(ex.expected);
  });

  it('a 3-D tensor of zeros keeps PyTorch\'s nested layout and blank line', async () => {
    const ex = example('tensor_course_basics', 'torch.zeros((2, 3, 4))');
    expect(await run(ex.code)).toBe(ex.expected);
  });

  it('scalar arithmetic prints tensor([1.5000]) with four decimals', async () => {
    const ex = example('linalg_course', 'x = torch.tensor([3.0])');
    expect(await run(ex.code)).toBe(ex.expected);
  });

  it("the notes' broadcasting mistake raises PyTorch's RuntimeError", async () => {
    const ex = example('tensor_course_ops', 'C / C.sum(axis=1)');
    expect(ex.expected).toMatch(/^RuntimeError: /);
    const shown = await run(ex.code);
    // The notebook shows a traceback of the cell; its last line is the harness's line.
    expect(shown.split('\n').at(-1)).toBe(ex.expected);
  });
});
