/** @file The engine supervisor: fork, port hand-off, crash → notice and restart with back-off, close → kill. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, resetFakes, utilityProcess, type FakeUtilityProcess } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { EngineSupervisor } = await import('../../../src/main/engine-supervisor');

let home: string;
let contents: FakeWebContents;
let log: ReturnType<typeof vi.fn<(m: string) => void>>;
let supervisor: InstanceType<typeof EngineSupervisor>;

beforeEach(async () => {
  resetFakes();
  vi.useFakeTimers();
  home = await mkdtemp(join(tmpdir(), 'divelab-home-'));
  contents = new FakeWebContents();
  log = vi.fn<(m: string) => void>();
  supervisor = new EngineSupervisor({ entryPath: '/out/main/chunks/utility-entry.js', args: ['--python-worker=file:///out/engine/python-worker.js'], defaultCwd: home, backoffMs: [100, 1000], maxCrashes: 3, stableAfterMs: 30_000, log });
});
afterEach(() => vi.useRealTimers());

const forks = (): FakeUtilityProcess[] => utilityProcess.forks;
const lastFork = (): FakeUtilityProcess => forks().at(-1)!;
/** The messages the renderer got, without their ports. */
const sent = () => contents.postMessage.mock.calls.map(([channel, message]) => ({ channel, message }));

describe('starting an engine', () => {
  it("forks the engine entry in the notebook's folder", () => {
    supervisor.connect(contents as never, join(home, 'lesson.ipynb'));
    expect(forks()).toHaveLength(1);
    expect(lastFork().modulePath).toBe('/out/main/chunks/utility-entry.js');
    expect(lastFork().options['cwd']).toBe(home);
    expect(lastFork().args).toEqual([`--cwd=${home}`, '--python-worker=file:///out/engine/python-worker.js']);
  });

  it('uses the default folder for untitled notebooks and for folders that are gone', () => {
    supervisor.connect(contents as never, null);
    expect(lastFork().options['cwd']).toBe(home);
    supervisor.connect(contents as never, '/no/such/folder/a.ipynb');
    expect(lastFork().options['cwd']).toBe(home);
  });

  it('hands one end of two fresh channels (engine protocol, GPU) to the engine and the other ends to the renderer', () => {
    supervisor.connect(contents as never, null);
    const [[boot, enginePorts]] = lastFork().postMessage.mock.calls as [[unknown, Array<{ id: number }>]];
    expect(boot).toEqual({ type: 'divelab:engine-boot', cwd: home });
    const [[channel, message, rendererPorts]] = contents.postMessage.mock.calls as [[string, unknown, Array<{ id: number }>]];
    expect(channel).toBe('divelab:engine-port');
    expect(message).toEqual({ type: 'divelab:engine-port', notebookPath: null, reason: 'start' });
    expect(enginePorts).toHaveLength(2);
    expect(rendererPorts).toHaveLength(2);
    // Each pair is the two ends of one channel (consecutive ids from one MessageChannelMain), and the channels differ.
    expect(rendererPorts.map((p) => p.id)).toEqual(enginePorts.map((p) => p.id + 1));
    expect(enginePorts[1]!.id).not.toBe(enginePorts[0]!.id);
  });

  it('gives every restart fresh channels, the GPU one included', async () => {
    supervisor.connect(contents as never, null);
    lastFork().crash(9);
    await vi.runAllTimersAsync();
    const [first, second] = forks().map((f) => (f.postMessage.mock.calls[0]![1] as Array<{ id: number }>).map((p) => p.id));
    expect(second).toHaveLength(2);
    expect(second!.some((id) => first!.includes(id))).toBe(false);
    const toRenderer = contents.postMessage.mock.calls.filter(([channel]) => channel === 'divelab:engine-port');
    expect((toRenderer[1]![2] as Array<{ id: number }>).map((p) => p.id)).toEqual(second!.map((id) => id + 1));
  });

  it('runs one engine per notebook', () => {
    supervisor.connect(contents as never, join(home, 'a.ipynb'));
    supervisor.connect(contents as never, join(home, 'b.ipynb'));
    expect(forks()).toHaveLength(2);
    expect(supervisor.size).toBe(2);
  });

  it('replaces the engine when the same notebook connects again, without reporting a crash', async () => {
    supervisor.connect(contents as never, null);
    const first = lastFork();
    supervisor.connect(contents as never, null);
    expect(first.killed).toBe(true);
    await vi.runAllTimersAsync();
    expect(forks()).toHaveLength(2);
    expect(sent().map((s) => s.channel)).toEqual(['divelab:engine-port', 'divelab:engine-port']);
  });
});

