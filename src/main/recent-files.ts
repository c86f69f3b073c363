/**
 * @file The recent-notebooks list: most recent first, no duplicates, at most ten, kept in a JSON file under
 * userData (written atomically, so a crash never loses the list).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { atomicWrite } from './atomic-write';

export const MAX_RECENT = 10;

export class RecentFiles {
  private list: string[] | null = null;

  /** `file` is the JSON file; `onChange` runs after every change (the menu's Open Recent is rebuilt from it). */
  constructor(
    private readonly file: string,
    private readonly onChange: (list: readonly string[]) => void = () => undefined,
  ) {}

  async get(): Promise<string[]> {
    return [...(await this.load())];
  }

  /** Moves `path` to the front (adding it if new) and drops the oldest beyond MAX_RECENT. */
  async add(path: string): Promise<string[]> {
    const full = resolve(path);
    const next = [full, ...(await this.load()).filter((p) => p !== full)].slice(0, MAX_RECENT);
    return this.store(next);
  }

  async remove(path: string): Promise<string[]> {
    const full = resolve(path);
    return this.store((await this.load()).filter((p) => p !== full));
  }

  async clear(): Promise<string[]> {
    return this.store([]);
  }

  private async load(): Promise<string[]> {
    if (this.list) return this.list;
    let parsed: unknown = [];
    try {
      parsed = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      // missing or damaged: start empty
    }
    const paths = Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
    this.list = [...new Set(paths.map((p) => resolve(p)))].slice(0, MAX_RECENT);
    return this.list;
  }

  private async store(next: string[]): Promise<string[]> {
    this.list = next;
    await atomicWrite(this.file, JSON.stringify(next, null, 1));
    this.onChange(next);
    return [...next];
  }
}
