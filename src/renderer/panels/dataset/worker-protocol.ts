/**
 * @file Messages between the dataset panel and its worker (same bundle, same origin: no validation needed).
 * Loads carry an id: a newer load or a cancel supersedes an older one, and the panel ignores replies for ids it
 * no longer waits for.
 */
import type { Step } from './recipe';
import type { FrameSummary } from './stats';

export type ToDatasetWorker =
  | { type: 'load'; id: number; file: Blob; encoding?: string }
  | { type: 'cancel'; id: number }
  | { type: 'apply'; seq: number; steps: Step[] }
  | { type: 'rows'; start: number; count: number }
  | { type: 'export' };

export type FromDatasetWorker =
  | { type: 'preview'; id: number; summary: FrameSummary; rows: string[][] }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'loaded'; id: number; summary: FrameSummary }
  | { type: 'cancelled'; id: number }
  | { type: 'applied'; seq: number; summary: FrameSummary }
  | { type: 'rows'; start: number; rows: string[][] }
  | { type: 'exported'; data: Uint8Array }
  | { type: 'error'; request: ToDatasetWorker['type']; id?: number; seq?: number; message: string };