describe('crash recovery', () => {
  it('reports an unexpected exit at once and starts a fresh engine after the back-off', async () => {
    supervisor.connect(contents as never, join(home, 'a.ipynb'));
    lastFork().crash(9);
    expect(sent()[1]).toEqual({
      channel: 'divelab:engine-exit',
      message: { type: 'divelab:engine-exit', notebookPath: join(home, 'a.ipynb'), detail: 'The engine process exited unexpectedly (exit code 9).', restartInMs: 100 },
    });
    expect(forks()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(forks()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(forks()).toHaveLength(2);
    expect(sent()[2]!.message).toMatchObject({ type: 'divelab:engine-port', reason: 'crash', notebookPath: join(home, 'a.ipynb') });
    expect(contents.postMessage.mock.calls[2]![2]).toHaveLength(2); // with new ports (engine, GPU)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Restarting in 100 ms'));
  });

  it('backs off further on repeated crashes and gives up after too many', async () => {
    supervisor.connect(contents as never, null);
    const delays: Array<number | null> = [];
    for (let i = 0; i < 4; i++) {
      lastFork().crash();
      const exit = sent().at(-1)!.message as { restartInMs: number | null };
      delays.push(exit.restartInMs);
      await vi.runAllTimersAsync();
    }
    expect(delays).toEqual([100, 1000, 1000, null]);
    expect(forks()).toHaveLength(4);
    expect(supervisor.size).toBe(0);
    // The renderer may ask again, and gets a fresh engine.
    supervisor.connect(contents as never, null);
    expect(forks()).toHaveLength(5);
  });

  it('forgets old crashes once an engine has run for a while', async () => {
    supervisor.connect(contents as never, null);
    lastFork().crash();
    await vi.runAllTimersAsync();
    await vi.advanceTimersByTimeAsync(60_000);
    lastFork().crash();
    expect((sent().at(-1)!.message as { restartInMs: number }).restartInMs).toBe(100);
  });

  it('lets an engine that exits with code 0 (its own shutdown) stay stopped', async () => {
    supervisor.connect(contents as never, null);
    lastFork().crash(0);
    await vi.runAllTimersAsync();
    expect(forks()).toHaveLength(1);
    expect(sent()).toHaveLength(1);
    expect(supervisor.size).toBe(0);
  });

  it('does not restart an engine whose window closed during the back-off', async () => {
    supervisor.connect(contents as never, null);
    lastFork().crash();
    contents.destroy();
    await vi.runAllTimersAsync();
    expect(forks()).toHaveLength(1);
  });
});

describe('window lifetime', () => {
  it('kills every engine of a window when it is destroyed, and only those', async () => {
    const other = new FakeWebContents();
    supervisor.connect(contents as never, join(home, 'a.ipynb'));
    supervisor.connect(contents as never, join(home, 'b.ipynb'));
    supervisor.connect(other as never, null);
    const [a, b, c] = forks();
    contents.destroy();
    expect([a!.killed, b!.killed, c!.killed]).toEqual([true, true, false]);
    await vi.runAllTimersAsync();
    expect(forks()).toHaveLength(3); // the kills are not mistaken for crashes
    expect(supervisor.size).toBe(1);
  });

  it('kills the engines when the page reloads or its renderer dies (their ports are gone)', () => {
    supervisor.connect(contents as never, null);
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(lastFork().killed).toBe(false); // a frame inside the page, or a hash change: the page stays
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(lastFork().killed).toBe(true);
    supervisor.connect(contents as never, null);
    contents.emit('render-process-gone');
    expect(lastFork().killed).toBe(true);
  });

  it('stops everything on quit', () => {
    supervisor.connect(contents as never, null);
    supervisor.connect(new FakeWebContents() as never, null);
    supervisor.stopAll();
    expect(forks().every((f) => f.killed)).toBe(true);
    expect(supervisor.size).toBe(0);
  });

  it('neither reports to nor restarts for a destroyed window', async () => {
    supervisor.connect(contents as never, null);
    contents.destroyed = true; // destroyed, before its 'destroyed' event
    lastFork().crash();
    await vi.runAllTimersAsync();
    expect(sent()).toHaveLength(1);
    expect(forks()).toHaveLength(1);
    expect(supervisor.size).toBe(0);
  });
});
