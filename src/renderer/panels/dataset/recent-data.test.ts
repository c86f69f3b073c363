/** @file The recent data files list: newest first, one entry per name, at most ten. */
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, type RecentData, withOpened } from './recent-data';

const e = (name: string, openedAt = 0): RecentData => ({ name, size: 1, openedAt });

describe('withOpened', () => {
  it('puts the opened file first and drops its older entry', () => {
    const list = withOpened([e('a.csv'), e('b.csv'), e('c.csv')], e('b.csv', 9));
    expect(list.map((x) => [x.name, x.openedAt])).toEqual([['b.csv', 9], ['a.csv', 0], ['c.csv', 0]]);
  });

  it('keeps at most ten', () => {
    let list: RecentData[] = [];
    for (let i = 0; i < 15; i++) list = withOpened(list, e(`f${i}.csv`));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0].name).toBe('f14.csv');
    expect(list.at(-1)!.name).toBe('f5.csv');
  });
});
