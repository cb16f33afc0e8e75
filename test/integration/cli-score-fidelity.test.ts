import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const db = path.join(tempDir(), 'cli-score-fidelity.sqlite');

function lens(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args, '--db', db], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(result.stderr).not.toMatch(/lens:/);
  expect(result.status).toBe(0);
  return result.stdout;
}

/** Issue 13, point 4: no reader takes "kred" for Kred's own score, so the line `lens score` prints says what it is. */
describe('lens score names the fidelity beside the model', () => {
  it('prints "kred v1 (reconstructed)" and "tunkrank v2 (published)" on the real brexit page', () => {
    lens('import', path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl'), '--dataset', 'brexit');
    expect(lens('score', '--dataset', 'brexit', '--model', 'kred')).toMatch(
      /^run 1: kred v1 \(reconstructed\) scored 185 accounts in \d+\.\d\d s; `lens scores --run 1` lists them\n$/,
    );
    expect(lens('score', '--dataset', 'brexit', '--model', 'tunkrank')).toMatch(/^run 2: tunkrank v2 \(published\) scored 185 accounts/);
  }, 60_000);
});
