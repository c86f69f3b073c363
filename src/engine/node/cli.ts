/**
 * @file `divelab run FILE [args…]`: runs a Python script like `python FILE args…`, or every cell of a notebook,
 * through the same engine as the app (router here, Python in a worker thread). bin/divelab.mjs calls `main`.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { withEngine } from './cli-session';
import { runNotebook } from './notebook-run';

const USAGE = `usage: divelab run FILE.py [ARG ...]
       divelab run NOTEBOOK.ipynb [--inplace] [--allow-errors]

Runs Python through DiveLab's engine (Pyodide with DiveLab's torch, pandas and d2l).
A script behaves like \`python FILE.py\`: same output, exit status 1 and a traceback on an uncaught exception.
A notebook runs cell by cell and prints each cell's outputs; --inplace writes them back into the file.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'run' || file === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  const path = resolve(file);
  if (!existsSync(path) || statSync(path).isDirectory()) {
    process.stderr.write(`divelab: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  if (path.endsWith('.ipynb')) {
    const inplace = rest.includes('--inplace');
    const allowErrors = rest.includes('--allow-errors');
    const unknown = rest.filter((a) => a !== '--inplace' && a !== '--allow-errors');
    if (unknown.length) {
      process.stderr.write(`divelab: unknown option for a notebook: ${unknown.join(' ')}\n${USAGE}`);
      return 2;
    }
    return runNotebook(path, { inplace, allowErrors });
  }
  return runScript(path, [file, ...rest]);
}

/** Runs one script; resolves to its exit status. */
export function runScript(path: string, argv: string[]): Promise<number> {
  return withEngine(process.cwd(), (engine, finish) => ({
    ready() {
      engine.post({ type: 'run_script', id: 'main', path, argv });
    },
    message(msg) {
      if (msg.type === 'done') finish(msg.exitCode ?? (msg.status === 'ok' ? 0 : 1));
    },
  }));
}
