/**
 * @file Autosave copies of unsaved notebooks under userData/autosave, one file per key (a notebook's path, or an
 * id for an untitled notebook). File names are hashes of the key, so any key is a safe name and no key can
 * reach outside the folder. Writes are atomic (atomic-write.ts): a crash mid-autosave keeps the previous copy.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from './atomic-write';

export class AutosaveStore {
  constructor(private readonly dir: string) {}

  fileFor(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.autosave`);
  }

  async write(key: string, content: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await atomicWrite(this.fileFor(key), content);
  }

  async read(key: string): Promise<string | null> {
    try {
      return await readFile(this.fileFor(key), 'utf8');
    } catch {
      return null;
    }
  }

  async clear(key: string): Promise<void> {
    await unlink(this.fileFor(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
