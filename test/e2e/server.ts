import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The browser mode's URL with its token, written by global-setup.ts. */
export function serverUrl(): { url: string; origin: string; token: string } {
  const url = fs.readFileSync(path.join(repoRoot, 'test-results', 'e2e-url.txt'), 'utf8').trim();
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token')! };
}

export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** The browser mode's database, for checking the page against the CLI on the same data. */
export const serverDb = () => fs.readFileSync(path.join(repoRoot, 'test-results', 'e2e-db.txt'), 'utf8').trim();

export { repoRoot };
