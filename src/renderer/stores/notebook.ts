/**
 * @file The open notebook: its cells, which cell is selected, edit/command mode, and the cell operations.
 *
 * Every change goes through an action here and calls `touch()`, which bumps `version`; autosave and the "unsaved"
 * marker watch that number instead of deep-watching a document that may hold megabytes of output.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { emptyNotebook, newCell, newCellId, type Cell, type CellType, type NotebookDoc } from '../notebook/model';

export type Mode = 'command' | 'edit';

export const useNotebookStore = defineStore('notebook', () => {
  const doc = ref<NotebookDoc>(emptyNotebook());
  /** Where the notebook lives (Electron) — null for untitled notebooks and in the browser. */
  const path = ref<string | null>(null);
  const name = ref('Untitled.ipynb');
  const active = ref(0);
  const mode = ref<Mode>('command');
  /** Bumped on every change to the document. */
  const version = ref(0);
  /** The version last saved; `dirty` compares the two. */
  const savedVersion = ref(0);
  const clipboard = shallowRef<Cell | null>(null);
  const deleted: Array<{ cell: Cell; index: number }> = [];

  const cells = computed(() => doc.value.cells);
  const activeCell = computed<Cell | undefined>(() => doc.value.cells[active.value]);
  const dirty = computed(() => version.value !== savedVersion.value);

  function touch(): void {
    version.value++;
  }

  function select(index: number): void {
    active.value = Math.max(0, Math.min(index, doc.value.cells.length - 1));
  }

  function indexOf(cellId: string): number {
    return doc.value.cells.findIndex((c) => c.id === cellId);
  }

  function insert(index: number, type: CellType = 'code', source = ''): Cell {
    const cell = newCell(type, source);
    doc.value.cells.splice(index, 0, cell);
    active.value = index;
    touch();
    return doc.value.cells[index]!;
  }

  function remove(index: number): void {
    const [cell] = doc.value.cells.splice(index, 1);
    if (!cell) return;
    deleted.push({ cell, index });
    // A notebook always has a cell to type into.
    if (doc.value.cells.length === 0) doc.value.cells.push(newCell('code'));
    select(Math.min(index, doc.value.cells.length - 1));
    touch();
  }

  function undoDelete(): void {
    const last = deleted.pop();
    if (!last) return;
    const at = Math.min(last.index, doc.value.cells.length);
    doc.value.cells.splice(at, 0, last.cell);
    active.value = at;
    touch();
  }

  function move(index: number, delta: -1 | 1): void {
    const to = index + delta;
    const list = doc.value.cells;
    if (to < 0 || to >= list.length) return;
    const [cell] = list.splice(index, 1);
    list.splice(to, 0, cell!);
    active.value = to;
    touch();
  }

  function setType(index: number, type: CellType): void {
    const cell = doc.value.cells[index];
    if (!cell || cell.type === type) return;
    cell.type = type;
    if (type !== 'code') {
      cell.outputs = [];
      cell.executionCount = null;
    }
    touch();
  }

  function setSource(cellId: string, source: string): void {
    const cell = doc.value.cells[indexOf(cellId)];
    if (!cell || cell.source === source) return;
    cell.source = source;
    touch();
  }

  function copy(index: number): void {
    const cell = doc.value.cells[index];
    if (cell) clipboard.value = structuredClone({ ...cell, outputs: [...cell.outputs] });
  }

  function cut(index: number): void {
    copy(index);
    remove(index);
  }

  function paste(index: number): void {
    if (!clipboard.value) return;
    const cell = structuredClone(clipboard.value);
    cell.id = newCellId();
    doc.value.cells.splice(index, 0, cell);
    active.value = index;
    touch();
  }

  function clearOutputs(): void {
    for (const c of doc.value.cells) {
      c.outputs = [];
      c.executionCount = null;
    }
    touch();
  }

  /** Replaces the whole document (open, restore, new). */
  function load(next: NotebookDoc, where: { path: string | null; name: string }, opts: { dirty?: boolean } = {}): void {
    if (next.cells.length === 0) next.cells.push(newCell('code'));
    doc.value = next;
    path.value = where.path;
    name.value = where.name;
    active.value = 0;
    mode.value = 'command';
    deleted.length = 0;
    version.value++;
    savedVersion.value = opts.dirty ? -1 : version.value;
  }

  function markSaved(atVersion: number, where?: { path: string | null; name: string }): void {
    savedVersion.value = atVersion;
    if (where) {
      path.value = where.path;
      name.value = where.name;
    }
  }

  return {
    doc, path, name, active, mode, version, cells, activeCell, dirty,
    touch, select, indexOf, insert, remove, undoDelete, move, setType, setSource, copy, cut, paste, clearOutputs,
    load, markSaved,
  };
});
