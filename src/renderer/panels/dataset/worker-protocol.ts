/** @file Messages between the dataset panel and its worker (same bundle, same origin: no validation needed). */
import type { Step } from './recipe';
import type { FrameSummary } from './stats';

export type ToDatasetWorker =
  | { type: 'load'; data: Uint8Array; encoding?: string }
  | { type: 'apply'; seq: number; steps: Step[] }
  | { type: 'rows'; start: number; count: number }
  | { type: 'export' };

export type FromDatasetWorker =
  | { type: 'preview'; summary: FrameSummary; rows: string[][] }
  | { type: 'progress'; fraction: number }
  | { type: 'loaded'; summary: FrameSummary }
  | { type: 'applied'; seq: number; summary: FrameSummary }
  | { type: 'rows'; start: number; rows: string[][] }
  | { type: 'exported'; data: Uint8Array }
  | { type: 'error'; request: ToDatasetWorker['type']; seq?: number; message: string };
