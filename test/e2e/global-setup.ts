import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const urlFile = path.join(repoRoot, 'test-results', 'e2e-url.txt');
export const dbFile = path.join(repoRoot, 'test-results', 'e2e-db.txt');

/** Starts the browser mode on a fresh database (first start loads the demo data) and records its URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-e2e-'));
  const database = path.join(dir, 'e2e.sqlite');
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), 'serve', '--port', '0', '--db', database], {
    cwd: repoRoot,
    // The test-only endpoints: engine-event-loop.spec.ts reads the request thread's event-loop delay.
    env: { ...process.env, INFLUENCE_LENS_DB: '', INFLUENCE_LENS_TEST_ENDPOINTS: '1' },
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
  fs.mkdirSync(path.dirname(urlFile), { recursive: true });
  fs.writeFileSync(urlFile, url);
  fs.writeFileSync(dbFile, database);
  return async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => server.on('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
