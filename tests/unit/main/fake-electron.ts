/**
 * @file A small stand-in for the `electron` module, for main-process and preload unit tests
 * (`vi.mock('electron', () => import('./fake-electron'))`). Electron's binary is not available here, so the fakes
 * model just the behaviour the code relies on: events, handlers, and records of what was called.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeFrame {
  routingId: number;
  processId: number;
  parent: FakeFrame | null;
  url: string;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  private readonly ownId = nextId++;
  /** Like Electron's, reading it from a destroyed WebContents throws. */
  get id(): number {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    return this.ownId;
  }
  readonly mainFrame: FakeFrame = { routingId: 1, processId: 7, parent: null, url: 'app://divelab/index.html' };
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  readonly postMessage = vi.fn();
  readonly reload = vi.fn();
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static focused: BrowserWindow | null = null;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async () => undefined);
  readonly show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all;
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.focused;
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export class FakeUtilityProcess extends EventEmitter {
  readonly postMessage = vi.fn();
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  /** Like Electron: kill() ends the process, and 'exit' follows asynchronously. */
  kill(): boolean {
    if (this.killed) return false;
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 143));
    return true;
  }
  /** Simulates an unexpected death. */
  crash(code = 1): void {
    this.emit('exit', code);
  }
}

export const utilityProcess = {
  forks: [] as FakeUtilityProcess[],
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}): FakeUtilityProcess {
    const child = new FakeUtilityProcess(modulePath, args, options);
    this.forks.push(child);
    return child;
  },
};

let nextPort = 1;
export class MessageChannelMain {
  readonly port1 = { id: nextPort++ };
  readonly port2 = { id: nextPort++ };
}

export const shell = { openExternal: vi.fn(async () => undefined) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBoxSync: vi.fn(() => 1),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => template),
  setApplicationMenu: vi.fn(),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => undefined),
});
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

/** The app object: lifecycle events, paths under one temporary folder, and records of the calls made. */
export const app = Object.assign(new EventEmitter(), {
  paths: {} as Record<string, string>,
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(async () => undefined),
  quit: vi.fn(),
  getPath(name: string): string {
    const path = app.paths[name];
    if (!path) throw new Error(`no fake path for ${name}`);
    return path;
  },
});

/** A session that records the handlers installed on it. */
export function fakeSession() {
  const s = {
    onHeaders: null as null | ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    request: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void),
    check: null as null | ((c: unknown, p: string, origin: string) => boolean),
    device: null as null | (() => boolean),
    webRequest: { onHeadersReceived: (fn: never) => void (s.onHeaders = fn) },
    setPermissionRequestHandler: (fn: never) => void (s.request = fn),
    setPermissionCheckHandler: (fn: never) => void (s.check = fn),
    setDevicePermissionHandler: (fn: never) => void (s.device = fn),
  };
  return s;
}
export const session = { defaultSession: fakeSession() };

/** Clears every record between tests. */
export function resetFakes(): void {
  BrowserWindow.all = [];
  BrowserWindow.focused = null;
  ipcMain.handlers.clear();
  utilityProcess.forks = [];
  vi.clearAllMocks();
}
