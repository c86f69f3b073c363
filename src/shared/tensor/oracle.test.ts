/**
 * @file Replays the PyTorch-recorded cases in testdata/cases.json through pyapi and compares what Python would
 * see: the repr of tensors, values, tolist() JSON, or `ExceptionType: message`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PyError } from '../errors';
import { pyapi } from './pyapi';
import { Tensor } from './tensor';

interface Case { name: string; calls: unknown[][]; repr?: string; reprs?: string[]; value?: unknown; json?: string; error?: string }

const cases: Case[] = JSON.parse(readFileSync(new URL('./testdata/cases.json', import.meta.url), 'utf8'));
/** pyapi plus tensor fields Python reads directly (h.strides, h.isContiguous, h.dataPtr). */
const api = {
  ...pyapi,
  strides: (t: Tensor) => [...t.strides],
  shapeDtype: (t: Tensor) => [[...t.shape], t.dtype],
  isContiguous: (t: Tensor) => t.isContiguous,
  dataPtrDelta: (a: Tensor, b: Tensor) => a.dataPtr - b.dataPtr,
  sameStorage: (a: Tensor, b: Tensor) => a.storage === b.storage,
} as unknown as Record<string, (...args: unknown[]) => unknown>;

const NON_FINITE: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };

function resolve(a: unknown, results: unknown[]): unknown {
  if (typeof a === 'string' && a in NON_FINITE) return NON_FINITE[a];
  if (Array.isArray(a) && a.some((x) => typeof x === 'string' && x in NON_FINITE)) return a.map((x) => resolve(x, results));
  if (typeof a === 'string' && /^\$\d+$/.test(a)) return results[Number(a.slice(1))];
  if (Array.isArray(a) && a.some((x) => typeof x === 'string' && /^\$\d+$/.test(x))) return a.map((x) => resolve(x, results));
  return a;
}

function replay(c: Case): Record<string, unknown> {
  const results: unknown[] = [];
  pyapi.setPrintOptions(null, null, null, null, 'default', null);
  try {
    for (const [name, ...args] of c.calls) {
      const fn = api[name as string];
      if (!fn) throw new Error(`pyapi has no ${String(name)}`);
      results.push(fn(...args.map((a) => resolve(a, results))));
    }
  } catch (e) {
    if (e instanceof PyError) return { error: `${e.pyType}: ${e.message}` };
    throw e;
  }
  const last = results[results.length - 1];
  const lastName = c.calls[c.calls.length - 1][0];
  if (lastName === 'tolist') return { json: last };
  if (lastName === 'setIndex') return { repr: pyapi.repr(resolve(c.calls[c.calls.length - 1][1], results) as Tensor, null, null) };
  if (last instanceof Tensor) return { repr: pyapi.repr(last, null, null) };
  if (Array.isArray(last) && last[0] instanceof Tensor) return { reprs: last.map((t: Tensor) => pyapi.repr(t, null, null)) };
  return { value: last };
}

describe('pyapi matches PyTorch 1.13', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { name: _n, calls: _c, ...expected } = c;
    expect(replay(c)).toEqual(expected);
  });
});
