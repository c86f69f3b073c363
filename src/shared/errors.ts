/** @file Errors that cross into Python with a Python exception type and PyTorch's/pandas' message. */

/** The Python exception classes the core may raise; the Python facade maps each to the builtin of that name. */
export type PyErrorType =
  | 'RuntimeError'
  | 'IndexError'
  | 'TypeError'
  | 'ValueError'
  | 'KeyError'
  | 'NotImplementedError'
  | 'ZeroDivisionError'
  | 'OverflowError'
  | 'FileNotFoundError'
  | 'UnicodeDecodeError'
  | 'LookupError'
  | 'KeyboardInterrupt'
  | 'pandas.errors.ParserError'
  | 'pandas.errors.EmptyDataError'
  | 'pandas.errors.IntCastingNaNError';

/**
 * An error whose `pyType` and `message` are what Python should show.
 * [Note: error translation] The core never throws a bare Error for user mistakes: it throws PyError, and the
 * Python facade (src/python/_divelab/errors.py) re-raises it as `pyType(message)` with the JS frames hidden.
 * Any other JS error reaching Python is a DiveLab bug and is shown as `SystemError` with the JS text.
 */
export class PyError extends Error {
  readonly pyType: PyErrorType;
  constructor(pyType: PyErrorType, message: string) {
    super(message);
    this.name = 'PyError';
    this.pyType = pyType;
  }
}

export const runtimeError = (msg: string): PyError => new PyError('RuntimeError', msg);
export const indexError = (msg: string): PyError => new PyError('IndexError', msg);
export const typeError = (msg: string): PyError => new PyError('TypeError', msg);
export const valueError = (msg: string): PyError => new PyError('ValueError', msg);
export const keyError = (msg: string): PyError => new PyError('KeyError', msg);
