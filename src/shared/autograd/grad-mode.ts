/**
 * @file Grad mode: the one global switch that says whether ops record a graph (torch.is_grad_enabled()).
 *
 * `torch.no_grad()` and friends flip it for a block and restore the previous value on exit, even when the block
 * raises; backward runs its rules with grad mode equal to `create_graph`, so the gradients it computes are
 * themselves differentiable exactly when the caller asked for it.
 */

let enabled = true;

export const isGradEnabled = (): boolean => enabled;

/** Sets grad mode and returns the previous value (what a context manager must restore). */
export function setGradEnabled(on: boolean): boolean {
  const prev = enabled;
  enabled = on;
  return prev;
}

/** Runs `fn` with grad mode `on`, restoring the previous mode afterwards. */
export function withGradMode<T>(on: boolean, fn: () => T): T {
  const prev = setGradEnabled(on);
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}
