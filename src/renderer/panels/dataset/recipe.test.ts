import { describe, expect, it } from 'vitest';
import { values } from '../../../shared/frame/column';
import { readCsv } from '../../../shared/frame/csv-read';
import { applyRecipe, recipeCode, type Step, stepCode } from './recipe';
import { rowsText, summarize } from './stats';

const house = readCsv(new TextEncoder().encode('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'));

describe('dataset recipe', () => {
  const course: Step[] = [
    { kind: 'fill', column: 'NumRooms', how: 'mean' },
    { kind: 'oneHot', columns: ['Alley'], dummyNa: true },
  ];

  it('applies the course steps as pandas would', () => {
    const df = applyRecipe(house, course);
    expect(df.columns.labels()).toEqual(['NumRooms', 'Price', 'Alley_Pave', 'Alley_nan']);
    expect(values(df.cols[0])).toEqual([3, 2, 4, 3]);
    expect(values(df.cols[3])).toEqual([0, 1, 1, 1]);
  });

  it('writes each step as pandas code', () => {
    expect(course.map(stepCode)).toEqual([
      "data['NumRooms'] = data['NumRooms'].fillna(data['NumRooms'].mean())",
      "data = pd.get_dummies(data, columns=['Alley'], dummy_na=True)",
    ]);
    expect(stepCode({ kind: 'dropna', how: 'any', thresh: 2, subset: ['a'] })).toBe("data = data.dropna(thresh=2, subset=['a'])");
    expect(stepCode({ kind: 'fill', column: "it's", how: 'constant', value: 'x' })).toBe(`data["it's"] = data["it's"].fillna('x')`);
  });

  it('makes a cell that builds X and y from a target column', () => {
    expect(recipeCode('house_tiny.csv', course, 'Price')).toBe([
      'import pandas as pd',
      'import torch',
      '',
      "data = pd.read_csv('house_tiny.csv')",
      "data['NumRooms'] = data['NumRooms'].fillna(data['NumRooms'].mean())",
      "data = pd.get_dummies(data, columns=['Alley'], dummy_na=True)",
      "X = torch.tensor(data.drop(columns=['Price']).values)",
      "y = torch.tensor(data['Price'].values)",
      'X, y',
    ].join('\n'));
  });

  it('drops the row with the most missing values, as the course does', () => {
    expect(applyRecipe(house, [{ kind: 'dropMostMissing' }]).index.labels()).toEqual([0, 1, 2]);
  });

  it('fills with the most frequent value and renames', () => {
    const df = applyRecipe(house, [{ kind: 'fill', column: 'Alley', how: 'mode' }, { kind: 'rename', from: 'Alley', to: 'alley' }]);
    expect(df.columns.labels()).toEqual(['NumRooms', 'alley', 'Price']);
    expect(values(df.cols[1])).toEqual(['Pave', 'Pave', 'Pave', 'Pave']);
  });
});

describe('dataset stats', () => {
  it('summarizes numbers and text', () => {
    const s = summarize(house);
    expect(s.columns[0]).toMatchObject({ name: 'NumRooms', dtype: 'float64', missing: 2, missingShare: 0.5, unique: 2 });
    expect(s.columns[0].numeric).toMatchObject({ min: 2, mean: 3, max: 4 });
    expect(s.columns[0].numeric!.bins.reduce((a, b) => a + b)).toBe(2);
    expect(s.columns[1].top).toEqual([{ value: 'Pave', count: 1 }]);
  });

  it('formats visible rows as pandas prints cells', () => {
    expect(rowsText(house, 0, 2)).toEqual([['0', 'NaN', 'Pave', '127500'], ['1', '2.0', 'NaN', '106000']]);
  });
});
