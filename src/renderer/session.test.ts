import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { perform, runAll } from './session';
import { useKernelStore } from './stores/kernel';
import { useNotebookStore } from './stores/notebook';
import { FakeTransport } from './engine/fake-transport';

function setup() {
  setActivePinia(createPinia());
  const nb = useNotebookStore();
  const kernel = useKernelStore();
  const t = new FakeTransport();
  kernel.attach(t);
  t.emit({ type: 'status', state: 'idle' });
  return { nb, kernel, t };
}

describe('notebook actions', () => {
  beforeEach(() => vi.useRealTimers());

  it('Shift+Enter on the last cell runs it and opens a new cell for typing', () => {
    const { nb, t } = setup();
    nb.setSource(nb.cells[0]!.id, 'x = 21');
    perform('run-next');
    expect(t.lastExecute().code).toBe('x = 21');
    expect(nb.cells).toHaveLength(2);
    expect(nb.active).toBe(1);
    expect(nb.mode).toBe('edit');
  });

  it('shows [*] while queued or running, then the execution count and the result', () => {
    const { nb, kernel, t } = setup();
    const cell = nb.cells[0]!;
    nb.setSource(cell.id, 'x * 2');
    perform('run');
    expect(kernel.runState[cell.id]).toBe('running');
    const id = t.lastExecute().id;
    t.emit({ type: 'result', id, executionCount: 2, data: { 'text/plain': '42' } });
    t.emit({ type: 'done', id, executionCount: 2, status: 'ok' });
    expect(kernel.runState[cell.id]).toBeUndefined();
    expect(cell.executionCount).toBe(2);
    expect(cell.outputs).toEqual([{ output_type: 'execute_result', execution_count: 2, data: { 'text/plain': '42' }, metadata: {} }]);
  });

  it('batches a flood of stream messages into one output', () => {
    vi.useFakeTimers();
    const { nb, t } = setup();
    const cell = nb.cells[0]!;
    nb.setSource(cell.id, 'for i in range(3): print(i)');
    perform('run');
    const id = t.lastExecute().id;
    const v0 = nb.version;
    for (let i = 0; i < 1000; i++) t.emit({ type: 'stream', id, name: 'stdout', text: `${i}\n` });
    expect(cell.outputs).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(cell.outputs).toHaveLength(1);
    expect(nb.version).toBe(v0 + 1);
    expect((cell.outputs[0] as { text: string }).text.split('\n')).toHaveLength(1001);
  });

  it('runs all code cells in order and skips Markdown', () => {
    const { nb, t } = setup();
    nb.setSource(nb.cells[0]!.id, 'a = 1');
    nb.insert(1, 'markdown', '# Title');
    nb.insert(2, 'code', 'a');
    runAll();
    const first = t.lastExecute();
    expect(first.code).toBe('a = 1');
    t.emit({ type: 'done', id: first.id, executionCount: 1, status: 'ok' });
    expect(t.lastExecute().code).toBe('a');
    expect(t.sent.filter((m) => m.type === 'execute')).toHaveLength(2);
  });

  it('says the kernel restarted after an interrupt that did not take, and keeps the cells', () => {
    const { nb, kernel, t } = setup();
    nb.setSource(nb.cells[0]!.id, 'stuck()');
    perform('run');
    perform('interrupt');
    expect(t.sent.at(-1)).toEqual({ type: 'interrupt' });
    t.emit({ type: 'restarted', reason: 'interrupt-timeout' });
    expect(kernel.notice?.kind).toBe('warning');
    expect(kernel.notice?.text).toContain('did not stop when interrupted, so it was restarted');
    expect(kernel.runState).toEqual({});
    expect(nb.cells[0]!.source).toBe('stuck()');
  });

  it('passes input() requests to the running cell and echoes the answer', () => {
    const { nb, kernel, t } = setup();
    const cell = nb.cells[0]!;
    nb.setSource(cell.id, "input('name? ')");
    perform('run');
    const id = t.lastExecute().id;
    t.emit({ type: 'input_request', id, prompt: 'name? ', password: false });
    expect(kernel.input).toMatchObject({ cellId: cell.id, prompt: 'name? ' });
    kernel.replyInput('Ada');
    expect(t.sent.at(-1)).toEqual({ type: 'input_reply', id, value: 'Ada' });
    expect(kernel.input).toBeNull();
    expect(cell.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'name? Ada\n' }]);
  });

  it('edits cells the Jupyter way: insert, delete and undo, change type, move', () => {
    const { nb } = setup();
    nb.setSource(nb.cells[0]!.id, 'one');
    perform('insert-below');
    nb.setSource(nb.cells[1]!.id, 'two');
    perform('move-up');
    expect(nb.cells.map((c) => c.source)).toEqual(['two', 'one']);
    perform('to-markdown');
    expect(nb.cells[0]!.type).toBe('markdown');
    perform('delete');
    expect(nb.cells.map((c) => c.source)).toEqual(['one']);
    perform('undo-delete');
    expect(nb.cells.map((c) => c.source)).toEqual(['two', 'one']);
  });
});
