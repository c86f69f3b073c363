/** @file Start-up: from the build's memory snapshot, and a plain load when there is none or it is unusable. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startEngine } from '../helpers/divelab';

const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules/pyodide/package.json'), 'utf8')) as { version: string }).version;

async function readyOf(snapshotDir?: string) {
  const engine = await startEngine({ snapshotDir });
  try {
    const ready = engine.messages.find((m) => m.type === 'ready');
    const r = await engine.run('import sys, torch\nsys.version_info[:2], torch.tensor([1, 2]).sum().item()');
    return { ready, value: r.result?.data['text/plain'] };
  } finally {
    engine.close();
  }
}

describe('engine start-up', () => {
  it('restores the snapshot that the build made', async () => {
    const { ready, value } = await readyOf();
    expect(ready).toMatchObject({ fromSnapshot: true });
    expect(value).toBe('((3, 14), 3)');
  });

  it('loads Pyodide plainly when there is no snapshot', async () => {
    const { ready, value } = await readyOf(mkdtempSync(join(tmpdir(), 'divelab-nosnap-')));
    expect(ready).toMatchObject({ fromSnapshot: false });
    expect(value).toBe('((3, 14), 3)');
  });

  it('falls back to a plain load when the snapshot is unusable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'divelab-badsnap-'));
    writeFileSync(join(dir, `pyodide-${version}.snapshot`), new Uint8Array(1024).fill(7));
    const { ready, value } = await readyOf(dir);
    expect(ready).toMatchObject({ fromSnapshot: false });
    expect(value).toBe('((3, 14), 3)');
  });
});
