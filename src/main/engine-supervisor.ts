/**
 * @file The engine supervisor: one engine utilityProcess per open notebook, connected to its window by a
 * MessageChannelMain pair, restarted with back-off when it dies unexpectedly, killed when its window goes away.
 *
 * The supervisor hands out ports and then stays out of the data path: every engine message flows renderer ↔
 * engine directly, and so do GPU kernels and read-backs (a second port pair). It only watches process lifetimes. The messages it sends the renderer (a port, a crash notice)
 * are described in src/shared/protocol/host.ts, [Note: host bridge]. A crash restarts the engine process only:
 * the notebook lives in the renderer and is untouched; its globals are lost, which the renderer reports.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { MessageChannelMain, utilityProcess, type MessagePortMain, type UtilityProcess, type WebContents } from 'electron';
import {
  ENGINE_BOOT_MESSAGE,
  ENGINE_EXIT_MESSAGE,
  ENGINE_PORT_MESSAGE,
  type EngineBootMessage,
  type EngineExitMessage,
  type EnginePortMessage,
} from '../shared/protocol/host';

export interface SupervisorOptions {
  /** The built utility-process entry (electron-vite `?modulePath` of src/engine/electron/utility-entry.ts). */
  entryPath: string;
  /** More arguments for the entry (e.g. `--python-worker=URL`, see src/engine/electron/utility-entry.ts). */
  args?: readonly string[];
  /** Working directory for untitled notebooks, and for notebooks whose folder has disappeared. */
  defaultCwd: string;
  /** Delay before the n-th consecutive restart (the last one repeats). */
  backoffMs?: readonly number[];
  /** Consecutive crashes after which the engine is left dead until the renderer asks again. */
  maxCrashes?: number;
  /** An engine that ran this long before dying starts its crash count afresh. */
  stableAfterMs?: number;
  log?: (message: string) => void;
}

interface Engine {
  readonly key: string;
  readonly contents: WebContents;
  /** Kept apart: a destroyed WebContents throws on most property reads. */
  readonly contentsId: number;
  readonly notebookPath: string | null;
  child: UtilityProcess | null;
  startedAt: number;
  crashes: number;
  timer: ReturnType<typeof setTimeout> | null;
  stopped: boolean;
}

const DEFAULT_BACKOFF = [250, 1000, 3000, 8000] as const;

