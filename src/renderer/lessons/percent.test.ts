import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonTitle, percentToCells } from './percent';

describe('percent-format lessons', () => {
  it('splits code and Markdown cells and uncomments the Markdown', () => {
    const cells = percentToCells('# %% [markdown]\n# # Title\n#\n# Some *text*\n\n# %%\nimport torch\n\nx = 1\n\n# %%\n\n');
    expect(cells.map((c) => [c.type, c.source])).toEqual([
      ['markdown', '# Title\n\nSome *text*'],
      ['code', 'import torch\n\nx = 1'],
    ]);
  });

  it('keeps text before the first marker as a code cell and accepts CRLF', () => {
    const cells = percentToCells('print(1)\r\n# %%\r\nprint(2)\r\n');
    expect(cells.map((c) => c.source)).toEqual(['print(1)', 'print(2)']);
  });

  it('every bundled lesson has a title, Markdown and code', () => {
    const dir = join(import.meta.dirname, '../../../resources/lessons');
    const names = readdirSync(dir).filter((n) => n.endsWith('.py'));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const src = readFileSync(join(dir, name), 'utf8');
      expect(lessonTitle(src, '')).not.toBe('');
      const cells = percentToCells(src);
      expect(cells.some((c) => c.type === 'markdown')).toBe(true);
      expect(cells.some((c) => c.type === 'code')).toBe(true);
    }
  });
});
