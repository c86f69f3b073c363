import { describe, expect, it } from 'vitest';
import { ansiToSegments, stripAnsi } from './ansi';

describe('ansiToSegments', () => {
  it('keeps text without escapes as one plain segment', () => {
    expect(ansiToSegments('hello')).toEqual([{ text: 'hello', classes: [] }]);
  });

  it('turns an IPython-style traceback line into coloured segments', () => {
    expect(ansiToSegments('\u001b[0;31mValueError\u001b[0m: boom')).toEqual([
      { text: 'ValueError', classes: ['ansi-red-fg'] },
      { text: ': boom', classes: [] },
    ]);
  });

  it('combines bold, bright colours and backgrounds, and resets parts of a style', () => {
    expect(ansiToSegments('\u001b[1;92;44mA\u001b[39mB\u001b[22;49mC')).toEqual([
      { text: 'A', classes: ['ansi-bright-green-fg', 'ansi-blue-bg', 'ansi-bold'] },
      { text: 'B', classes: ['ansi-blue-bg', 'ansi-bold'] },
      { text: 'C', classes: [] },
    ]);
  });

  it('gives 256-colour and RGB codes inline colours', () => {
    expect(ansiToSegments('\u001b[38;5;196mx\u001b[48;2;1;2;3my')).toEqual([
      { text: 'x', classes: [], fg: 'rgb(255, 0, 0)' },
      { text: 'y', classes: [], fg: 'rgb(255, 0, 0)', bg: 'rgb(1, 2, 3)' },
    ]);
  });

  it('drops escape sequences that are not colours', () => {
    expect(ansiToSegments('a\u001b[2Kb')).toEqual([
      { text: 'a', classes: [] },
      { text: 'b', classes: [] },
    ]);
  });
});

describe('stripAnsi', () => {
  it('removes every escape sequence', () => {
    expect(stripAnsi('\u001b[0;31mValueError\u001b[0m: boom\u001b[2K')).toBe('ValueError: boom');
  });
});
