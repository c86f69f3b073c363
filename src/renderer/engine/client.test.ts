import { describe, expect, it, vi } from 'vitest';
import type { KernelState, ToEngine } from '../../shared/protocol/engine';
import { EngineClient, type DoneMessage, type ExecutionSink, type OutputMessage } from './client';
import type { EngineTransport } from './transport';

class FakeTransport implements EngineTransport {
  sent: ToEngine[] = [];
  closed = false;
  private listener: ((d: unknown) => void) | null = null;
  private failure: ((d: string) => void) | null = null;
  send(msg: ToEngine): void {
    this.sent.push(msg);
  }
  onMessage(l: (d: unknown) => void) {
    this.listener = l;
    return () => (this.listener = null);
  }
  onFailure(l: (d: string) => void) {
    this.failure = l;
    return () => (this.failure = null);
  }
  close(): void {
    this.closed = true;
  }
  emit(d: unknown): void {
    this.listener?.(d);
  }
  die(detail: string): void {
    this.failure?.(detail);
  }
  executes(): string[] {
    return this.sent.flatMap((m) => (m.type === 'execute' ? [m.id] : []));
  }
}

function recorder() {
  const outputs: OutputMessage[] = [];
  const done: DoneMessage[] = [];
  const sink: ExecutionSink = { onOutput: (m) => outputs.push(m), onDone: (m) => done.push(m) };
  return { sink, outputs, done };
}

function setup() {
  const states: KernelState[] = [];
  const events = { onState: (s: KernelState) => states.push(s), onRestarted: vi.fn(), onInvalidMessage: vi.fn(), onInputRequest: vi.fn() };
  const client = new EngineClient(events);
  const t = new FakeTransport();
  client.attach(t);
  return { client, t, states, events };
}

