/** @file Interrupt, restart and crash recovery: the router stays in charge whatever Python does. */
import { afterEach, describe, expect, it } from 'vitest';
import { startEngine, type EngineHandle } from '../helpers/divelab';

let engine: EngineHandle | null = null;
afterEach(() => { engine?.close(); engine = null; });

/** Starts `code`, waits until it is running (it prints "go"), interrupts, and returns the cell's run and the delay. */
async function interruptWhile(e: EngineHandle, code: string) {
  const id = e.start(`print("go")\n${code}`);
  await e.waitFor((m) => m.type === 'stream' && m.id === id);
  const t0 = performance.now();
  e.send({ type: 'interrupt' });
  const run = await e.collect(id);
  return { run, ms: performance.now() - t0 };
}

describe('interrupt', () => {
  it('stops `while True: pass` within a second with KeyboardInterrupt, keeping globals', async () => {
    engine = await startEngine();
    await engine.run('x = 21');
    const { run, ms } = await interruptWhile(engine, 'while True: pass');
    expect(ms).toBeLessThan(1000);
    expect(run.done.status).toBe('error');
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(run.error!.traceback.at(-1)).toBe('KeyboardInterrupt');
    expect((await engine.run('x')).result?.data['text/plain']).toBe('21');
  });

  it('wakes `time.sleep(100)` at once', async () => {
    engine = await startEngine();
    const { run, ms } = await interruptWhile(engine, 'import time\ntime.sleep(100)');
    expect(ms).toBeLessThan(1000);
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(run.stderr).toBe('');
    expect(run.error!.traceback.slice(2)).toEqual([`Cell In[${run.done.executionCount}], line 3\n      1 print("go")\n      2 import time\n----> 3 time.sleep(100)\n`, 'KeyboardInterrupt']);
    expect((await engine.run('1 + 1')).result?.data['text/plain']).toBe('2');
  });

  it('stops a cell waiting for input()', async () => {
    engine = await startEngine();
    const id = engine.start('input("? ")');
    await engine.waitFor((m) => m.type === 'input_request');
    engine.send({ type: 'interrupt' });
    expect((await engine.collect(id)).error?.ename).toBe('KeyboardInterrupt');
  });

  it('leaves the next cell alone when it arrives after the cell finished', async () => {
    engine = await startEngine();
    await engine.run('1');
    engine.send({ type: 'interrupt' });
    const r = await engine.run('import time\ntime.sleep(0.3)\n"fine"');
    expect(r.result?.data['text/plain']).toBe("'fine'");
  });
});

describe('restart', () => {
  it('terminates a runaway native call after the grace period and starts a fresh kernel', async () => {
    engine = await startEngine({ interruptGraceMs: 1500 });
    await engine.run('x = 1');
    const id = engine.start('print("go")\nsum(range(10**12))');
    const queued = engine.start('print("queued")');
    await engine.waitFor((m) => m.type === 'stream' && m.id === id);
    const t0 = performance.now();
    engine.send({ type: 'interrupt' });
    const restarted = await engine.waitFor((m) => m.type === 'restarted');
    expect(restarted).toMatchObject({ reason: 'interrupt-timeout' });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect((await engine.collect(id)).done.status).toBe('aborted');
    expect((await engine.collect(queued)).done.status).toBe('aborted');
    await engine.waitFor((m) => m.type === 'ready');
    const r = await engine.run('x');
    expect(r.error?.ename).toBe('NameError');
    expect(r.done.executionCount).toBe(1);
  });

  it('restarts on request, clearing globals', async () => {
    engine = await startEngine();
    await engine.run('x = 1');
    engine.send({ type: 'restart' });
    expect(await engine.waitFor((m) => m.type === 'restarted')).toEqual({ type: 'restarted', reason: 'user' });
    await engine.waitFor((m) => m.type === 'ready');
    expect((await engine.run('x')).error?.evalue).toBe("name 'x' is not defined");
  });

  it('recovers from a crashed worker: running and queued cells are aborted, a fresh kernel starts', async () => {
    engine = await startEngine();
    const id = engine.start('import js\njs.process.exit(7)');
    const queued = engine.start('print("queued")');
    expect(await engine.waitFor((m) => m.type === 'restarted')).toMatchObject({ reason: 'crash' });
    expect((await engine.collect(id)).done.status).toBe('aborted');
    expect((await engine.collect(queued)).done.status).toBe('aborted');
    await engine.waitFor((m) => m.type === 'ready');
    expect((await engine.run('6 * 7')).result?.data['text/plain']).toBe('42');
  });

  it('reports the kernel states a UI shows', async () => {
    engine = await startEngine();
    const from = engine.messages.length;
    await engine.run('1');
    const states = engine.messages.slice(from).filter((m) => m.type === 'status').map((m) => (m.type === 'status' ? m.state : ''));
    expect(states).toEqual(['busy', 'idle']);
    expect(engine.messages.find((m) => m.type === 'ready')).toMatchObject({ fromSnapshot: true });
  });
});

describe('validation', () => {
  it('drops an invalid message and keeps working', async () => {
    engine = await startEngine();
    engine.send({ type: 'execute', id: '', code: 1 } as never);
    expect((await engine.run('"ok"')).result?.data['text/plain']).toBe("'ok'");
  });
});
