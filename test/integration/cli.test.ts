import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetTotals } from '../../src/shared/api';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

/** The CLI as a user runs it: a separate process through tsx, with no build step. */
function lens(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, INFLUENCE_LENS_DB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lens CLI', () => {
  const db = path.join(tempDir(), 'cli.sqlite');

  it('import --json prints exactly one JSON object with the dataset totals', () => {
    const file = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
    const run = lens(['import', file, '--dataset', 'karate', '--json', '--db', db]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const totals = DatasetTotals.strict().parse(JSON.parse(lines[0]!));
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['dataset', 'accounts', 'posts', 'interactions', 'cascades', 'unresolved', 'skipped']);
    expect(totals.dataset.name).toBe('karate');
    expect(totals.interactions.edge).toBe(78);
    expect(totals.accounts).toBe(34);
  });

  it('datasets and dataset show list what was imported, as text and JSON', () => {
    const list = lens(['datasets', '--json', '--db', db]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((d: { dataset: { name: string } }) => d.dataset.name)).toEqual(['karate']);
    const show = lens(['dataset', 'show', 'karate', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('karate_club_weighted.csv');
    expect(show.stdout).toMatch(/interactions\s+edge 78/);
  });

  it('the database can be chosen with INFLUENCE_LENS_DB', () => {
    const list = lens(['datasets', '--json'], { INFLUENCE_LENS_DB: db });
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('fails with one line on stderr and a non-zero exit code', () => {
    const missing = lens(['dataset', 'show', 'nope', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('lens: no dataset named "nope"; `lens datasets` lists them\n');
    const badOption = lens(['import', '--bogus', '--db', db]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr.trim().split('\n')).toHaveLength(1);
    expect(badOption.stderr).toMatch(/^lens: Unknown option '--bogus'.*see `lens import --help`/);
    const badMap = lens(['import', path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'), '--map', 'from', '--db', db]);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toBe('lens: --map expects field=column pairs separated by commas, found "from"\n');
  });

  it('every command has --help', () => {
    for (const command of ['import', 'datasets', 'dataset', 'start']) {
      const help = lens([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: lens ${command}`));
      expect(help.stdout).toContain('--db PATH');
    }
    expect(lens(['--help']).stdout).toContain('Commands:');
  });

  it('dataset delete removes the dataset and everything in it', () => {
    const deleted = lens(['dataset', 'delete', 'karate', '--db', db]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe('deleted dataset "karate"\n');
    expect(JSON.parse(lens(['datasets', '--json', '--db', db]).stdout)).toEqual([]);
  });

  it('start loads the bundled samples once', () => {
    const startDb = path.join(tempDir(), 'start.sqlite');
    const first = lens(['start', '--db', startDb]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('sample-brexit-tweets');
    expect(first.stdout).toContain('sample-twitter15-cascades');
    const again = lens(['datasets', '--json', '--db', startDb]);
    const before = JSON.parse(again.stdout);
    lens(['start', '--db', startDb]);
    expect(JSON.parse(lens(['datasets', '--json', '--db', startDb]).stdout)).toEqual(before);
  });
});
