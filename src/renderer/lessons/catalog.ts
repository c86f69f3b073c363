/** @file The bundled lessons (resources/lessons/*.py), in file-name order. */
import { lessonTitle } from './percent';

const sources = import.meta.glob('../../../resources/lessons/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Lesson {
  /** File name without `.py`, e.g. `01-data-manipulation`. */
  id: string;
  title: string;
  source: string;
}

export const LESSONS: readonly Lesson[] = Object.entries(sources)
  .map(([path, source]) => {
    const id = path.split('/').pop()!.replace(/\.py$/, '');
    return { id, title: lessonTitle(source, id), source };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
