/**
 * @file How the host file system appears to Python in Node and Electron.
 *
 * [Note: host paths] Python should see the same paths as the host, as `python script.py` would: `os.getcwd()` is
 * the real working directory, and an absolute path from the command line opens the real file. So each top-level
 * host directory is mounted (NODEFS, read lazily) at its own path in Pyodide's file system — except the few that
 * Pyodide itself lives in (/lib holds the standard library; /dev and /proc are emulated). A working directory
 * below one of those is mounted by itself. On Windows, where paths have drive letters, the working directory is
 * mounted at /work and only paths below it are reachable.
 */
import { readdirSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { WorkdirSpec } from '../core/control';

const RESERVED = new Set(['dev', 'proc', 'lib', 'sys']);

export function hostWorkdir(cwd: string): Extract<WorkdirSpec, { kind: 'host' }> {
  if (sep !== '/') return { kind: 'host', cwd: '/work', mounts: [{ hostPath: cwd, path: '/work' }] };
  const mounts: { hostPath: string; path: string }[] = [];
  for (const name of safeReaddir('/')) {
    if (RESERVED.has(name) || !isDir('/' + name)) continue;
    mounts.push({ hostPath: '/' + name, path: '/' + name });
  }
  const top = cwd.split('/')[1] ?? '';
  if (cwd !== '/' && !mounts.some((m) => m.path === '/' + top)) mounts.push({ hostPath: cwd, path: cwd });
  return { kind: 'host', cwd: cwd === '/' ? '/home/pyodide' : cwd, mounts };
}

/** Maps a host path to the path Python sees (identical on POSIX, see the Note). */
export function pythonPath(spec: Extract<WorkdirSpec, { kind: 'host' }>, hostPath: string): string {
  for (const m of spec.mounts) {
    if (hostPath === m.hostPath || hostPath.startsWith(m.hostPath + sep)) {
      return m.path + hostPath.slice(m.hostPath.length).split(sep).join('/');
    }
  }
  return hostPath;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