describe('EngineClient', () => {
  it('runs queued cells one at a time, in order', () => {
    const { client, t } = setup();
    const a = recorder();
    const b = recorder();
    const idA = client.execute('x = 21', a.sink);
    const idB = client.execute('x * 2', b.sink);
    expect(t.executes()).toEqual([idA]);
    t.emit({ type: 'done', id: idA, executionCount: 1, status: 'ok' });
    expect(t.executes()).toEqual([idA, idB]);
    t.emit({ type: 'result', id: idB, executionCount: 2, data: { 'text/plain': '42' } });
    t.emit({ type: 'done', id: idB, executionCount: 2, status: 'ok' });
    expect(b.outputs).toEqual([{ type: 'result', id: idB, executionCount: 2, data: { 'text/plain': '42' } }]);
    expect(b.done[0]?.status).toBe('ok');
  });

  it('aborts the queued cells behind a cell that fails, as Jupyter does', () => {
    const { client, t } = setup();
    const a = recorder();
    const b = recorder();
    const c = recorder();
    const idA = client.execute('1/0', a.sink);
    client.execute('print(1)', b.sink);
    client.execute('print(2)', c.sink, { stopOnError: false });
    t.emit({ type: 'error', id: idA, ename: 'ZeroDivisionError', evalue: 'division by zero', traceback: [] });
    t.emit({ type: 'done', id: idA, executionCount: 1, status: 'error' });
    expect(b.done).toEqual([expect.objectContaining({ status: 'aborted' })]);
    expect(c.done).toEqual([]);
    expect(t.executes()).toHaveLength(2);
  });

  it('drops messages that fail validation and reports them', () => {
    const { client, t, events } = setup();
    const a = recorder();
    const id = client.execute('x', a.sink);
    t.emit({ type: 'stream', id, name: 'stdin', text: 'no' });
    t.emit({ type: 'nonsense' });
    expect(a.outputs).toEqual([]);
    expect(events.onInvalidMessage).toHaveBeenCalledTimes(2);
  });

  it('ignores outputs for executions it is not running', () => {
    const { client, t } = setup();
    const a = recorder();
    client.execute('x', a.sink);
    t.emit({ type: 'stream', id: 'exec-999', name: 'stdout', text: 'stray' });
    expect(a.outputs).toEqual([]);
  });

  it('passes the ready message on, with the compute backend and its notice when the engine names them', () => {
    const onReady = vi.fn();
    const client = new EngineClient({ onState: () => {}, onReady });
    const t = new FakeTransport();
    client.attach(t);
    t.emit({ type: 'ready', startupMs: 900, fromSnapshot: true, backend: 'CPU · 2 threads' });
    t.emit({ type: 'ready', startupMs: 800, fromSnapshot: false });
    t.emit({ type: 'ready', startupMs: 700, fromSnapshot: false, backend: 'CPU · 2 threads', notice: 'no GPU here' });
    expect(onReady.mock.calls).toEqual([
      [{ startupMs: 900, fromSnapshot: true, backend: 'CPU · 2 threads' }],
      [{ startupMs: 800, fromSnapshot: false }],
      [{ startupMs: 700, fromSnapshot: false, backend: 'CPU · 2 threads', notice: 'no GPU here' }],
    ]);
  });

  it('follows the kernel state the engine reports', () => {
    const { t, states } = setup();
    t.emit({ type: 'status', state: 'idle' });
    t.emit({ type: 'status', state: 'busy' });
    expect(states).toEqual(['idle', 'busy']);
  });

  it('aborts the running and queued cells when the kernel restarts, and reports why', () => {
    const { client, t, events } = setup();
    const a = recorder();
    const b = recorder();
    client.execute('while True: pass', a.sink);
    client.execute('x', b.sink);
    t.emit({ type: 'restarted', reason: 'interrupt-timeout', detail: 'stuck in native code' });
    expect(a.done[0]?.status).toBe('aborted');
    expect(b.done[0]?.status).toBe('aborted');
    expect(events.onRestarted).toHaveBeenCalledWith('interrupt-timeout', 'stuck in native code');
    // A late 'done' from the old kernel changes nothing.
    t.emit({ type: 'done', id: 'exec-1', executionCount: 1, status: 'ok' });
    expect(a.done).toHaveLength(1);
  });

  it('reports a dead kernel and rejects pending evaluations when the channel fails', async () => {
    const { client, t, states } = setup();
    const a = recorder();
    client.execute('x', a.sink);
    const ev = client.eval('1 + 1');
    t.die('worker crashed');
    await expect(ev).rejects.toThrow(/worker crashed/);
    expect(a.done[0]?.status).toBe('aborted');
    expect(states.at(-1)).toBe('dead');
  });

  it('resolves evaluations and file writes by their ids', async () => {
    const { client, t } = setup();
    const ev = client.eval('x');
    const wr = client.writeFile('data.csv', new Uint8Array([1]));
    const evalMsg = t.sent.find((m) => m.type === 'eval')!;
    const fileMsg = t.sent.find((m) => m.type === 'write_file')!;
    t.emit({ type: 'eval_result', id: (evalMsg as { id: string }).id, ok: true, value: '21' });
    t.emit({ type: 'write_file_done', id: (fileMsg as { id: string }).id, ok: false, error: 'disk full' });
    await expect(ev).resolves.toBe('21');
    await expect(wr).rejects.toThrow('disk full');
  });

  it('passes input requests of the running cell on and sends the reply', () => {
    const { client, t, events } = setup();
    const id = client.execute('input("name? ")', recorder().sink);
    t.emit({ type: 'input_request', id, prompt: 'name? ', password: false });
    expect(events.onInputRequest).toHaveBeenCalledWith({ type: 'input_request', id, prompt: 'name? ', password: false });
    client.replyInput(id, 'Ada');
    expect(t.sent.at(-1)).toEqual({ type: 'input_reply', id, value: 'Ada' });
  });

  it('closes the old transport when a new one is attached after a crash', () => {
    const { client, t } = setup();
    const a = recorder();
    client.execute('x', a.sink);
    const fresh = new FakeTransport();
    client.attach(fresh);
    expect(t.closed).toBe(true);
    expect(a.done[0]?.status).toBe('aborted');
    client.execute('y', recorder().sink);
    expect(fresh.executes()).toHaveLength(1);
  });

  it('tells every engine it attaches to the backend preference, first of all', () => {
    const client = new EngineClient({ onState: () => {} }, 'cpu');
    const t = new FakeTransport();
    client.attach(t);
    expect(t.sent).toEqual([{ type: 'configure', backend: 'cpu' }]);
    client.restart('webgpu');
    expect(t.sent.at(-1)).toEqual({ type: 'restart', backend: 'webgpu' });
    const fresh = new FakeTransport();
    client.attach(fresh);
    expect(fresh.sent).toEqual([{ type: 'configure', backend: 'webgpu' }]);
    client.configure('auto');
    expect(fresh.sent.at(-1)).toEqual({ type: 'configure', backend: 'auto' });
    client.restart();
    expect(fresh.sent.at(-1)).toEqual({ type: 'restart' });
  });

  it('says whether the kernel was given anything to run since it started', () => {
    const { client, t } = setup();
    expect(client.used).toBe(false);
    const id = client.execute('x = 1', recorder().sink);
    expect(client.used).toBe(true);
    t.emit({ type: 'done', id, executionCount: 1, status: 'ok' });
    client.restart();
    expect(client.used).toBe(false);
    void client.eval('x').catch(() => {});
    expect(client.used).toBe(true);
    t.emit({ type: 'restarted', reason: 'crash' });
    expect(client.used).toBe(false);
  });
});
