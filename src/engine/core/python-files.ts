/**
 * @file DiveLab's Python packages (src/python/**: torch, numpy, pandas, d2l, matplotlib, _divelab…), bundled at
 * build time as text and keyed by their path below src/python. The worker writes them into the interpreter's file
 * system and puts that folder first on sys.path.
 */
const modules = import.meta.glob('/src/python/**/*.{py,json,txt,csv}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const pythonFiles: Record<string, string> = Object.fromEntries(
  Object.entries(modules).map(([path, text]) => [path.slice('/src/python/'.length), text]),
);
