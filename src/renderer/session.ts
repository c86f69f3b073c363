/**
 * @file Wires the stores to a host at start-up (restore the autosave copy, connect the engine, follow menu
 * commands) and carries out notebook actions, so the toolbar, the keyboard and the menus share one path.
 */
import { watch } from 'vue';
import type { BackendPreference } from '../shared/protocol/engine';
import type { MenuCommand } from '../shared/protocol/host';
import type { Host } from './host/types';
import type { NotebookAction } from './notebook/commands';
import { backendName } from './settings/backend';
import { useFilesStore } from './stores/files';
import { useKernelStore } from './stores/kernel';
import { useNotebookStore } from './stores/notebook';

let currentHost: Host | null = null;

function connect(host: Host): Promise<void> {
  const kernel = useKernelStore();
  const nb = useNotebookStore();
  return host.connectEngine(nb.path, {
    onTransport: (transport) => kernel.attach(transport),
    onExit: (detail, restartInMs) => kernel.engineExited(detail, restartInMs),
  });
}

export async function startSession(host: Host): Promise<void> {
  currentHost = host;
  const nb = useNotebookStore();
  const files = useFilesStore();
  files.init(host);
  await files.restore(null);
  watch(() => nb.version, () => files.changed());
  // The page may go away at any moment (tab closed, reload): write what is pending first.
  const flush = () => void files.flushAutosave();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  host.onMenuCommand((cmd, arg) => void menuCommand(cmd, arg));
  // The engine starts in the background; the notebook is usable (and editable) meanwhile.
  connect(host).catch((e: unknown) => useKernelStore().engineExited(String(e), null));
}

/** Restarts the kernel; a kernel that is gone for good is replaced by a freshly connected one. */
export function restartKernel(): void {
  const kernel = useKernelStore();
  if (kernel.state === 'dead' && currentHost) {
    kernel.dismissNotice();
    void connect(currentHost);
    return;
  }
  kernel.restart();
}

/**
 * Switches the compute backend, which restarts the kernel. When the kernel may hold variables, the student is
 * asked first (`ask` is window.confirm in the app); false when nothing changed.
 */
export function switchBackend(pref: BackendPreference, ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  const kernel = useKernelStore();
  if (pref === kernel.preference) return false;
  if (kernel.state !== 'dead' && kernel.client.used && !ask(`Switch the compute backend to ${backendName(pref)}? The kernel restarts: its variables are lost (the notebook is kept).`)) return false;
  kernel.switchBackend(pref);
  if (kernel.state === 'dead') restartKernel();
  return true;
}

export function runAll(): void {
  const nb = useNotebookStore();
  const kernel = useKernelStore();
  for (const cell of nb.cells) kernel.run(cell);
}

async function menuCommand(cmd: MenuCommand, arg?: string): Promise<void> {
  const files = useFilesStore();
  switch (cmd) {
    case 'new': return files.newNotebook();
    case 'open': return files.open();
    case 'open-recent': return arg ? files.openRecent(arg) : undefined;
    case 'open-data': return void (await files.openDataFile());
    case 'save': return files.save();
    case 'save-as': return files.save(true);
    case 'run-all': return runAll();
    case 'interrupt': return useKernelStore().interrupt();
    case 'restart': return restartKernel();
    default: cmd satisfies never;
  }
}

/** Carries out a notebook action on the selected cell. */
export function perform(action: NotebookAction): void {
  const nb = useNotebookStore();
  const kernel = useKernelStore();
  const i = nb.active;
  const cell = nb.activeCell;
  switch (action) {
    case 'run':
      if (cell) kernel.run(cell);
      nb.mode = 'command';
      return;
    case 'run-next':
      if (cell) kernel.run(cell);
      if (i === nb.cells.length - 1) {
        nb.insert(i + 1, 'code');
        nb.mode = 'edit';
      } else {
        nb.select(i + 1);
        nb.mode = 'command';
      }
      return;
    case 'run-insert':
      if (cell) kernel.run(cell);
      nb.insert(i + 1, 'code');
      nb.mode = 'edit';
      return;
    case 'edit': nb.mode = 'edit'; return;
    case 'command-mode': nb.mode = 'command'; return;
    case 'insert-above': nb.insert(i, 'code'); return;
    case 'insert-below': nb.insert(i + 1, 'code'); return;
    case 'delete': nb.remove(i); return;
    case 'undo-delete': nb.undoDelete(); return;
    case 'to-markdown': nb.setType(i, 'markdown'); return;
    case 'to-code': nb.setType(i, 'code'); return;
    case 'to-raw': nb.setType(i, 'raw'); return;
    case 'select-prev': nb.select(i - 1); return;
    case 'select-next': nb.select(i + 1); return;
    case 'move-up': nb.move(i, -1); return;
    case 'move-down': nb.move(i, 1); return;
    case 'cut': nb.cut(i); return;
    case 'copy': nb.copy(i); return;
    case 'paste-below': nb.paste(i + 1); return;
    case 'interrupt': kernel.interrupt(); return;
    case 'restart': restartKernel(); return;
    case 'save': void useFilesStore().save(); return;
    default: action satisfies never;
  }
}
