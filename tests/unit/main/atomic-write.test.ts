/** @file Atomic writes: the target is always the old file or the complete new one, and failures leave no debris. */
import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, describeFsError, isTempFileOf, nodeIo, type AtomicIo } from '../../../src/main/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'divelab-atomic-'));
});
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('atomicWrite', () => {
  it('creates a file, then replaces it, keeping its permissions', async () => {
    const target = join(dir, 'a.ipynb');
    await atomicWrite(target, 'one');
    expect(await fsp.readFile(target, 'utf8')).toBe('one');
    await fsp.chmod(target, 0o640);
    await atomicWrite(target, new TextEncoder().encode('two'));
    expect(await fsp.readFile(target, 'utf8')).toBe('two');
    expect((await fsp.stat(target)).mode & 0o777).toBe(0o640);
    expect(await fsp.readdir(dir)).toEqual(['a.ipynb']);
  });

  it('writes through a symbolic link, keeping the link', async () => {
    await fsp.mkdir(join(dir, 'real'));
    await fsp.writeFile(join(dir, 'real', 'a.ipynb'), 'old');
    await fsp.symlink(join(dir, 'real', 'a.ipynb'), join(dir, 'link.ipynb'));
    await atomicWrite(join(dir, 'link.ipynb'), 'new');
    expect((await fsp.lstat(join(dir, 'link.ipynb'))).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(join(dir, 'real', 'a.ipynb'), 'utf8')).toBe('new');
    expect(await fsp.readdir(join(dir, 'real'))).toEqual(['a.ipynb']);
  });

  it('leaves the old file intact and removes the temp file when writing fails half way', async () => {
    const target = join(dir, 'a.ipynb');
    await fsp.writeFile(target, 'original');
    const faulty: AtomicIo = {
      ...nodeIo,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        // Write the first half for real, then fail like a full disk.
        return Object.assign(handle, {
          writeFile: async (data: string) => {
            await fsp.appendFile(String(args[0]), data.slice(0, data.length / 2));
            throw errno('ENOSPC');
          },
        });
      }) as typeof fsp.open,
    };
    await expect(atomicWrite(target, 'x'.repeat(1000), faulty)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fsp.readFile(target, 'utf8')).toBe('original');
    expect(await fsp.readdir(dir)).toEqual(['a.ipynb']);
  });

  it('leaves the old file intact when the rename fails (read-only folder)', async () => {
    const target = join(dir, 'a.ipynb');
    await fsp.writeFile(target, 'original');
    const readOnly: AtomicIo = { ...nodeIo, rename: async () => Promise.reject(errno('EROFS')) };
    const err = await atomicWrite(target, 'new', readOnly).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EROFS' });
    expect(describeFsError(err, target)).toBe(`Could not write ${target}: the disk is read-only.`);
    expect(await fsp.readFile(target, 'utf8')).toBe('original');
    expect(await fsp.readdir(dir)).toEqual(['a.ipynb']);
  });

  it('refuses to replace a file marked read-only, and leaves it as it was', async () => {
    const target = join(dir, 'a.ipynb');
    await fsp.writeFile(target, 'protected');
    await fsp.chmod(target, 0o444);
    const err = await atomicWrite(target, 'new').catch((e: unknown) => e);
    expect(describeFsError(err, target)).toBe(`Could not write ${target}: the file is read-only.`);
    expect(await fsp.readFile(target, 'utf8')).toBe('protected');
    expect(await fsp.readdir(dir)).toEqual(['a.ipynb']);
  });

  it('fails with "permission denied" and creates nothing when the folder refuses new files', async () => {
    const target = join(dir, 'a.ipynb');
    const denied: AtomicIo = { ...nodeIo, open: async () => Promise.reject(errno('EACCES')) };
    const err = await atomicWrite(target, 'new', denied).catch((e: unknown) => e);
    expect(describeFsError(err, target)).toBe(`Could not write ${target}: permission denied.`);
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('fails with a clear error, and writes nothing anywhere, when the folder was deleted', async () => {
    const gone = join(dir, 'lesson');
    await fsp.mkdir(gone);
    await fsp.rm(gone, { recursive: true });
    const target = join(gone, 'a.ipynb');
    const err = await atomicWrite(target, 'new').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ENOENT' });
    expect(describeFsError(err, target)).toBe(`Could not write ${target}: the folder no longer exists.`);
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('runs writes to one path in order, so the last save wins', async () => {
    const target = join(dir, 'a.ipynb');
    await Promise.all(Array.from({ length: 20 }, (_, i) => atomicWrite(target, `version ${i}`)));
    expect(await fsp.readFile(target, 'utf8')).toBe('version 19');
  });

  it('keeps going after a failed write in the queue', async () => {
    const target = join(dir, 'a.ipynb');
    const failing = atomicWrite(target, 'bad', { ...nodeIo, rename: async () => Promise.reject(errno('EIO')) });
    const next = atomicWrite(target, 'good');
    await expect(failing).rejects.toMatchObject({ code: 'EIO' });
    await next;
    expect(await fsp.readFile(target, 'utf8')).toBe('good');
  });

  it('sweeps temp files left by a crashed write of the same file, and only those', async () => {
    const target = join(dir, 'a.ipynb');
    await fsp.writeFile(join(dir, '.a.ipynb.0123456789ab.divelab-tmp'), 'half');
    await fsp.writeFile(join(dir, '.b.ipynb.0123456789ab.divelab-tmp'), 'other file');
    await fsp.writeFile(join(dir, 'notes.txt'), 'user file');
    await atomicWrite(target, 'done');
    expect((await fsp.readdir(dir)).sort()).toEqual(['.b.ipynb.0123456789ab.divelab-tmp', 'a.ipynb', 'notes.txt']);
    expect(isTempFileOf(target, '.a.ipynb.ffffffffffff.divelab-tmp')).toBe(true);
    expect(isTempFileOf(target, 'a.ipynb')).toBe(false);
  });

  it('survives kill -9 at arbitrary moments: the file is always one complete version', async () => {
    const target = join(dir, 'big.ipynb');
    const size = 4 * 1024 * 1024;
    const script = join(import.meta.dirname, 'fixtures', 'crash-writer.ts');
    for (const delayMs of [7, 23, 61]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, target, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const content = await fsp.readFile(target);
      expect(content.length).toBe(size);
      const first = content[0]!;
      expect(content.every((b) => b === first)).toBe(true);
    }
    // Whatever temp file the kill left behind goes with the next successful save.
    await atomicWrite(target, 'after');
    expect(await fsp.readdir(dir)).toEqual(['big.ipynb']);
  }, 60_000);
});

describe('describeFsError', () => {
  it('speaks plainly about the usual failures', () => {
    expect(describeFsError(errno('ENOSPC'), '/x.ipynb')).toBe('Could not write /x.ipynb: the disk is full.');
    expect(describeFsError(errno('ENOENT'), '/x.ipynb', 'open')).toBe('Could not open /x.ipynb: the file no longer exists.');
    expect(describeFsError(new Error('odd'), '/x.ipynb')).toBe('Could not write /x.ipynb: odd');
  });
});
