import { describe, expect, it } from 'vitest';
import { commandModeKey, editModeKey, type KeyPress } from './commands';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('command mode keys', () => {
  it('maps the Jupyter run keys', () => {
    expect(commandModeKey(key('Enter', { shiftKey: true }), null).action).toBe('run-next');
    expect(commandModeKey(key('Enter', { ctrlKey: true }), null).action).toBe('run');
    expect(commandModeKey(key('Enter', { altKey: true }), null).action).toBe('run-insert');
    expect(commandModeKey(key('Enter'), null).action).toBe('edit');
  });

  it('maps single-letter cell commands, whatever the case', () => {
    expect(commandModeKey(key('a'), null).action).toBe('insert-above');
    expect(commandModeKey(key('B', { shiftKey: true }), null).action).toBe('insert-below');
    expect(commandModeKey(key('m'), null).action).toBe('to-markdown');
    expect(commandModeKey(key('y'), null).action).toBe('to-code');
    expect(commandModeKey(key('j'), null).action).toBe('select-next');
    expect(commandModeKey(key('k'), null).action).toBe('select-prev');
    expect(commandModeKey(key('ArrowDown'), null).action).toBe('select-next');
    expect(commandModeKey(key('ArrowUp'), null).action).toBe('select-prev');
  });

  it('deletes only on a second D, and any other key in between cancels it', () => {
    const first = commandModeKey(key('d'), null);
    expect(first).toEqual({ action: null, pending: 'd' });
    expect(commandModeKey(key('d'), first.pending)).toEqual({ action: 'delete', pending: null });
    const other = commandModeKey(key('j'), 'd');
    expect(other).toEqual({ action: 'select-next', pending: null });
    expect(commandModeKey(key('d'), other.pending).action).toBeNull();
  });

  it('interrupts on II and restarts on 00', () => {
    expect(commandModeKey(key('i'), 'i').action).toBe('interrupt');
    expect(commandModeKey(key('0'), '0').action).toBe('restart');
  });

  it('moves cells with Ctrl+Shift+arrows and ignores other modified letters', () => {
    expect(commandModeKey(key('ArrowUp', { ctrlKey: true, shiftKey: true }), null).action).toBe('move-up');
    expect(commandModeKey(key('ArrowDown', { ctrlKey: true, shiftKey: true }), null).action).toBe('move-down');
    expect(commandModeKey(key('a', { ctrlKey: true }), null).action).toBeNull();
    expect(commandModeKey(key('s', { ctrlKey: true }), null).action).toBe('save');
  });
});

describe('edit mode keys', () => {
  it('leaves the editor on Esc and the run keys, and lets everything else type', () => {
    expect(editModeKey(key('Escape'))).toBe('command-mode');
    expect(editModeKey(key('Enter', { shiftKey: true }))).toBe('run-next');
    expect(editModeKey(key('Enter'))).toBeNull();
    expect(editModeKey(key('a'))).toBeNull();
    expect(editModeKey(key('d'))).toBeNull();
  });
});
