import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
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