export class EngineSupervisor {
  private readonly engines = new Map<string, Engine>();
  private readonly watched = new Set<number>();
  private readonly backoff: readonly number[];
  private readonly maxCrashes: number;
  private readonly stableAfterMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: SupervisorOptions) {
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF;
    this.maxCrashes = options.maxCrashes ?? 5;
    this.stableAfterMs = options.stableAfterMs ?? 30_000;
    this.log = options.log ?? ((m) => console.warn(`[engine-supervisor] ${m}`));
  }

  /**
   * Starts an engine for a notebook of `contents` and sends it the port. A second call for the same notebook
   * replaces the engine: the renderer only asks again when it has lost its port (a reload, a new document).
   */
  connect(contents: WebContents, notebookPath: string | null): void {
    const key = `${contents.id}\0${notebookPath ?? ''}`;
    this.stop(key);
    this.watch(contents);
    const engine: Engine = {
      key, contents, contentsId: contents.id, notebookPath, child: null, startedAt: 0, crashes: 0, timer: null, stopped: false,
    };
    this.engines.set(key, engine);
    this.spawn(engine, 'start');
  }

  /** Number of engines alive or waiting to restart (for tests and diagnostics). */
  get size(): number {
    return this.engines.size;
  }

  /** Kills every engine of one window (it closed, reloaded or crashed). */
  stopAllFor(contentsId: number): void {
    for (const [key, engine] of this.engines) if (engine.contentsId === contentsId) this.stop(key);
  }

  stopAll(): void {
    for (const key of [...this.engines.keys()]) this.stop(key);
  }

  private stop(key: string): void {
    const engine = this.engines.get(key);
    if (!engine) return;
    engine.stopped = true;
    if (engine.timer) clearTimeout(engine.timer);
    engine.child?.kill();
    engine.child = null;
    this.engines.delete(key);
  }

  /**
   * A window's engines die with its page: its ports are gone once it reloads or is destroyed. Released when the
   * new document *starts* loading, so that it can never connect before its predecessor's engines are gone.
   */
  private watch(contents: WebContents): void {
    const id = contents.id;
    if (this.watched.has(id)) return;
    this.watched.add(id);
    const release = (): void => this.stopAllFor(id);
    contents.on('did-start-navigation', (event) => {
      if (event.isMainFrame && !event.isSameDocument) release();
    });
    contents.on('render-process-gone', release);
    contents.once('destroyed', () => {
      release();
      this.watched.delete(id);
    });
  }

  private spawn(engine: Engine, reason: EnginePortMessage['reason'], detail?: string): void {
    const folder = engine.notebookPath ? dirname(engine.notebookPath) : this.options.defaultCwd;
    const cwd = existsSync(folder) ? folder : this.options.defaultCwd;
    // The entry reads its working directory from --cwd (and the boot message repeats it for other readers).
    const args = [`--cwd=${cwd}`, ...(this.options.args ?? [])];
    const child = utilityProcess.fork(this.options.entryPath, args, { serviceName: 'DiveLab engine', cwd });
    engine.child = child;
    engine.startedAt = Date.now();
    child.once('exit', (code) => this.onExit(engine, child, code));
    child.on('error', (type, location) => this.log(`engine error ${type} at ${location}`));

    // Two channels per engine process: the engine protocol, and the engine's way to the renderer's GPU executor
    // (src/renderer/gpu-executor.ts). Both travel in the same two messages, in the same order: ports[0], ports[1].
    const { port1, port2 } = new MessageChannelMain();
    const gpu = new MessageChannelMain();
    const boot: EngineBootMessage = { type: ENGINE_BOOT_MESSAGE, cwd };
    child.postMessage(boot, [port1, gpu.port1]);
    const message: EnginePortMessage = { type: ENGINE_PORT_MESSAGE, notebookPath: engine.notebookPath, reason };
    if (detail !== undefined) message.detail = detail;
    this.send(engine, message, [port2, gpu.port2]);
  }

  private onExit(engine: Engine, child: UtilityProcess, code: number): void {
    // A kill we asked for, or an engine already replaced: nothing to report.
    if (engine.stopped || engine.child !== child) return;
    engine.child = null;
    if (engine.contents.isDestroyed()) return this.stop(engine.key);
    // Exit code 0 is the engine's own choice (a `shutdown` message, or its port closed): nothing to recover.
    if (code === 0) {
      this.log('The engine process exited normally.');
      return this.stop(engine.key);
    }
    if (Date.now() - engine.startedAt >= this.stableAfterMs) engine.crashes = 0;
    engine.crashes += 1;
    const detail = `The engine process exited unexpectedly (exit code ${code}).`;
    const delay =
      engine.crashes > this.maxCrashes ? null : this.backoff[Math.min(engine.crashes, this.backoff.length) - 1] ?? 0;
    this.log(`${detail} ${delay === null ? 'Giving up after repeated crashes.' : `Restarting in ${delay} ms.`}`);
    this.send(engine, { type: ENGINE_EXIT_MESSAGE, notebookPath: engine.notebookPath, detail, restartInMs: delay });
    if (delay === null) {
      this.engines.delete(engine.key);
      return;
    }
    engine.timer = setTimeout(() => {
      engine.timer = null;
      if (!engine.stopped) this.spawn(engine, 'crash', detail);
    }, delay);
  }

  private send(engine: Engine, message: EnginePortMessage | EngineExitMessage, ports: MessagePortMain[] = []): void {
    if (engine.contents.isDestroyed()) return;
    engine.contents.postMessage(message.type, message, ports);
  }
}
