/**
 * @file Lessons are Python files in the percent format (`# %%` starts a code cell, `# %% [markdown]` a Markdown
 * cell whose lines are comments), so each one also runs as a script with `divelab run`. This turns one into a
 * notebook.
 */
import { emptyNotebook, newCell, type Cell, type NotebookDoc } from '../notebook/model';

const MARKER = /^# %%(.*)$/;

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

function uncomment(line: string): string {
  if (line === '#') return '';
  return line.startsWith('# ') ? line.slice(2) : line.replace(/^#/, '');
}

export function percentToCells(source: string): Cell[] {
  const cells: Cell[] = [];
  let kind: 'code' | 'markdown' = 'code';
  let lines: string[] = [];
  const flush = (): void => {
    const body = trimBlankLines(kind === 'markdown' ? lines.map(uncomment) : lines);
    if (body.length) cells.push(newCell(kind, body.join('\n')));
    lines = [];
  };
  for (const line of source.replace(/\r\n/g, '\n').split('\n')) {
    const m = MARKER.exec(line);
    if (m) {
      flush();
      kind = /\[markdown\]/.test(m[1]!) ? 'markdown' : 'code';
    } else {
      lines.push(line);
    }
  }
  flush();
  return cells;
}

export function percentToNotebook(source: string): NotebookDoc {
  const doc = emptyNotebook();
  doc.cells = percentToCells(source);
  return doc;
}

/** The lesson's title: its first Markdown heading, without the `#`. */
export function lessonTitle(source: string, fallback: string): string {
  const m = /^# # (.+)$/m.exec(source);
  return m ? m[1]!.trim() : fallback;
}
