/**
 * @file The notebook document as the renderer holds it: cells and their outputs in Jupyter's own shapes.
 *
 * [Note: outputs are Jupyter outputs] Outputs are kept exactly as nbformat 4 stores them (stream, display_data,
 * execute_result, error with MIME bundles), only with multi-line strings joined. So saving is a matter of
 * splitting lines again, and a notebook written by DiveLab shows its outputs in Jupyter and the other way round.
 */
import type { MimeBundle } from '../../shared/protocol/engine';

export type CellType = 'code' | 'markdown' | 'raw';

export interface StreamOutput {
  output_type: 'stream';
  name: 'stdout' | 'stderr';
  text: string;
}
export interface DisplayDataOutput {
  output_type: 'display_data';
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ExecuteResultOutput {
  output_type: 'execute_result';
  execution_count: number | null;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ErrorOutput {
  output_type: 'error';
  ename: string;
  evalue: string;
  traceback: string[];
}
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export interface Cell {
  /** nbformat 4.5 cell id: 1–64 characters of [a-zA-Z0-9-_], unique in the notebook. */
  id: string;
  type: CellType;
  source: string;
  /** Only code cells have outputs and an execution count; kept empty/null for the others. */
  outputs: Output[];
  executionCount: number | null;
  metadata: Record<string, unknown>;
  /** Markdown/raw cell attachments, kept untouched so a round trip loses nothing. */
  attachments?: Record<string, unknown>;
}

export interface NotebookDoc {
  cells: Cell[];
  metadata: Record<string, unknown>;
}

export const CELL_ID_PATTERN = /^[a-zA-Z0-9-_]{1,64}$/;

/** A fresh cell id in Jupyter's style (8 hex digits). */
export function newCellId(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newCell(type: CellType = 'code', source = '', id: string = newCellId()): Cell {
  return { id, type, source, outputs: [], executionCount: null, metadata: {} };
}

/** Metadata that tells Jupyter (and DiveLab) which kernel and language the notebook is for. */
export function defaultNotebookMetadata(): Record<string, unknown> {
  return {
    kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' },
    language_info: {
      codemirror_mode: { name: 'ipython', version: 3 },
      file_extension: '.py',
      mimetype: 'text/x-python',
      name: 'python',
      nbconvert_exporter: 'python',
      pygments_lexer: 'ipython3',
      version: '3.14',
    },
  };
}

export function emptyNotebook(): NotebookDoc {
  return { cells: [newCell('code')], metadata: defaultNotebookMetadata() };
}
