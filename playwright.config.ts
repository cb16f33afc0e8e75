import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the browser mode in Debian's Chromium (never a downloaded browser): global setup starts
 * `lens serve` on a fresh database and hands the tests its URL with the launch token.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 90_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // The three users' walks (users*.spec.ts) at the two sizes issue 16 names, each project's screenshots in
  // test-results/screenshots/<project name>/; every other spec once, at the default size.
  projects: [
    { name: 'default', testIgnore: /users.*\.spec\.ts/ },
    { name: '1440x900', testMatch: /users.*\.spec\.ts/, use: { viewport: { width: 1440, height: 900 } } },
    { name: '1024x700', testMatch: /users.*\.spec\.ts/, use: { viewport: { width: 1024, height: 700 } } },
  ],
});
