/**
 * @file Golden tests: every case in tests/golden/cases that has an expected output (made by Debian's PyTorch 1.13 /
 * pandas 1.5.3 with `npm run goldens`) runs through `divelab run harness.py case.py` in a fresh empty directory, and
 * its stdout must match the expected file byte for byte. Cases without an expected file are listed as todo so that a
 * forgotten `npm run goldens` shows up in the test report instead of passing silently.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDivelab, type RunResult } from '../helpers/divelab';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const expectedDir = join(here, 'expected');
const harness = join(here, 'harness.py');

const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .sort();

/** Runs one case the way make_goldens.py does: harness + case file, cwd a fresh empty directory. */
async function runCase(name: string): Promise<RunResult> {
  const cwd = mkdtempSync(join(tmpdir(), `divelab-golden-${name}-`));
  try {
    return await runDivelab(['run', harness, join(casesDir, `${name}.py`)], { cwd });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

describe('golden outputs match PyTorch 1.13 / pandas 1.5.3', () => {
  for (const name of cases) {
    const expectedFile = join(expectedDir, `${name}.out`);
    if (!existsSync(expectedFile)) {
      it.todo(`${name} (no expected output yet: run npm run goldens ${name})`);
      continue;
    }
    it(`${name} prints the reference output byte for byte`, async () => {
      const expected = readFileSync(expectedFile, 'utf8');
      const run = await runCase(name);
      // bin/divelab.mjs rebuilds a stale engine first and says so on stderr; that is not the case's output (it
      // happens when sources change during a run, e.g. while editing).
      const stderr = run.stderr.replace(/^divelab: building the engine.*\n/m, '');
      // The harness catches every exception a cell raises, so anything else on stderr or a non-zero exit is a
      // DiveLab failure outside the student's code; show it with the diff to make the cause obvious.
      expect({ stdout: run.stdout, stderr, code: run.code }).toEqual({ stdout: expected, stderr: '', code: 0 });
    });
  }
});
