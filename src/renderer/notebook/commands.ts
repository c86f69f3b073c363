/**
 * @file Jupyter's keyboard model as a pure function: which notebook action a key press means.
 *
 * Two modes, as in Jupyter: in edit mode keys go to the cell's editor, except the run keys and Esc; in command
 * mode single letters act on cells (A/B insert, DD delete, M/Y change type, J/K or arrows select, Enter edits).
 * Two-key commands (DD, II, 00) keep the first key in `pending`; any other key clears it.
 */

export type NotebookAction =
  | 'run' // Ctrl+Enter: run, stay
  | 'run-next' // Shift+Enter: run, select the next cell (a new one at the end)
  | 'run-insert' // Alt+Enter: run, insert a cell below and edit it
  | 'edit'
  | 'command-mode'
  | 'insert-above'
  | 'insert-below'
  | 'delete'
  | 'to-markdown'
  | 'to-code'
  | 'to-raw'
  | 'select-prev'
  | 'select-next'
  | 'move-up'
  | 'move-down'
  | 'cut'
  | 'copy'
  | 'paste-below'
  | 'undo-delete'
  | 'interrupt'
  | 'restart'
  | 'save';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface KeyResult {
  action: NotebookAction | null;
  /** The first key of a two-key command, waiting for its second. */
  pending: string | null;
}

/** Keys that act in both modes (the editor passes them on). */
export function runKeyAction(e: KeyPress): NotebookAction | null {
  if (e.key === 'Enter') {
    if (e.shiftKey && !e.ctrlKey && !e.altKey) return 'run-next';
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey) return 'run';
    if (e.altKey && !e.ctrlKey && !e.shiftKey) return 'run-insert';
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') return 'save';
  return null;
}

const SINGLE: Record<string, NotebookAction> = {
  a: 'insert-above',
  b: 'insert-below',
  m: 'to-markdown',
  y: 'to-code',
  r: 'to-raw',
  j: 'select-next',
  k: 'select-prev',
  ArrowDown: 'select-next',
  ArrowUp: 'select-prev',
  x: 'cut',
  c: 'copy',
  v: 'paste-below',
  z: 'undo-delete',
  Enter: 'edit',
};

const DOUBLE: Record<string, NotebookAction> = { d: 'delete', i: 'interrupt', '0': 'restart' };

/** What a key press means in command mode, given the pending first key of a two-key command. */
export function commandModeKey(e: KeyPress, pending: string | null): KeyResult {
  const run = runKeyAction(e);
  if (run) return { action: run, pending: null };
  if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey) {
    if (e.key === 'ArrowUp') return { action: 'move-up', pending: null };
    if (e.key === 'ArrowDown') return { action: 'move-down', pending: null };
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return { action: null, pending: null };
  // Letters arrive upper-case with Shift (or Caps Lock); Jupyter's single-letter commands ignore case.
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key in DOUBLE) {
    if (pending === key) return { action: DOUBLE[key]!, pending: null };
    return { action: null, pending: key };
  }
  if (e.shiftKey && key !== 'Enter' && (key === 'ArrowUp' || key === 'ArrowDown')) return { action: null, pending: null };
  return { action: SINGLE[key] ?? null, pending: null };
}

/** What a key press means while editing: only the run keys and Esc leave the editor. */
export function editModeKey(e: KeyPress): NotebookAction | null {
  if (e.key === 'Escape' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) return 'command-mode';
  return runKeyAction(e);
}
