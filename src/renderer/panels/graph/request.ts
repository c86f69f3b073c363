/** @file What the Graph panel asks the kernel: the exported graph of one notebook variable. */

/** The Python expression that exports the graph of `variable` (which must be an identifier). */
export function graphRequest(variable: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new Error(`not a variable name: ${variable}`);
  return `__import__('torch._graph', fromlist=['panel_graph']).panel_graph(${JSON.stringify(variable)})`;
}
