/**
 * @file The Python the worker installs, bundled at build time as text: DiveLab's packages (src/python/**: torch,
 * numpy, pandas, d2l, matplotlib…) keyed by their path below src/python, which the worker puts first on sys.path,
 * and the kernel's own modules.
 */
// Relative to this file: a '/src/...' glob is relative to Vite's root, which is src/renderer in the browser build.
const modules = import.meta.glob('../../python/**/*.{py,json,txt,csv}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const pythonFiles: Record<string, string> = Object.fromEntries(
  Object.entries(modules).map(([path, text]) => [path.slice('../../python/'.length), text]),
);

/** The kernel's own modules (src/engine/kernel), keyed by file name; they go to a folder of their own. */
export const kernelFiles: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob('../kernel/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>,
  ).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);
