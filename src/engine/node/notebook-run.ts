/**
 * @file `divelab run NOTEBOOK.ipynb`: runs every code cell in order, prints the outputs as a terminal would show
 * them, and with --inplace writes the outputs and execution counts back (atomically: temp file, then rename).
 * Like `jupyter nbconvert --execute`, the first failing cell stops the run unless --allow-errors is given.
 */
import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FromEngine } from '../../shared/protocol/engine';
import { withEngine } from './cli-session';

type Output = Record<string, unknown>;
interface Cell { cell_type: string; source: string | string[]; outputs?: Output[]; execution_count?: number | null }
interface Notebook { nbformat: number; cells: Cell[] }

export function parseNotebook(text: string, path: string): Notebook {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const obj = nb as Partial<Notebook>;
  if (typeof obj !== 'object' || obj === null || obj.nbformat !== 4 || !Array.isArray(obj.cells)) {
    throw new Error(`${path} is not a Jupyter notebook in nbformat 4`);
  }
  return obj as Notebook;
}

const joinSource = (s: string | string[]): string => (Array.isArray(s) ? s.join('') : s);
/** nbformat stores multi-line strings as lists of lines, each keeping its newline. */
const splitLines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

export async function runNotebook(path: string, opts: { inplace: boolean; allowErrors: boolean }): Promise<number> {
  let nb: Notebook;
  try {
    nb = parseNotebook(readFileSync(path, 'utf8'), path);
  } catch (e) {
    process.stderr.write(`divelab: ${(e as Error).message}\n`);
    return 1;
  }
  const codeCells = nb.cells.filter((c) => c.cell_type === 'code');
  let index = 0;
  let failed = false;
  const code = await withEngine(dirname(path), (engine, finish) => {
    const next = (): void => {
      const cell = codeCells[index];
      if (!cell) return finish(failed ? 1 : 0);
      cell.outputs = [];
      cell.execution_count = null;
      engine.post({ type: 'execute', id: `cell-${index}`, code: joinSource(cell.source) });
    };
    return {
      ready: next,
      message(msg: FromEngine) {
        const cell = codeCells[index];
        if (!cell || !('id' in msg) || msg.id !== `cell-${index}`) return;
        record(cell, msg);
        if (msg.type !== 'done') return;
        cell.execution_count = msg.executionCount;
        index += 1;
        if (msg.status !== 'ok') {
          failed = true;
          if (!opts.allowErrors) return finish(1);
        }
        next();
      },
    };
  });
  if (opts.inplace) {
    const tmp = `${path}.divelab-${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(nb, null, 1) + '\n');
      renameSync(tmp, path);
    } catch (e) {
      try { unlinkSync(tmp); } catch { /* nothing to clean */ }
      process.stderr.write(`divelab: could not write ${path}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  return code;
}

/** Appends a message to the cell's nbformat outputs and prints it (streams are printed as they arrive). */
function record(cell: Cell, msg: FromEngine): void {
  const outputs = (cell.outputs ??= []);
  switch (msg.type) {
    case 'stream': {
      const last = outputs[outputs.length - 1];
      if (last?.output_type === 'stream' && last.name === msg.name) {
        last.text = splitLines(joinSource(last.text as string[]) + msg.text);
      } else {
        outputs.push({ output_type: 'stream', name: msg.name, text: splitLines(msg.text) });
      }
      return;
    }
    case 'display':
      outputs.push({ output_type: 'display_data', data: nbData(msg.data), metadata: msg.metadata ?? {} });
      printPlain(msg.data);
      return;
    case 'result':
      outputs.push({ output_type: 'execute_result', execution_count: msg.executionCount, data: nbData(msg.data), metadata: {} });
      printPlain(msg.data);
      return;
    case 'error':
      outputs.push({ output_type: 'error', ename: msg.ename, evalue: msg.evalue, traceback: msg.traceback });
      process.stderr.write(msg.traceback.join('\n') + '\n');
      return;
    default:
  }
}

function nbData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' && k.startsWith('text/') ? splitLines(v) : v]));
}

function printPlain(data: Record<string, unknown>): void {
  const text = data['text/plain'];
  if (typeof text === 'string') process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
