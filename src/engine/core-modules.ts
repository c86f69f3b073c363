/**
 * @file The TypeScript core as Python sees it: registered in Pyodide as the module `_divelab_js`.
 * Each layer exposes one `pyapi` object; the Python packages in src/python reach it as
 * `from _divelab_js import tensor`. Add a layer here and nowhere else.
 */
export const coreModules: Record<string, unknown> = {};

/** Registers a layer's pyapi under `name` (called by the layer's index before the engine starts Python). */
export function registerCoreModule(name: string, api: unknown): void {
  coreModules[name] = api;
}
