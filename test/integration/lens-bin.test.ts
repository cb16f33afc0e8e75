import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'lens.mjs');
const built = path.join(repoRoot, 'out', 'main', 'cli.js');
const devEntry = path.join(repoRoot, 'src', 'main', 'cli', 'main.ts');
const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');

/** Runs a command with the database named by INFLUENCE_LENS_DB only, as a user's shell would. */
function run(command: string[], db: string) {
  const result = spawnSync(process.execPath, command, {
    encoding: 'utf8',
    env: { ...process.env, INFLUENCE_LENS_DB: db },
    cwd: repoRoot,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the lens command of the package', () => {
  it('is the bin of package.json and runs the built CLI', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.bin.lens).toBe('bin/lens.mjs');
    expect(pkg.scripts.prepare).toMatch(/electron-vite build/);
    // npm test builds before vitest runs; without a build the bin has nothing to run.
    expect(fs.existsSync(built), `${built} is missing: run npm run build first`).toBe(true);
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the same as the tsx dev entry for lens datasets --json on a temp database', () => {
    const db = path.join(tempDir(), 'workbench.sqlite');
    const imported = run(['--import', 'tsx', devEntry, 'import', karate, '--dataset', 'karate'], db);
    expect(imported.status).toBe(0);

    const fromBin = run([bin, 'datasets', '--json'], db);
    const fromSource = run(['--import', 'tsx', devEntry, 'datasets', '--json'], db);
    expect(fromBin.status).toBe(0);
    expect(fromBin.stderr).toBe('');
    expect(fromBin.stdout).toBe(fromSource.stdout);
    const listed = JSON.parse(fromBin.stdout) as { dataset: { name: string }; accounts: number; interactions: { edge: number } }[];
    expect(listed.map((entry) => [entry.dataset.name, entry.accounts, entry.interactions.edge])).toEqual([['karate', 34, 78]]);
  }, 60_000);

  it('exits 2 with the usage error on an unknown command, like the dev entry', () => {
    const db = path.join(tempDir(), 'workbench.sqlite');
    const fromBin = run([bin, 'no-such-command'], db);
    expect(fromBin.status).toBe(2);
    expect(fromBin.stderr).toMatch(/^lens: unknown command "no-such-command"/);
    expect(fromBin.stderr).toBe(run(['--import', 'tsx', devEntry, 'no-such-command'], db).stderr);
  }, 30_000);
});
