/** @file The Electron utility-process entry serves the engine protocol on the port it is handed (Electron faked). */
import { describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/divelab';

describe('utility-entry', () => {
  it('runs cells sent on the MessagePort from the first message, in the notebook folder given by --cwd', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'divelab-utility-')));
    const child = fork(join(ROOT, 'out/engine/utility-entry.js'), [`--cwd=${dir}`], {
      execArgv: ['--import', join(ROOT, 'tests/helpers/fake-parent-port.mjs')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const messages: { type: string; id?: string; data?: Record<string, unknown> }[] = [];
    const done = new Promise<void>((resolve) => {
      child.on('message', (m: (typeof messages)[number]) => {
        messages.push(m);
        if (m.type === 'ready') child.send({ type: 'execute', id: 'a', code: 'import os\nos.getcwd()' });
        if (m.type === 'done') resolve();
      });
    });
    await done;
    expect(messages.find((m) => m.type === 'result')?.data?.['text/plain']).toBe(`'${dir}'`);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.disconnect();
    expect(await exit).toBe(0);
  });
});
