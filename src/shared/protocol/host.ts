/**
 * @file The typed bridge between the renderer and its host: `window.divelab` in Electron (exposed by the preload
 * through contextBridge, served by the main process over IPC), or the browser-mode host in the renderer itself.
 *
 * [Note: host bridge] The renderer only ever talks to a `Host` (src/renderer/host). In Electron that host wraps
 * `window.divelab: DivelabBridge`. Each bridge method is one IPC channel `divelab:<method>`; the main process
 * validates the arguments with `HostArgs[method]` and checks the sender's frame before acting. The engine's
 * MessagePort does not go through these calls: after `connectEngine()` the preload forwards the port with
 * `window.postMessage({ type: 'divelab:engine-port', ... }, location.origin, [port])` (an `EnginePortMessage`), and
 * from then on the renderer and the engine talk the engine protocol (src/shared/protocol/engine.ts) directly; the
 * main process stays out of the data path.
 *
 * When the engine *process* dies (not just its Python worker, which the engine restarts itself), the main process
 * posts an `EngineExitMessage` at once and, after a short back-off, a fresh `EnginePortMessage` with reason 'crash'
 * for the same notebook: the renderer swaps its port and keeps the notebook as it is. `restartInMs: null` means the
 * engine kept crashing and was not restarted; calling `connectEngine()` again tries anew.
 */
import * as v from 'valibot';

export interface OpenedFile {
  path: string;
  name: string;
  /** UTF-8 text for notebooks; raw bytes for data files. */
  content: string;
}

export type SaveResult = { ok: true; path: string } | { ok: false; error: string };

export interface DivelabBridge {
  readonly platform: 'electron';
  /** Native open dialog for notebooks (.ipynb). Null when cancelled. */
  openNotebook(): Promise<OpenedFile | null>;
  /** Opens a notebook by path (recent files). */
  readNotebook(path: string): Promise<OpenedFile>;
  /** Atomic write (temp file + rename) to an existing path; errors (deleted folder, read-only) come back as text. */
  saveNotebook(path: string, content: string): Promise<SaveResult>;
  /** Native save dialog, then an atomic write. Null when cancelled. */
  saveNotebookAs(content: string, suggestedName: string): Promise<SaveResult | null>;
  /** Crash-safe copy of unsaved edits, keyed by notebook path or an id for untitled notebooks. */
  writeAutosave(key: string, content: string): Promise<void>;
  readAutosave(key: string): Promise<string | null>;
  clearAutosave(key: string): Promise<void>;
  recentFiles(): Promise<string[]>;
  /** Native open dialog for a data file (CSV); bytes are returned so the engine can read them. */
  openDataFile(): Promise<{ path: string; name: string; data: Uint8Array } | null>;
  /** Native save dialog for an export (CSV, PNG, SVG); never overwrites without the dialog's confirmation. */
  exportFile(suggestedName: string, data: Uint8Array): Promise<SaveResult | null>;
  /** Asks the main process for an engine for this notebook; its port arrives by window message (see the Note). */
  connectEngine(notebookPath: string | null): Promise<void>;
  /** Menu commands (see `MenuCommand`); `arg` is the path for 'open-recent'. Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand, arg?: string) => void): () => void;
}

const Path = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const Text = v.pipe(v.string(), v.maxLength(512 * 1024 * 1024));
const FileName = v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.regex(/^[^/\\\0]+$/));

/** Argument tuples of every invoke channel, validated in the main process (strict: extra arguments are refused). */
export const HostArgs = {
  openNotebook: v.strictTuple([]),
  readNotebook: v.strictTuple([Path]),
  saveNotebook: v.strictTuple([Path, Text]),
  saveNotebookAs: v.strictTuple([Text, FileName]),
  writeAutosave: v.strictTuple([Key, Text]),
  readAutosave: v.strictTuple([Key]),
  clearAutosave: v.strictTuple([Key]),
  recentFiles: v.strictTuple([]),
  openDataFile: v.strictTuple([]),
  exportFile: v.strictTuple([FileName, v.instance(Uint8Array)]),
  connectEngine: v.strictTuple([v.nullable(Path)]),
} as const satisfies { [K in Exclude<keyof DivelabBridge, 'platform' | 'onMenuCommand'>]: v.GenericSchema };

export type HostMethod = keyof typeof HostArgs;
export const hostChannel = (m: HostMethod): string => `divelab:${m}`;
export const MENU_CHANNEL = 'divelab:menu';
export const ENGINE_PORT_MESSAGE = 'divelab:engine-port';

/** Commands the application menu sends to the focused window on MENU_CHANNEL. */
export const MenuCommand = v.picklist([
  'new', 'open', 'open-recent', 'open-data', 'save', 'save-as', 'run-all', 'interrupt', 'restart',
]);
export type MenuCommand = v.InferOutput<typeof MenuCommand>;

/** Main → preload IPC channels; the preload re-posts both to the main world as window messages of the same type. */
export const ENGINE_EXIT_MESSAGE = 'divelab:engine-exit';

/** Window messages the preload posts to the renderer's main world (validate with `parseEngineWindowMessage`). */
export const EngineWindowMessage = v.variant('type', [
  /**
   * Carries the engine's MessagePort in `event.ports[0]`, and in `event.ports[1]` the port on which that engine
   * process sends GPU work to the renderer (src/renderer/gpu-executor.ts; [Note: GPU sessions]).
   */
  v.object({
    type: v.literal(ENGINE_PORT_MESSAGE),
    notebookPath: v.nullable(v.string()),
    reason: v.picklist(['start', 'crash']),
    detail: v.optional(v.string()),
  }),
  v.object({
    type: v.literal(ENGINE_EXIT_MESSAGE),
    notebookPath: v.nullable(v.string()),
    detail: v.string(),
    restartInMs: v.nullable(v.number()),
  }),
]);
export type EngineWindowMessage = v.InferOutput<typeof EngineWindowMessage>;
export type EnginePortMessage = Extract<EngineWindowMessage, { type: typeof ENGINE_PORT_MESSAGE }>;
export type EngineExitMessage = Extract<EngineWindowMessage, { type: typeof ENGINE_EXIT_MESSAGE }>;

export function parseEngineWindowMessage(data: unknown): EngineWindowMessage | null {
  const r = v.safeParse(EngineWindowMessage, data);
  return r.success ? r.output : null;
}

/**
 * The first message the main process sends to a forked engine (utilityProcess `process.parentPort`), with the
 * client's MessagePort in `ports[0]` and the renderer's GPU executor's in `ports[1]`. `cwd` is the notebook's folder
 * (also the process's working directory).
 */
export const ENGINE_BOOT_MESSAGE = 'divelab:engine-boot';
export interface EngineBootMessage {
  type: typeof ENGINE_BOOT_MESSAGE;
  cwd: string;
}
