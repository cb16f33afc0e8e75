import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const urlFile = path.join(repoRoot, 'test-results', 'e2e-url.txt');
export const dbFile = path.join(repoRoot, 'test-results', 'e2e-db.txt');

/** Starts the browser mode on a fresh database (first start loads the demo data) and records its URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-e2e-'));
  const database = path.join(dir, 'e2e.sqlite');
  const server = await startServer(database);
  fs.mkdirSync(path.dirname(urlFile), { recursive: true });
  fs.writeFileSync(urlFile, server.url);
  fs.writeFileSync(dbFile, database);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
