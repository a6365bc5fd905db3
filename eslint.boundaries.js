// Environment boundaries of azr-desk (../docs: architecture §1). Each folder may only import what
// its runtime has: shared = pure, renderer = DOM, main/services = Node, main/platform + preload =
// Electron. Kept apart from eslint.config.js so a test can prove each rule fires.
import { builtinModules } from 'node:module';

// Bare names (`fs`, `domain`, `electron`) must match exactly: as glob patterns they would also match
// a folder of that name in a relative path (`../domain/x`). Globs are kept for prefixes and folders.
const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];
const electron = ['electron', 'electron/*'];

const isGlob = (entry) => entry.includes('*');

const rule = (message, entries) => [
  'error',
  {
    paths: entries.filter((entry) => !isGlob(entry)).map((name) => ({ name, message })),
    patterns: [{ group: entries.filter(isGlob), message }],
  },
];

/** @type {import('eslint').Linter.Config[]} */
export const boundaries = [
  {
    name: 'boundaries/shared',
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': rule(
        'shared/ is pure TypeScript: no Node, no DOM libraries, no Electron, no app folders.',
        [
          ...electron,
          ...nodeBuiltins,
          'react',
          'react-dom',
          'react/*',
          'dexie',
          '**/renderer/**',
          '**/electron/**',
          '**/test/**',
        ],
      ),
    },
  },
  {
    name: 'boundaries/renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': rule(
        'renderer/ runs in the sandboxed page: no Electron, no Node; talk to main through window.azr.',
        [...electron, ...nodeBuiltins, '**/electron/**', '**/test/**'],
      ),
    },
  },
  {
    name: 'boundaries/main-services',
    files: ['electron/main/services/**/*.ts'],
    ignores: ['electron/main/services/**/*.test.ts'],
    rules: {
      'no-restricted-imports': rule(
        'main/services is Node-only: Electron APIs belong in main/platform and are injected.',
        [...electron, '**/platform/**', '**/renderer/**', '**/test/**'],
      ),
    },
  },
  {
    name: 'boundaries/main-root',
    files: ['electron/main/*.ts'],
    rules: {
      'no-restricted-imports': rule(
        'The composition root wires platform and services; only main/platform imports Electron.',
        [...electron, '**/renderer/**', '**/test/**'],
      ),
    },
  },
  {
    name: 'boundaries/main-platform',
    files: ['electron/main/platform/**/*.ts'],
    ignores: ['electron/main/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': rule('main/platform never reaches into the renderer or tests.', [
        '**/renderer/**',
        '**/test/**',
      ]),
    },
  },
  {
    name: 'boundaries/preload',
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': rule(
        'A sandboxed preload has no Node modules; it only exposes the bridge contract.',
        [...nodeBuiltins, '**/main/**', '**/renderer/**', '**/test/**'],
      ),
    },
  },
];
