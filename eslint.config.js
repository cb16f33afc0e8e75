import tseslint from 'typescript-eslint';
import layers, { allowFromLevels } from './eslint-rules/layers.js';

/**
 * The main process's layer order (issue 14), lowest first; a unit imports itself and strictly lower levels, never a
 * sibling on its own level. `support` is the handful of files at the root of src/main that read the package and the
 * install folder and import nothing of the layers.
 */
// `tasks` (the worker's typed task map, issue 14 point 4) is not in the list: it wires scoring and audit
// handlers to the job pool and is called by the services, so it sits between analysis|audit and services.
// `entry` (src/main/entry and the lens executable src/main/cli/main.ts) is above the top level: `lens serve` and
// `lens start` compose the CLI with the server and the desktop app, which as siblings may not import each other.
const MAIN_LEVELS = [['shared'], ['support'], ['store'], ['jobs'], ['import', 'scoring'], ['analysis', 'audit'], ['tasks'], ['services'], ['engine'], ['cli', 'server', 'desktop'], ['entry']];
const mainAllow = allowFromLevels(MAIN_LEVELS);
const mainFolder = (name) => ({ name, paths: [`src/main/${name}`], allow: mainAllow[name] });

const R = 'src/renderer/src';
const LAYER_UNITS = [
  { name: 'shared', paths: ['src/shared'], allow: mainAllow.shared },
  { name: 'support', paths: ['src/main/app-root.ts', 'src/main/build-info.ts', 'src/main/version.ts'], allow: mainAllow.support },
  ...['store', 'jobs', 'import', 'scoring', 'analysis', 'audit', 'tasks', 'services', 'engine', 'cli', 'server'].map(mainFolder),
  // index.ts is the Electron entry and ipc.ts its IPC registration: both are the desktop shell.
  { name: 'desktop', paths: ['src/main/desktop', 'src/main/index.ts', 'src/main/ipc.ts'], allow: mainAllow.desktop },
  // main.ts is the `lens` executable: the one file of cli/ that may import the entry commands.
  { name: 'entry', paths: ['src/main/entry', 'src/main/cli/main.ts'], allow: mainAllow.entry },
  { name: 'preload', paths: ['src/preload'], allow: ['shared'] },
  // The renderer: app may import features and ui, a feature only ui (never another feature), ui neither.
  { name: 'api', paths: [`${R}/api`], allow: ['shared'] },
  { name: 'ui', paths: [`${R}/ui`], allow: ['api', 'shared'] },
  { name: 'features', paths: [`${R}/features/*`], allow: ['ui', 'api', 'shared'] },
  { name: 'app', paths: [`${R}/app`], allow: ['features', 'ui', 'api', 'shared'] },
  // main.tsx and the page's stylesheet: the page entry, above everything.
  { name: 'renderer-entry', paths: [R], allow: ['app', 'features', 'ui', 'api', 'shared'] },
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', { units: LAYER_UNITS }] },
  },
  {
    // The process boundaries are folders: shared code runs everywhere, the renderer only in a page.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'better-sqlite3', '../main/*', '../renderer/*'] }],
    },
  },
  {
    // Worker threads run in plain Node as well as in the app: they never touch Electron.
    files: ['src/main/scoring/**/*.ts', 'src/main/jobs/**/*.ts', 'src/main/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron'] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/main/**', 'node:*', 'electron'] }] },
  },
);
