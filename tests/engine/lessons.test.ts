/**
 * @file Every bundled lesson runs from top to bottom under DiveLab, as a script (`divelab run lesson.py`), without
 * an error: a lesson whose code stopped working would teach nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runDivelab } from '../helpers/divelab';

const dir = join(ROOT, 'resources/lessons');
const lessons = readdirSync(dir).filter((n) => n.endsWith('.py')).sort();

describe('lessons', () => {
  it.each(lessons)('%s runs without an error', async (name) => {
    // Lesson 2 writes ../data/house_tiny.csv, as the course does: give it a parent folder of its own.
    const parent = mkdtempSync(join(tmpdir(), 'divelab-lesson-'));
    const cwd = join(parent, 'work');
    mkdirSync(cwd);
    try {
      const r = await runDivelab(['run', join(dir, name)], { cwd, timeoutMs: 120_000 });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
