// Lint, including Kluis's layer rule: shared/ stands alone; renderer/, electron/ and server/ meet only
// in shared/. A violation is an error, so `npm test` fails on it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

/** Forbid relative imports that climb into another top-level folder. */
const otherTopLevel = (folders) =>
  folders.map((f) => ({
    group: [`**/${f}`, `**/${f}/**`, `${f}/**`],
    message: `This layer must not import ${f}/; share through shared/ instead (ARCHITECTURE.md, Layers).`,
  }));

/** Outside shared/, a shared/ folder is entered only through its face (its index.ts). */
const throughFaces = {
  group: ['**/shared/*/*'],
  message: 'Import this from the shared/ folder itself (its index.ts face), not from a file inside it.',
};

/** Inside shared/, another folder is entered through its face too; a folder's own files import each other. */
const throughSiblingFaces = {
  group: ['../*/*'],
  message: 'Import this from the sibling folder itself (its index.ts face), not from a file inside it.',
};

const layer = (folders, paths = [], faces = throughFaces) => [
  'error',
  {
    paths: paths.map((name) => ({
      name,
      message: `${name} is not allowed in this layer (ARCHITECTURE.md).`,
    })),
    patterns: [...otherTopLevel(folders), ...(faces ? [faces] : [])],
  },
];

const sharedLayer = () =>
  layer(
    ['renderer', 'electron', 'server'],
    [...nodeBuiltins, 'electron', 'react', 'react-dom', 'dexie', 'rxdb/plugins/storage-dexie'],
    throughSiblingFaces,
  );

/** The renderer neither touches the store nor writes the audit trail: core operations and queries do. */
const noStoreInRenderer = [
  'error',
  {
    selector: "MemberExpression[property.name='db']",
    message: 'The renderer does not touch the store: use a core query (useLiveQuery) or operation.',
  },
  {
    selector: "CallExpression[callee.property.name='record'][callee.object.property.name='audit']",
    message: 'Audit entries are written by core operations (shared/*/operations.ts), never by the UI.',
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'bench/results'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': sharedLayer(),
      // shared/ runs in the renderer, Electron main, the server and tests: no DOM, no Node globals.
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'process',
          'Buffer',
          'require',
        ].map((name) => ({
          name,
          message: `${name} is host-specific; inject it through an adapter instead.`,
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layer(['electron', 'server'], [...nodeBuiltins, 'electron', 'rxdb']),
      'no-restricted-syntax': noStoreInRenderer,
    },
  },
  {
    // The one place the renderer names its storage engine: the host adapter handed to the core.
    files: ['renderer/platform/storage.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': layer(['renderer', 'server']) },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': layer(['renderer', 'electron'], ['electron']) },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
