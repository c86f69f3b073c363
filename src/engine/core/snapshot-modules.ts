/**
 * @file What goes into the Pyodide memory snapshot made at build time.
 *
 * [Note: start-up snapshot] Booting Pyodide and importing the standard library takes ~2 s; restoring a memory
 * snapshot of an interpreter that has already done so takes ~0.2 s. The snapshot must hold no JavaScript
 * references, so it is taken before `_divelab_js` is registered and before DiveLab's packages are installed (they
 * import `_divelab_js`); both happen after every load. A snapshot only fits the exact Pyodide build that made it,
 * so its file name carries the Pyodide version, and any failure to load it falls back to a plain load.
 */

/** Standard-library modules the kernel and DiveLab's packages import; importing them here puts them in the snapshot. */
export const SNAPSHOT_IMPORTS = [
  'ast', 'base64', 'builtins', 'collections', 'contextlib', 'copy', 'csv', 'dataclasses', 'datetime', 'decimal',
  'enum', 'fractions', 'functools', 'io', 'inspect', 'itertools', 'json', 'linecache', 'math', 'numbers',
  'operator', 'os', 'random', 're', 'statistics', 'string', 'struct', 'sys', 'textwrap', 'time', 'traceback',
  'types', 'typing', 'warnings', 'weakref',
];

export const snapshotFileName = (pyodideVersion: string): string => `pyodide-${pyodideVersion}.snapshot`;
