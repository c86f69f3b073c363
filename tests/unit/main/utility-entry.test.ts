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

type Line = { type: string; [k: string]: unknown };

/** A cell to run, or a message to send (a restart) before going on when the engine is ready again. */
type Step = string | { type: 'restart' };

/**
 * Forks the entry as the supervisor would (its args and boot message) in fixtures/utility-host.ts, takes the steps
 * in turn and returns every line that came back (engine messages, and GPU work done in the stand-in renderer).
 */
async function run(
  folder: string,
  steps: Step[],
  probe?: unknown,
  opts: { env?: Record<string, string>; onLine?: (m: Line, send: (m: unknown) => void) => void } = {},
): Promise<Line[]> {
  resetFakes();
  const { EngineSupervisor } = await import('../../../src/main/engine-supervisor');
  const workerUrl = pathToFileURL(join(root, 'out', 'engine', 'python-worker.js')).href;
  const supervisor = new EngineSupervisor({ entryPath: 'utility-entry', args: [`--python-worker=${workerUrl}`], defaultCwd: tmpdir() });
  supervisor.connect(new FakeWebContents() as never, join(folder, 'lesson.ipynb'));
  const fork = utilityProcess.forks[0]!;
  const [[boot]] = fork.postMessage.mock.calls as [[unknown]];

  const host = join(import.meta.dirname, 'fixtures', 'utility-host.ts');
  const args = [JSON.stringify(fork.args), JSON.stringify(boot), ...(probe ? [JSON.stringify(probe)] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', host, ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...opts.env },
  });
  try {
    const lines: Line[] = [];
    const todo = [...steps];
    const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the engine exited with ${code}`)));
      const next = (): void => {
        const step = todo.shift();
        if (step === undefined) return resolve();
        if (typeof step === 'string') send({ type: 'execute', id: `c${steps.length - todo.length}`, code: step });
        else send(step);
      };
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = JSON.parse(line) as Line;
        lines.push(m);
        opts.onLine?.(m, send);
        if (m.type === 'ready' || m.type === 'done') next();
      });
    });
    return lines;
  } finally {
    child.kill();
  }
}

const GPU = { ok: true, adapter: 'Test GPU', software: false };
const stdout = (lines: Line[]) => lines.filter((m) => m.type === 'stream' && m['name'] === 'stdout').map((m) => m['text']).join('');

describe('engine utility entry, forked as the supervisor does', () => {
  it('runs a cell in the notebook folder and answers on the handed port', async () => {
    const folder = await realpath(await mkdtemp(join(tmpdir(), 'divelab-nb-')));
    const messages = await run(folder, ['import os\nx = 21\nprint(os.getcwd())\nx * 2']);
    expect(messages.find((m) => m.type === 'stream')).toMatchObject({ name: 'stdout', text: `${folder}\n` });
    expect(messages.find((m) => m.type === 'result')).toMatchObject({ data: { 'text/plain': '42' } });
    expect(messages.find((m) => m.type === 'done')).toMatchObject({ status: 'ok', executionCount: 1 });
  }, 60_000);

  it("computes cuda tensors in the renderer's GPU executor, reached through the second boot port", async () => {
    const folder = await realpath(await mkdtemp(join(tmpdir(), 'divelab-nb-')));
    const code = [
      'import torch',
      'print(torch.cuda.is_available(), torch.cuda.device_count())',
      "x = torch.arange(6.0, device='cuda').reshape(2, 3)",
      'y = x @ x.T',
      'print(y)',
      'print(y.sum().item())',
    ].join('\n');
    const lines = await run(folder, [code], GPU);
    expect(lines.find((m) => m.type === 'done')).toMatchObject({ status: 'ok' });
    expect(stdout(lines)).toContain("True 1\ntensor([[ 5., 14.],\n        [14., 50.]], device='cuda:0')\n83.0\n");
    const kernels = lines.filter((m) => m.type === 'gpu-kernel').map((m) => m['name']);
    expect(kernels).toContain('matmul');
  }, 60_000);

  it("gives a restarted Python worker its own GPU session, freeing the old worker's buffers", async () => {
    const folder = await realpath(await mkdtemp(join(tmpdir(), 'divelab-nb-')));
    const cell = "import torch\nx = torch.ones(5, device='cuda') * 3\nprint(x.sum().item())";
    const lines = await run(folder, [cell, { type: 'restart' }, cell], GPU);
    expect(stdout(lines)).toBe('15.0\n15.0\n');
    const types = lines.map((m) => m.type);
    const restart = types.indexOf('restarted');
    const readyAgain = types.indexOf('ready', restart);
    const count = (type: string, from: number, to: number) => types.slice(from, to).filter((t) => t === type).length;
    const live = count('gpu-alloc', 0, restart) - count('gpu-free', 0, restart);
    expect(live).toBeGreaterThan(0);
    // freed when the new worker says hello, before it is ready
    expect(count('gpu-free', restart, readyAgain)).toBe(live);
  }, 90_000);

  it('interrupts a cell waiting on a GPU read-back that never comes', async () => {
    const folder = await realpath(await mkdtemp(join(tmpdir(), 'divelab-nb-')));
    const cell = "import torch\nx = torch.ones(3, device='cuda') * 2\nx.sum().item()";
    let sent = false;
    const lines = await run(folder, [cell], GPU, {
      env: { DIVELAB_TEST_STALL_READS: '1' },
      // the read is asked for after the last kernel; interrupt once the cell has had time to block on it
      onLine: (m, send) => { if (m.type === 'gpu-kernel' && !sent) { sent = true; setTimeout(() => send({ type: 'interrupt' }), 300); } },
    });
    const error = lines.find((m) => m.type === 'error') as { ename: string; traceback: string[] } | undefined;
    expect(error).toMatchObject({ ename: 'KeyboardInterrupt' });
    // PyTorch's look: the cell's line, no JS frames, no stray "KeyboardInterrupt" on stderr ([Note: kernel interrupts])
    expect(error!.traceback.at(-1)).toBe('KeyboardInterrupt');
    expect(error!.traceback.join('\n')).toContain('x.sum().item()');
    expect(error!.traceback.join('\n')).not.toMatch(/\.(ts|js|mjs):\d/);
    const stderr = lines.filter((m) => m.type === 'stream' && (m as { name?: string }).name === 'stderr').map((m) => (m as unknown as { text: string }).text);
    expect(stderr.join('')).toMatch(/^DiveLab runs CUDA code with WebGPU \(Test GPU\)[^\n]*\n$/); // the first-use notice only
    expect(lines.find((m) => m.type === 'done')).toMatchObject({ status: 'error' });
    expect(lines.some((m) => m.type === 'restarted')).toBe(false);
  }, 60_000);

  it('leaves cuda unavailable when the executor finds no GPU adapter', async () => {
    const folder = await realpath(await mkdtemp(join(tmpdir(), 'divelab-nb-')));
    const lines = await run(folder, ['import torch\nprint(torch.cuda.is_available())'], { ok: false, reason: 'no GPU adapter was found' });
    expect(stdout(lines)).toBe('False\n');
    expect(lines.some((m) => m.type === 'gpu-kernel')).toBe(false);
  }, 60_000);
});
