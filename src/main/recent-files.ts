/**
 * @file The recent-notebooks list: most recent first, no duplicates, at most ten, kept in a JSON file under
 * userData (written atomically, so a crash never loses the list).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { atomicWrite } from './atomic-write';

export const MAX_RECENT = 10;

export class RecentFiles {
  /** Every read and change runs in this chain, so concurrent calls see each other's results. */
  private chain: Promise<readonly string[]>;

  /** `file` is the JSON file; `onChange` runs after every change (the menu's Open Recent is rebuilt from it). */
  constructor(
    private readonly file: string,
    private readonly onChange: (list: readonly string[]) => void = () => undefined,
  ) {
    this.chain = this.read();
  }

  async get(): Promise<string[]> {
    return [...(await this.chain)];
  }

  /** Moves `path` to the front (adding it if new) and drops the oldest beyond MAX_RECENT. */
  add(path: string): Promise<string[]> {
    const full = resolve(path);
    return this.change((list) => [full, ...list.filter((p) => p !== full)].slice(0, MAX_RECENT));
  }

  remove(path: string): Promise<string[]> {
    const full = resolve(path);
    return this.change((list) => list.filter((p) => p !== full));
  }

  clear(): Promise<string[]> {
    return this.change(() => []);
  }

  private change(edit: (list: readonly string[]) => string[]): Promise<string[]> {
    const previous = this.chain;
    const next = previous.then(async (list) => {
      const updated = edit(list);
      await atomicWrite(this.file, JSON.stringify(updated, null, 1));
      this.onChange(updated);
      return updated;
    });
    // A failed write keeps the previous list for the next call, and reports the failure to this one.
    this.chain = next.catch(() => previous);
    return next.then((l) => [...l]);
  }

  private async read(): Promise<readonly string[]> {
    let parsed: unknown = [];
    try {
      parsed = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      // missing or damaged: start empty
    }
    const paths = Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
    return [...new Set(paths.map((p) => resolve(p)))].slice(0, MAX_RECENT);
  }
}
