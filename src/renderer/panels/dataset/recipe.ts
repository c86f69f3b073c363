/**
 * @file A cleaning recipe: the steps a student applies in the dataset panel, each both applied to the data (with
 * the same frame core the kernel's pandas uses, so the panel shows what the code will give) and written as the
 * pandas code that does it. The code is what the panel teaches; it runs unchanged in DiveLab and in real pandas.
 */
import { type DType, type Scalar, cast } from '../../../shared/frame/column';
import { dropLabels, dropnaFrame, fillColumn, getDummiesFrame, isnaFrame, valueCounts } from '../../../shared/frame/clean';
import { DataFrame } from '../../../shared/frame/frame';
import { Index, pyRepr } from '../../../shared/frame/labels';
import { argExtreme, reduceColumn, reduceFrame } from '../../../shared/frame/reduce';

export type FillHow = 'mean' | 'median' | 'mode' | 'constant';

export type Step =
  | { kind: 'fill'; column: string; how: FillHow; value?: Scalar }
  | { kind: 'dropna'; how: 'any' | 'all'; thresh?: number; subset?: string[] }
  | { kind: 'dropMostMissing' }
  | { kind: 'dropColumns'; columns: string[] }
  | { kind: 'oneHot'; columns: string[]; dummyNa: boolean }
  | { kind: 'astype'; column: string; dtype: DType }
  | { kind: 'rename'; from: string; to: string };

const list = (xs: readonly Scalar[]): string => `[${xs.map(pyRepr).join(', ')}]`;

/** The pandas statement for one step, on a frame named `data`. */
export function stepCode(s: Step): string {
  switch (s.kind) {
    case 'fill': {
      const col = `data[${pyRepr(s.column)}]`;
      const value = s.how === 'constant' ? pyRepr(s.value ?? null)
        : s.how === 'mode' ? `${col}.value_counts().index[0]` : `${col}.${s.how}()`;
      return `${col} = ${col}.fillna(${value})`;
    }
    case 'dropna': {
      const args = [`how=${pyRepr(s.how)}`];
      if (s.thresh !== undefined) args[0] = `thresh=${s.thresh}`;
      if (s.subset?.length) args.push(`subset=${list(s.subset)}`);
      return `data = data.dropna(${args.join(', ')})`;
    }
    case 'dropMostMissing':
      return 'data = data.drop([data.isnull().sum(axis=1).idxmax()], axis=0)';
    case 'dropColumns':
      return `data = data.drop(columns=${list(s.columns)})`;
    case 'oneHot':
      return `data = pd.get_dummies(data, columns=${list(s.columns)}${s.dummyNa ? ', dummy_na=True' : ''})`;
    case 'astype':
      return `data[${pyRepr(s.column)}] = data[${pyRepr(s.column)}].astype(${pyRepr(s.dtype === 'object' ? 'object' : s.dtype)})`;
    case 'rename':
      return `data = data.rename(columns={${pyRepr(s.from)}: ${pyRepr(s.to)}})`;
    default: return s satisfies never;
  }
}

/** A whole notebook cell: read the file, apply the steps, and (with a target) make the X and y tensors. */
export function recipeCode(fileName: string, steps: readonly Step[], target?: string | null): string {
  const lines = ['import pandas as pd', ''];
  if (target !== undefined) lines.splice(1, 0, 'import torch');
  lines.push(`data = pd.read_csv(${pyRepr(fileName)})`);
  for (const s of steps) lines.push(stepCode(s));
  if (target) {
    lines.push(`X = torch.tensor(data.drop(columns=[${pyRepr(target)}]).values)`);
    lines.push(`y = torch.tensor(data[${pyRepr(target)}].values)`);
    lines.push('X, y');
  } else if (target === null) {
    lines.push('X = torch.tensor(data.values)');
    lines.push('X');
  } else {
    lines.push('data');
  }
  return lines.join('\n');
}

/** Applies one step with the frame core; errors are the PyErrors pandas would raise for the same code. */
export function applyStep(df: DataFrame, s: Step): DataFrame {
  switch (s.kind) {
    case 'fill': {
      const i = df.colPos(s.column);
      const col = df.cols[i];
      let value: Scalar;
      if (s.how === 'constant') value = s.value ?? null;
      else if (s.how === 'mode') value = valueCounts(df.column(i)).index.at(0);
      else value = reduceColumn(col, s.how).value;
      return df.setColumn(s.column, fillColumn(col, value));
    }
    case 'dropna':
      return dropnaFrame(df, { how: s.how, thresh: s.thresh ?? null, subset: s.subset?.length ? s.subset : null });
    case 'dropMostMissing': {
      const counts = reduceFrame(isnaFrame(df), 'sum', 1).result;
      return df.nrows === 0 ? df : dropLabels(df, [argExtreme(counts, 'max')], 0);
    }
    case 'dropColumns':
      return dropLabels(df, s.columns, 1);
    case 'oneHot':
      return getDummiesFrame(df, { columns: s.columns, dummyNa: s.dummyNa });
    case 'astype':
      return df.setColumn(s.column, cast(df.cols[df.colPos(s.column)], s.dtype));
    case 'rename': {
      const labels = df.columns.labels().map((l) => (l === s.from ? s.to : l));
      return new DataFrame(Index.of(labels), df.cols, df.index);
    }
    default: return s satisfies never;
  }
}

export function applyRecipe(df: DataFrame, steps: readonly Step[]): DataFrame {
  return steps.reduce(applyStep, df);
}

/** A short label for the recipe list. */
export function stepTitle(s: Step): string {
  switch (s.kind) {
    case 'fill': return `Fill ${s.column} with ${s.how === 'constant' ? pyRepr(s.value ?? null) : s.how}`;
    case 'dropna': return s.thresh !== undefined ? `Drop rows with fewer than ${s.thresh} values` : `Drop rows with ${s.how} missing`;
    case 'dropMostMissing': return 'Drop the row with the most missing values';
    case 'dropColumns': return `Drop ${s.columns.join(', ')}`;
    case 'oneHot': return `One-hot ${s.columns.join(', ')}${s.dummyNa ? ' (+ missing)' : ''}`;
    case 'astype': return `${s.column} as ${s.dtype}`;
    case 'rename': return `Rename ${s.from} → ${s.to}`;
    default: return s satisfies never;
  }
}

