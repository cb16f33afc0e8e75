import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, serverDb } from '../server';

/**
 * The user's CLI (`node bin/lens.mjs`, the built one `npm test` builds with the page) on the browser mode's own
 * database file, so the page's figures are checked against the CLI's on the very same runs.
 */
export function lens(...args: string[]): string {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'lens.mjs'), ...args, '--db', serverDb()], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`lens ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

export const lensJson = <T>(...args: string[]): T => JSON.parse(lens(...args, '--json')) as T;
