/**
 * @file The contract between the supervisor and the engine's utility entry, end to end but without Electron: the
 * entry, started with exactly the arguments and boot message the supervisor forks it with, serves cells on the
 * handed port, in the notebook's folder. Needs the engine build (out/engine/), made here when stale.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, resetFakes, utilityProcess } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const root = join(import.meta.dirname, '..', '..', '..');

beforeAll(async () => {
  // @ts-expect-error plain JS module of the engine build (bin/engine-build.mjs)
  const { ensureEngineBuilt } = (await import('../../../bin/engine-build.mjs')) as { ensureEngineBuilt(): boolean };
  ensureEngineBuilt();
}, 300_000);

describe('engine utility entry, forked as the supervisor does', () => {
  it('runs a cell in the notebook folder and answers on the handed port', async () => {
    resetFakes();
    const { EngineSupervisor } = await import('../../../src/main/engine-supervisor');
    const folder = await realpath(await mkdtemp(join(tmpdir(), 'divelab-nb-')));
    const workerUrl = pathToFileURL(join(root, 'out', 'engine', 'python-worker.js')).href;
    const supervisor = new EngineSupervisor({ entryPath: 'utility-entry', args: [`--python-worker=${workerUrl}`], defaultCwd: tmpdir() });
    supervisor.connect(new FakeWebContents() as never, join(folder, 'lesson.ipynb'));
    const fork = utilityProcess.forks[0]!;
    const [[boot]] = fork.postMessage.mock.calls as [[unknown]];

    const host = join(import.meta.dirname, 'fixtures', 'utility-host.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', host, JSON.stringify(fork.args), JSON.stringify(boot)], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const messages: Array<{ type: string; [k: string]: unknown }> = [];
      const done = new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`the engine exited with ${code}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          const m = JSON.parse(line) as { type: string };
          messages.push(m);
          if (m.type === 'ready') child.stdin.write(`${JSON.stringify({ type: 'execute', id: 'c1', code: 'import os\nx = 21\nprint(os.getcwd())\nx * 2' })}\n`);
          if (m.type === 'done') resolve();
        });
      });
      await done;
      expect(messages.find((m) => m.type === 'stream')).toMatchObject({ name: 'stdout', text: `${folder}\n` });
      expect(messages.find((m) => m.type === 'result')).toMatchObject({ data: { 'text/plain': '42' } });
      expect(messages.find((m) => m.type === 'done')).toMatchObject({ status: 'ok', executionCount: 1 });
    } finally {
      child.kill();
    }
  }, 60_000);
});
