/** @file Python's float formatting, digit for digit, on ties, float32 values and extremes recorded from Python. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatExp, formatFixed, formatPyFloat } from './pyformat';

type Row = [number, string, string, string, string, string];
const rows: Row[] = JSON.parse(readFileSync(new URL('./testdata/pyformat.json', import.meta.url), 'utf8'));
// JSON loses the sign of -0.0; the row's repr keeps it.
const value = (r: Row): number => (r[5] === '-0.0' ? -0 : r[0]);

describe('Python float formatting', () => {
  it("'.4f' and '.0f' match Python, including exact ties (round half to even)", () => {
    for (const r of rows) {
      expect([formatFixed(value(r), 4), formatFixed(value(r), 0)]).toEqual([r[1], r[3]]);
    }
  });
  it("'.4e' and '.2e' match Python", () => {
    for (const r of rows) expect([formatExp(value(r), 4), formatExp(value(r), 2)]).toEqual([r[2], r[4]]);
  });
  it('repr(float) matches Python', () => {
    for (const r of rows) expect(formatPyFloat(value(r))).toBe(r[5]);
  });
});
