/**
 * @file ESLint: the layer rules of design.md ("Layers (src/)"), plus a few rules that catch real bugs. Style is
 * left to the authors; these rules are about what may import what.
 *
 * [Note: layer rules] Each layer lists the packages and the src/ folders it must not import. Bare package names
 * are one anchored regex (so a local `./events` is not taken for Node's `events`). Folders are harder: no-restricted-imports sees the import text, not the file it
 * resolves to, so `../main/x` means src/main only from a file one folder below src/. The rule is therefore set
 * once per folder depth, with a pattern that climbs exactly that many levels (or goes through `src/`).
 */
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

const SOURCE = '{ts,mts,cts,tsx,js,mjs,cjs,vue}';
/** Node's built-in modules, by bare name (`fs`, `fs/promises`) and as `node:*`. */
const NODE = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:'];
const DOM_ONLY = ['vue', 'pinia', '@vue/', 'monaco-editor', 'plotly.js-dist'];

/** What each layer must not import: packages by name, and sibling folders of src/. */
const LAYERS = {
  shared: {
    packages: ['electron', ...NODE, ...DOM_ONLY],
    folders: ['main', 'renderer', 'engine', 'preload'],
    why: 'src/shared is environment-agnostic: no Electron, Node, Vue or DOM-only modules, and no other layer',
    globals: ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname', '__filename'],
  },
  renderer: {
    packages: ['electron', ...NODE],
    folders: ['main', 'preload'],
    why: 'src/renderer runs sandboxed in a web page: no Electron or Node; it reaches the host through window.divelab',
  },
  preload: {
    packages: NODE,
    folders: ['main', 'renderer', 'engine'],
    why: 'src/preload is a sandboxed preload: only electron and src/shared/protocol',
  },
  main: {
    packages: [],
    folders: ['renderer', 'preload'],
    why: 'src/main talks to the renderer over IPC only (src/shared/protocol/host.ts)',
  },
  engine: {
    packages: [],
    folders: ['main', 'renderer', 'preload'],
    why: 'src/engine depends on src/shared only',
  },
};

const MAX_DEPTH = 8;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A regex for bare package imports: a name matches itself and its subpaths (`vue`, `vue/x`); a name ending in
 * `/` or `:` is a prefix (`@vue/`, `node:`). Anchored, so relative imports (`./events`) never match.
 */
function packageRegex(packages) {
  const alternatives = packages.map((p) => (/[/:]$/.test(p) ? `${escape(p)}.*` : `${escape(p)}(?:/.*)?`));
  return `^(?:${alternatives.join('|')})$`;
}

/** A regex for imports that land in one of `folders` of src/, from a file `depth` folders below src/. */
function folderRegex(folders, depth) {
  const up = (n) => `(?:\\.\\./){${n}}`;
  const names = folders.map(escape).join('|');
  return `^(?:\\./)?(?:${up(depth)}|${up(depth + 1)}src/|/src/)(?:${names})(?:[/?]|$)`;
}

function layerConfigs() {
  const configs = [];
  for (const [layer, rule] of Object.entries(LAYERS)) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const patterns = [];
      if (rule.packages.length) patterns.push({ regex: packageRegex(rule.packages), message: rule.why });
      patterns.push({ regex: folderRegex(rule.folders, depth), message: rule.why });
      configs.push({
        name: `divelab/layers/${layer}/depth-${depth}`,
        files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.${SOURCE}`],
        // Tests and benchmarks beside the code run in Node (vitest, bench/) and are not part of the layer.
        ignores: ['**/*.test.*', '**/*.bench.*'],
        rules: {
          'no-restricted-imports': ['error', { patterns }],
          ...(rule.globals
            ? { 'no-restricted-globals': ['error', ...rule.globals.map((name) => ({ name, message: rule.why }))] }
            : {}),
        },
      });
    }
  }
  return configs;
}

/** Rules that find bugs, not style: each of these is almost always a mistake. */
const CORRECTNESS = {
  'no-debugger': 'error',
  'no-dupe-keys': 'error',
  'no-dupe-else-if': 'error',
  'no-duplicate-case': 'error',
  'no-self-assign': 'error',
  'no-unsafe-finally': 'error',
  'no-unsafe-negation': 'error',
  'no-unreachable': 'error',
  'no-compare-neg-zero': 'error',
  'no-async-promise-executor': 'error',
  'no-sparse-arrays': 'error',
  'no-invalid-regexp': 'error',
  'no-empty-character-class': 'error',
  'for-direction': 'error',
  'use-isnan': 'error',
  'valid-typeof': 'error',
};

export default tseslint.config(
  {
    name: 'divelab/ignores',
    ignores: ['out/**', 'dist/**', 'coverage/**', 'node_modules/**', '**/*.d.ts', 'tests/golden/expected/**', 'src/python/**'],
  },
  {
    name: 'divelab/parsing',
    files: [`**/*.${SOURCE}`],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    // Directives written for rules not enabled here (e.g. no-control-regex) are not worth a warning.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: CORRECTNESS,
  },
  ...vue.configs['flat/essential'],
  {
    name: 'divelab/vue',
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // Naming is style; App.vue and single-word panel components are fine.
      'vue/multi-word-component-names': 'off',
    },
  },
  ...layerConfigs(),
);
