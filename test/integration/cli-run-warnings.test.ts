import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScoreOutput } from '../../src/shared/runs';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const db = path.join(tempDir(), 'cli-run-warnings.sqlite');

function lens(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, INFLUENCE_LENS_DB: db, XDG_DATA_HOME: tempDir() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const warningsOn = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning: '));

describe('lens prints a run\'s warnings on stderr and in score --json', () => {
  it('Kred on the Congress edge list: two warnings, one line each; runs show repeats them and runs lists their codes', () => {
    const congress = path.join(datasetsDir, 'congress-twitter', 'congress.edgelist');
    expect(lens('import', congress, '--dataset', 'congress', '--edges', 'influence').code).toBe(0);
    const kred = lens('score', '--dataset', 'congress', '--model', 'kred', '--json');
    expect(kred.code).toBe(0);
    const output = ScoreOutput.strict().parse(JSON.parse(kred.stdout));
    expect(output.warnings.map((w) => Object.keys(w))).toEqual([['code', 'message'], ['code', 'message']]);
    expect(output.warnings.map((w) => w.code)).toEqual(['no_interactions_counted', 'mostly_tied']);
    // Progress lines share stderr (on a terminal they are redrawn); every warning is one whole line of its own.
    expect(warningsOn(kred.stderr)).toEqual(output.warnings.map((w) => `warning: ${w.message}`));

    const pagerank = lens('score', '--dataset', 'congress', '--model', 'pagerank', '--json');
    expect(JSON.parse(pagerank.stdout).warnings).toEqual([]);
    expect(warningsOn(pagerank.stderr)).toEqual([]);

    const shown = lens('runs', 'show', '--run', String(output.run.id));
    expect(JSON.parse(shown.stdout)).toMatchObject({ model: { id: 'kred' } });
    expect(warningsOn(shown.stderr)).toEqual(output.warnings.map((w) => `warning: ${w.message}`));
    const listed = lens('runs', '--dataset', 'congress').stdout.trim().split('\n');
    expect(listed[0]).toMatch(/kred v1 .*  warnings: no_interactions_counted, mostly_tied$/);
    expect(listed[1]).not.toMatch(/warnings/);
  }, 120_000);
});
