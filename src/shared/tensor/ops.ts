/**
 * @file Every tensor op by name, in one table that the Python API calls through.
 *
 * [Note: op table] The core's ops are pure (no autograd). The autograd layer (src/shared/autograd) supplies
 * differentiable versions with the same names and signatures and installs them with installOps, so pyapi.ts
 * never imports autograd and the tensor layer stays free of it. A missing or misspelt override is a type error.
 */
import { binary, binaryInplace, equal } from './binary';
import { clone, contiguous, alias, expand, flatten, narrow, permute, reshape, reverseDims, select, sliceDim, squeeze, t2, transpose, unsqueeze, view } from './views';
import { clamp, invert, roundDecimals, unary, unaryInplace, where } from './unary';
import { allAny, amax, amin, argmaxmin, cumulative, maxMinDim, mean, prod, stdVar, sum } from './reduce';
import { cat, stack } from './join';
import { dot, matmul, mm, mv, norm, outer } from './linalg';
import { getIndex, setIndex } from './indexing';
import { to } from './convert';

export const coreOps = {
  binary, binaryInplace, equal, unary, unaryInplace, invert, roundDecimals, clamp, where,
  view, reshape, transpose, t2, reverseDims, permute, expand, squeeze, unsqueeze, flatten, narrow, select, sliceDim,
  contiguous, clone, alias,
  sum, mean, prod, amax, amin, maxMinDim, argmaxmin, allAny, stdVar, cumulative,
  cat, stack, dot, mv, mm, matmul, outer, norm,
  getIndex, setIndex, to,
};

export type Ops = typeof coreOps;

/** The table pyapi calls; starts as the pure core ops. */
export const ops: Ops = { ...coreOps };

/** Replaces ops by name (the autograd layer installs its differentiable versions here). */
export function installOps(overrides: Partial<Ops>): void {
  Object.assign(ops, overrides);
}

export * from './binary';
export * from './unary';
export * from './views';
export * from './reduce';
export * from './join';
export * from './linalg';
export * from './indexing';
export * from './convert';
export * from './creation';
export * from './random';
