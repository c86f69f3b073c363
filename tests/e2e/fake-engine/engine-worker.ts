/**
 * @file A scripted stand-in for the engine, for UI tests that must not depend on Python's speed: it speaks the
 * real protocol (each message it sends is checked by the UI's parseFromEngine) and understands a handful of
 * fixed cell forms. Built only into out/web-fake (DIVELAB_WEB_ENGINE=fake); the real app never contains it.
 *
 *   NAME = INT          assign            NAME / NAME * INT   result
 *   print_lines(N)      N lines of stdout  slow_loop()       runs until interrupted (KeyboardInterrupt)
 *   input(PROMPT)       input request      raise ValueError  an error with an ANSI traceback
 *   html()              a text/html display of a table       crash()  the worker dies
 *   plot()              a Plotly figure and a PNG image
 */
import type { FromEngine, ToEngine } from '../../../src/shared/protocol/engine';

const scope = self as unknown as { postMessage(m: FromEngine): void; onmessage: ((e: MessageEvent<ToEngine>) => void) | null; close(): void };
const vars = new Map<string, number>();
let count = 0;
let interrupted = false;
let pendingInput: ((v: string) => void) | null = null;
const queue: Array<Extract<ToEngine, { type: 'execute' }>> = [];
let busy = false;

const send = (m: FromEngine) => scope.postMessage(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(msg: Extract<ToEngine, { type: 'execute' }>): Promise<void> {
  const { id } = msg;
  const n = msg.silent ? null : ++count;
  const code = msg.code.trim();
  let m: RegExpMatchArray | null;
  const ok = () => send({ type: 'done', id, executionCount: n, status: 'ok' });
  const fail = (ename: string, evalue: string, tb: string[]) => {
    send({ type: 'error', id, ename, evalue, traceback: tb });
    send({ type: 'done', id, executionCount: n, status: 'error' });
  };
  if ((m = code.match(/^(\w+)\s*=\s*(\d+)$/))) {
    vars.set(m[1]!, Number(m[2]));
    return ok();
  }
  if ((m = code.match(/^(\w+)(?:\s*\*\s*(\d+))?$/))) {
    if (!vars.has(m[1]!)) return fail('NameError', `name '${m[1]}' is not defined`, [`\u001b[0;31mNameError\u001b[0m: name '${m[1]}' is not defined`]);
    const v = vars.get(m[1]!)! * Number(m[2] ?? 1);
    send({ type: 'result', id, executionCount: n ?? 0, data: { 'text/plain': String(v) } });
    return ok();
  }
  if ((m = code.match(/^print_lines\((\d+)\)$/))) {
    const total = Number(m[1]);
    const batch = 50_000;
    for (let i = 0; i < total; i += batch) {
      let text = '';
      for (let j = i; j < Math.min(total, i + batch); j++) text += `line ${j}\n`;
      send({ type: 'stream', id, name: 'stdout', text });
      await sleep(0);
    }
    return ok();
  }
  if (code === 'slow_loop()') {
    interrupted = false;
    while (!interrupted) await sleep(20);
    return fail('KeyboardInterrupt', '', ['\u001b[0;31mKeyboardInterrupt\u001b[0m: ']);
  }
  if ((m = code.match(/^input\((['"])(.*)\1\)$/))) {
    send({ type: 'input_request', id, prompt: m[2]!, password: false });
    const value = await new Promise<string>((r) => (pendingInput = r));
    send({ type: 'result', id, executionCount: n ?? 0, data: { 'text/plain': `'${value}'` } });
    return ok();
  }
  if (code.startsWith('raise ValueError')) {
    return fail('ValueError', 'boom', ['\u001b[0;31m---------------------------------------------------------------------------\u001b[0m', "\u001b[0;31mValueError\u001b[0m: boom"]);
  }
  if (code === 'html()') {
    send({ type: 'display', id, data: { 'text/html': '<table class="dataframe"><tr><th>a</th></tr><tr><td>1</td></tr></table><script>window.pwned=1</script><img src=x onerror="window.pwned=2">', 'text/plain': 'a\n1' } });
    return ok();
  }
  if (code === 'plot()') {
    const figure = { data: [{ x: [0, 1, 2], y: [0, 1, 4], type: 'scatter', mode: 'lines' }], layout: { title: { text: 'y = x²' } } };
    send({ type: 'display', id, data: { 'application/vnd.plotly.v1+json': figure, 'text/plain': '<Figure>' } });
    // A 1×1 red pixel.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    send({ type: 'display', id, data: { 'image/png': png, 'text/plain': '<Image>' } });
    return ok();
  }
  if (code === 'crash()') {
    // An uncaught error outside any handler ends the worker the way a real engine crash would.
    setTimeout(() => {
      throw new Error('fake engine crashed');
    });
    return;
  }
  return fail('SyntaxError', 'the fake engine does not understand this cell', []);
}

async function pump(): Promise<void> {
  if (busy) return;
  const next = queue.shift();
  if (!next) return;
  busy = true;
  send({ type: 'status', state: 'busy' });
  await run(next);
  busy = false;
  send({ type: 'status', state: 'idle' });
  void pump();
}

scope.onmessage = (e) => {
  const msg = e.data;
  switch (msg.type) {
    case 'execute': queue.push(msg); void pump(); return;
    case 'interrupt': interrupted = true; return;
    case 'input_reply': pendingInput?.(msg.value); pendingInput = null; return;
    case 'restart':
      vars.clear();
      count = 0;
      queue.length = 0;
      send({ type: 'status', state: 'restarting' });
      send({ type: 'restarted', reason: 'user' });
      send({ type: 'status', state: 'idle' });
      return;
    case 'write_file': send({ type: 'write_file_done', id: msg.id, ok: true }); return;
    case 'eval': send({ type: 'eval_result', id: msg.id, ok: true, value: '0' }); return;
    default: return;
  }
};

send({ type: 'status', state: 'starting' });
setTimeout(() => {
  send({ type: 'ready', startupMs: 5, fromSnapshot: false });
  send({ type: 'status', state: 'idle' });
}, 50);
