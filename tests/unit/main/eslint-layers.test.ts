/** @file The ESLint layer rules (eslint.config.js, [Note: layer rules]) flag wrong-way imports and nothing else. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Rule ids reported for `code` as if it lived at `path`. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}
const bad = ['no-restricted-imports'];

describe('layer rules', () => {
  it('keep src/shared free of Electron, Node, Vue and DOM-only modules', async () => {
    for (const source of ['electron', 'node:fs', 'fs', 'fs/promises', 'path', 'worker_threads', 'vue', 'pinia', '@vue/reactivity', 'monaco-editor', 'plotly.js-dist']) {
      expect(await lint('src/shared/tensor/x.ts', `import * as m from '${source}';\nexport { m };\n`), source).toContain('no-restricted-imports');
    }
  });

  it('keep src/shared from importing the other layers, at any depth', async () => {
    expect(await lint('src/shared/errors.ts', "import { a } from '../main/ipc';\nexport { a };\n")).toEqual(bad);
    expect(await lint('src/shared/tensor/x.ts', "import { a } from '../../engine/core/router';\nexport { a };\n")).toEqual(bad);
    expect(await lint('src/shared/backends/cpu/x.ts', "import type { A } from '../../../renderer/host/types';\nexport type { A };\n")).toEqual(bad);
    expect(await lint('src/shared/tensor/x.ts', "export { a } from '../../../src/preload/index';\n")).toEqual(bad);
  });

  it('let src/shared import itself and environment-neutral packages', async () => {
    expect(await lint('src/shared/tensor/x.ts', "import { a } from '../autograd/tape';\nimport * as v from 'valibot';\nimport { b } from './events';\nexport { a, v, b };\n")).toEqual([]);
    // A folder of shared that happens to be called like a layer is not that layer.
    expect(await lint('src/shared/tensor/x.ts', "import { a } from '../engine/x';\nexport { a };\n")).toEqual([]);
  });

  it('keep DOM and Node globals out of src/shared', async () => {
    expect(await lint('src/shared/frame/x.ts', 'export const b = Buffer.from([1]);\n')).toEqual(['no-restricted-globals']);
    expect(await lint('src/shared/frame/x.ts', 'export const d = document.title;\n')).toEqual(['no-restricted-globals']);
  });

  it('keep Electron and Node out of src/renderer, and the renderer out of src/main', async () => {
    expect(await lint('src/renderer/host/x.ts', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n")).toEqual(bad);
    expect(await lint('src/renderer/App.vue', "<script setup lang=\"ts\">\nimport { readFile } from 'node:fs/promises';\nconsole.log(readFile);\n</script>\n<template><div /></template>\n")).toEqual(bad);
    expect(await lint('src/main/x.ts', "import { store } from '../renderer/stores/notebook';\nexport { store };\n")).toEqual(bad);
    expect(await lint('src/main/x.ts', "import { app } from 'electron';\nimport { HostArgs } from '../shared/protocol/host';\nexport { app, HostArgs };\n")).toEqual([]);
  });

  it('leave tests and benchmarks beside the code alone (they run in Node)', async () => {
    expect(await lint('src/shared/frame/x.test.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n")).toEqual([]);
    expect(await lint('src/shared/tensor/k.bench.ts', 'export const n = process.env.N;\n')).toEqual([]);
  });
});
