/** @file Recent notebooks and autosave copies, both persisted under userData. */
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveStore } from '../../../src/main/autosave-store';
import { MAX_RECENT, RecentFiles } from '../../../src/main/recent-files';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'divelab-user-'));
});

describe('RecentFiles', () => {
  it('puts the latest first and never lists a file twice', async () => {
    const recent = new RecentFiles(join(dir, 'recent.json'));
    await recent.add('/n/a.ipynb');
    await recent.add('/n/b.ipynb');
    await recent.add('/n/./a.ipynb');
    expect(await recent.get()).toEqual(['/n/a.ipynb', '/n/b.ipynb']);
  });

  it(`keeps at most ${MAX_RECENT}`, async () => {
    const recent = new RecentFiles(join(dir, 'recent.json'));
    for (let i = 0; i < 15; i++) await recent.add(`/n/${i}.ipynb`);
    const list = await recent.get();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/n/14.ipynb');
    expect(list.at(-1)).toBe('/n/5.ipynb');
  });

  it('persists across restarts of the app', async () => {
    const file = join(dir, 'recent.json');
    await new RecentFiles(file).add('/n/a.ipynb');
    await new RecentFiles(file).add('/n/b.ipynb');
    expect(await new RecentFiles(file).get()).toEqual(['/n/b.ipynb', '/n/a.ipynb']);
  });

  it('starts empty from a missing or damaged file, and cleans a hand-edited one', async () => {
    expect(await new RecentFiles(join(dir, 'none.json')).get()).toEqual([]);
    await fsp.writeFile(join(dir, 'bad.json'), '{not json');
    expect(await new RecentFiles(join(dir, 'bad.json')).get()).toEqual([]);
    await fsp.writeFile(join(dir, 'odd.json'), JSON.stringify(['/a.ipynb', 3, '', '/a.ipynb', '/b.ipynb']));
    expect(await new RecentFiles(join(dir, 'odd.json')).get()).toEqual(['/a.ipynb', '/b.ipynb']);
  });

  it('reports every change (the menu is rebuilt from it), and can remove or clear', async () => {
    const onChange = vi.fn();
    const recent = new RecentFiles(join(dir, 'recent.json'), onChange);
    await recent.add('/a.ipynb');
    await recent.add('/b.ipynb');
    await recent.remove('/a.ipynb');
    expect(onChange).toHaveBeenLastCalledWith(['/b.ipynb']);
    await recent.clear();
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(JSON.parse(await fsp.readFile(join(dir, 'recent.json'), 'utf8'))).toEqual([]);
  });
});

describe('AutosaveStore', () => {
  it('keeps one copy per key, and reads back nothing once cleared', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'));
    await store.write('/n/a.ipynb', 'edits of a');
    await store.write('untitled-1', 'edits of untitled');
    await store.write('/n/a.ipynb', 'newer edits of a');
    expect(await store.read('/n/a.ipynb')).toBe('newer edits of a');
    expect(await store.read('untitled-1')).toBe('edits of untitled');
    await store.clear('/n/a.ipynb');
    await store.clear('/n/a.ipynb'); // clearing twice is fine
    expect(await store.read('/n/a.ipynb')).toBeNull();
    expect(await store.read('never written')).toBeNull();
  });

  it('stores keys as hashed names inside its folder, whatever the key holds', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'));
    await store.write('../../escape', 'x');
    expect(store.fileFor('../../escape').startsWith(join(dir, 'autosave'))).toBe(true);
    expect(await fsp.readdir(join(dir, 'autosave'))).toEqual([expect.stringMatching(/^[0-9a-f]{40}\.autosave$/)]);
    expect(await fsp.readdir(dir)).toEqual(['autosave']);
  });
});

describe('RecentFiles under concurrent calls', () => {
  it('loses no entry when several are added at once on a fresh start', async () => {
    const file = join(dir, 'recent.json');
    await fsp.writeFile(file, JSON.stringify(['/old.ipynb']));
    const recent = new RecentFiles(file);
    await Promise.all([recent.add('/a.ipynb'), recent.add('/b.ipynb'), recent.add('/c.ipynb')]);
    expect(await recent.get()).toEqual(['/c.ipynb', '/b.ipynb', '/a.ipynb', '/old.ipynb']);
    expect(await new RecentFiles(file).get()).toEqual(['/c.ipynb', '/b.ipynb', '/a.ipynb', '/old.ipynb']);
  });
});

describe('RecentFiles when userData cannot be written', () => {
  it('reports the failure and keeps the previous list', async () => {
    const file = join(dir, 'missing-folder', 'recent.json');
    const recent = new RecentFiles(file);
    await expect(recent.add('/a.ipynb')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await recent.get()).toEqual([]);
    await fsp.mkdir(join(dir, 'missing-folder'));
    expect(await recent.add('/b.ipynb')).toEqual(['/b.ipynb']);
  });
});
