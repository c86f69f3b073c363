import { describe, expect, it } from 'vitest';
import { fromValues, values } from './column';
import { dropnaFrame, fillnaFrame, getDummiesFrame, valueCounts } from './clean';
import { readCsv } from './csv-read';
import { describeFrame, percentile } from './describe';
import { argExtreme, pairwiseSum, reduceColumn, reduceFrame } from './reduce';

const house = readCsv(new TextEncoder().encode('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'));

describe('reductions', () => {
  it('drops text columns with numeric_only=None and says so', () => {
    const r = reduceFrame(house, 'mean', 0);
    expect(r.result.index.labels()).toEqual(['NumRooms', 'Price']);
    expect(values(r.result.col)).toEqual([3, 137900]);
    expect(r.warning).toMatch(/^The default value of numeric_only in DataFrame.mean is deprecated/);
    expect(reduceFrame(house, 'mean', 0, { numericOnly: true }).warning).toBeUndefined();
  });

  it('counts missing cells per row as int64 (the course example)', () => {
    const r = reduceFrame(readCsv(new TextEncoder().encode('a,b\n1,\n,\n')), 'count', 1);
    expect([r.result.dtype, values(r.result.col)]).toEqual(['int64', [1, 0]]);
  });

  it('keeps int64 sums and bool min/max dtypes', () => {
    expect(reduceColumn(fromValues([1, 2], 'int64'), 'sum')).toEqual({ value: 3, dtype: 'int64' });
    expect(reduceColumn(fromValues([true, false], 'bool'), 'min')).toEqual({ value: false, dtype: 'bool' });
    expect(reduceColumn(fromValues([1, NaN, 3], 'float64'), 'std').value).toBeCloseTo(Math.SQRT2);
  });

  it('sums floats pairwise as numpy does', () => {
    const xs = new Array(200).fill(0.1);
    expect(pairwiseSum(xs)).toBe(20); // numpy: 20.0; a plain loop gives 20.000000000000014
    expect(pairwiseSum([0.1, 0.2, 0.3])).toBe(0.6000000000000001);
  });

  it('finds the label of the first maximum, NaN when all are missing', () => {
    const nan = reduceFrame(house, 'count', 1);
    expect(argExtreme(nan.result, 'min')).toBe(3);
    expect(argExtreme(house.column(0), 'max')).toBe(2);
  });

  it('interpolates percentiles linearly', () => {
    expect(percentile(Float64Array.from([1, 2, 3, 4]), 0.25)).toBe(1.75);
    expect(values(describeFrame(house).cols[1])[4]).toBe(122125);
  });
});

describe('cleaning', () => {
  it('drops rows by how, thresh and subset', () => {
    expect(dropnaFrame(house).nrows).toBe(0);
    expect(dropnaFrame(house, { thresh: 2 }).index.labels()).toEqual([0, 1, 2]);
    expect(dropnaFrame(house, { subset: ['NumRooms'] }).index.labels()).toEqual([1, 2]);
    expect(dropnaFrame(house, { axis: 1 }).columns.labels()).toEqual(['Price']);
  });

  it('fills with a per-column mapping, re-inferring filled text columns', () => {
    const f = fillnaFrame(house, new Map([['NumRooms', 3], ['Alley', 0]]));
    expect(values(f.cols[0])).toEqual([3, 2, 4, 3]);
    expect(f.dtypes).toEqual(['float64', 'object', 'int64']);
    const allNa = readCsv(new TextEncoder().encode('a,b\n,x\n,y\n'), { dtype: { a: 'object' } });
    expect(fillnaFrame(allNa, 0).dtypes).toEqual(['int64', 'object']);
  });

  it('one-hot encodes text columns into uint8 columns after the others', () => {
    const d = getDummiesFrame(house, { dummyNa: true });
    expect(d.columns.labels()).toEqual(['NumRooms', 'Price', 'Alley_Pave', 'Alley_nan']);
    expect(d.dtypes).toEqual(['float64', 'int64', 'uint8', 'uint8']);
  });

  it('counts values in descending order, ties by first appearance', () => {
    const s = house.column(1);
    expect(valueCounts(s, { dropna: false }).index.labels()).toEqual([NaN, 'Pave']);
  });
});
