/**
 * @file Crash-safe file writes: the new content goes to a temporary file in the same folder, is flushed to disk,
 * and then renamed over the target, so the target is always either the old file or the complete new one.
 *
 * [Note: atomic write] rename() within one folder is atomic on every file system DiveLab targets, and the temp
 * file must live in the same folder for that (a rename across devices is a copy). fsync before the rename makes
 * sure the new bytes are on disk before the name points at them; fsync of the folder afterwards makes the rename
 * itself durable. On any failure the temp file is removed and the error is passed on, so a read-only or deleted
 * folder leaves nothing half-written behind. A file marked read-only is refused rather than replaced. A crash (kill -9, power loss) can leave a temp file, which the next
 * successful write of the same target sweeps away. Writes to one path are queued, so an autosave and a save
 * never interleave and the last one asked for is the one that ends on disk.
 */
import * as fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests substitute faulty ones. */
export interface AtomicIo {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  stat: typeof fsp.stat;
  readdir: (dir: string) => Promise<string[]>;
  realpath: (path: string) => Promise<string>;
}

export const nodeIo: AtomicIo = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  stat: fsp.stat,
  readdir: (dir) => fsp.readdir(dir),
  realpath: (path) => fsp.realpath(path),
};

const TEMP_SUFFIX = '.divelab-tmp';
/** Error code of a write refused because the file is marked read-only. */
export const READ_ONLY = 'EFILEREADONLY';

/** The temp-file prefix for a target: hidden, and recognisable so that leftovers can be swept. */
function tempPrefix(target: string): string {
  return `.${basename(target)}.`;
}

export function isTempFileOf(target: string, name: string): boolean {
  return name.startsWith(tempPrefix(target)) && name.endsWith(TEMP_SUFFIX);
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `job` after every earlier job for the same path has finished (successfully or not). */
function queued<T>(path: string, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous.then(job, job);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path);
  });
  return next;
}

/** Writes `data` to `target` atomically (see the Note). Rejects with the file-system error on failure. */
export function atomicWrite(target: string, data: string | Uint8Array, io: AtomicIo = nodeIo): Promise<void> {
  return queued(target, () => writeNow(target, data, io));
}

async function writeNow(path: string, data: string | Uint8Array, io: AtomicIo): Promise<void> {
  // Saving through a symbolic link updates the file it points to; renaming over the link would replace it.
  const target = await io.realpath(path).catch(() => path);
  const dir = dirname(target);
  const temp = join(dir, `${tempPrefix(target)}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  // Keep the permissions of the file being replaced (a new file gets the usual default).
  const existing = await io.stat(target).catch(() => null);
  // A read-only file must stay as it is: rename() would replace it anyway, since only the folder is written.
  // The mode bits are checked, not access(): they mean the same to every user, root included.
  if (existing && (existing.mode & 0o222) === 0) {
    throw Object.assign(new Error(`the file is read-only: ${target}`), { code: READ_ONLY, path: target });
  }
  const mode = existing ? existing.mode & 0o7777 : 0o666;
  let created = false;
  try {
    const handle = await io.open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, target);
    created = false;
  } catch (err) {
    if (created) await io.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncFolder(dir, io);
  await sweepLeftovers(target, io);
}

/** Makes the rename durable. Not every platform can open a folder (Windows cannot); that is not an error. */
async function syncFolder(dir: string, io: AtomicIo): Promise<void> {
  try {
    const handle = await io.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/** Removes temp files that an earlier, crashed write of the same target left behind. */
async function sweepLeftovers(target: string, io: AtomicIo): Promise<void> {
  const dir = dirname(target);
  const names = await io.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (isTempFileOf(target, name)) await io.unlink(join(dir, name)).catch(() => undefined);
  }
}

/** Plain words for the file-system errors a student can meet when saving or opening. */
export function describeFsError(err: unknown, path: string, action: 'write' | 'open' = 'write'): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (action === 'open' && code === 'ENOENT') return `Could not open ${path}: the file no longer exists.`;
  switch (code) {
    case 'ENOENT':
      return `Could not ${action} ${path}: the folder no longer exists.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not ${action} ${path}: permission denied.`;
    case 'EROFS':
      return `Could not ${action} ${path}: the disk is read-only.`;
    case READ_ONLY:
      return `Could not ${action} ${path}: the file is read-only.`;
    case 'ENOSPC':
      return `Could not ${action} ${path}: the disk is full.`;
    case 'EISDIR':
      return `Could not ${action} ${path}: it is a folder.`;
    default:
      return `Could not ${action} ${path}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
