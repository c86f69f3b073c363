/** @file int64 limits (see [Note: int64 storage]), scalar operands, and printing options not covered by the oracle. */
import { describe, expect, it } from 'vitest';
import { PyError } from '../errors';
import { binary } from './binary';
import { scalarTensor, tensorFromNested } from './creation';
import { checkInt64, resultType } from './dtype';
import { formatTensor } from './format';
import { scalar } from './scalar';

const pyErr = (f: () => unknown): string => {
  try { f(); } catch (e) { if (e instanceof PyError) return `${e.pyType}: ${e.message}`; throw e; }
  return 'no error';
};

describe('int64 limits', () => {
  it('Python ints outside int64 raise PyTorch\'s overflow error', () => {
    expect(pyErr(() => checkInt64(2n ** 63n))).toBe('RuntimeError: Overflow when unpacking long');
    expect(pyErr(() => tensorFromNested([1, -(2n ** 64n)], null, 'int'))).toBe('RuntimeError: Overflow when unpacking long');
  });
  it('ints beyond 2**53 say that DiveLab stores int64 exactly only to 2**53', () => {
    expect(pyErr(() => scalarTensor(2n ** 60n, 'int'))).toMatch(/^RuntimeError: value 1152921504606846976 cannot be stored exactly: .*2\*\*53/);
    expect(pyErr(() => binary('add', tensorFromNested([1], null, 'int'), scalar(2n ** 54n)))).toMatch(/exact only up to 2\*\*53/);
  });
  it('ints up to 2**53 are exact', () => {
    expect(scalarTensor(2n ** 53n, 'int').storage.data[0]).toBe(2 ** 53);
    expect(formatTensor(tensorFromNested([2 ** 53, -(2 ** 53)], null, 'int'))).toBe('tensor([ 9007199254740992, -9007199254740992])');
  });
});

describe('result_type', () => {
  it('lets a Python float lift an int tensor to the default float only', () => {
    expect(resultType([{ dtype: 'int32', ndim: 1 }], ['float'])).toBe('float32');
    expect(resultType([{ dtype: 'float64', ndim: 1 }], ['float'])).toBe('float64');
    expect(resultType([{ dtype: 'uint8', ndim: 1 }], ['int'])).toBe('uint8');
    expect(resultType([{ dtype: 'bool', ndim: 1 }], ['int'])).toBe('int64');
  });
});

describe('formatTensor options', () => {
  const t = tensorFromNested([1.5, 2], null, 'float');
  it('puts device before grad suffixes', () => {
    expect(formatTensor(t, { device: 'cuda:0', requiresGrad: true })).toBe("tensor([1.5000, 2.0000], device='cuda:0', requires_grad=True)");
  });
  it('prefers grad_fn over requires_grad and hides device cpu', () => {
    expect(formatTensor(t, { device: 'cpu', requiresGrad: true, gradFnName: 'AddBackward0' })).toBe('tensor([1.5000, 2.0000], grad_fn=<AddBackward0>)');
  });
});
