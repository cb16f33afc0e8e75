import { spawn } from 'node:child_process';
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

/**
 * Starts the browser mode on `database` (a fresh file gets the demo data of the first start) and resolves with its
 * URL and a stop function. `env` adds variables, e.g. the test-only endpoints.
 */
export async function startServer(database: string, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), 'serve', '--port', '0', '--db', database], {
    cwd: repoRoot,
    env: { ...process.env, INFLUENCE_LENS_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`lens serve exited ${code}:\n${output}`)));
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGINT');
    await new Promise((resolve) => server.on('exit', resolve));
  };
  return { url, stop };
}
