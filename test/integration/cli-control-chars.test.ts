import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const dir = tempDir();
const db = path.join(dir, 'control-chars.sqlite');

/** The CLI as a user runs it, in a process of its own; stdout and stderr exactly as a terminal would get them. */
function lens(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args, '--db', db], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, INFLUENCE_LENS_DB: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, all: result.stdout + result.stderr };
}

// What a terminal would act on: C0 except the CLI's own \n and \t, DEL, C1, and the bidi reorderers.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const RED = '\u001b[31m';
const TITLE = '\u001b]0;owned\u0007';

/**
 * A real Twitter API v2 page (twarc-csv's two_tweets.jsonl) with hostile text put in: a handle with a BEL, a bio that
 * turns the terminal red and sets its window title (OSC ... BEL), a display name with a C1 CSI and a tweet with ESC.
 */
function hostilePage(): string {
  const page = JSON.parse(fs.readFileSync(path.join(datasetsDir, 'twitter-v2', 'two_tweets.jsonl'), 'utf8').split('\n')[0]!);
  const [author, retweeted] = page.includes.users;
  author.username = 'Lachi\u0007Veronica';
  author.description = `${RED}red bio${TITLE}`;
  retweeted.name = 'bibai\u009b2Jgna';
  page.data[0].text = `RT @bibaigna96: ${RED}#POIUYTREWQ`;
  return `${JSON.stringify(page)}\n`;
}

describe('CLI output from hostile data', () => {
  const file = path.join(dir, 'hostile.jsonl');
  fs.writeFileSync(file, hostilePage());
  let runId = 0;

  it('import, dataset show, topics, score, scores and audit print no raw control character', () => {
    const outputs = [
      lens('import', file, '--dataset', `ctl${RED}`),
      lens('dataset', 'show', `ctl${RED}`),
      lens('dataset', 'show', `ctl${RED}`, '--json'),
      lens('topics', '--dataset', `ctl${RED}`, '--account', '1379899464345923590'),
      lens('topics', '--dataset', `ctl${RED}`, '--account', '1379899464345923590', '--json'),
    ];
    const score = lens('score', '--dataset', `ctl${RED}`, '--model', 'indegree', '--json');
    expect(score.code).toBe(0);
    runId = JSON.parse(score.stdout).run.id;
    outputs.push(
      score,
      lens('scores', '--run', String(runId)),
      lens('scores', '--run', String(runId), '--format', 'json'),
      lens('audit', '--dataset', `ctl${RED}`),
      lens('audit', '--dataset', `ctl${RED}`, '--json'),
      lens('dataset', 'show', `nope${TITLE}`),
    );
    for (const output of outputs) expect(output.all).not.toMatch(RAW_CONTROL);
    const all = outputs.map((o) => o.all).join('\n');
    // Escaped, not dropped: the sequences are visible (the dataset's name holds one, the missing name another).
    expect(all).toContain('ctl\\u001b[31m');
    expect(all).toContain('nope\\u001b]0;owned\\u0007');
    expect(all).toContain('Lachi\\u0007Veronica');
  });

  it('JSON output stays parseable and decodes back to the original text', () => {
    const shown = lens('dataset', 'show', `ctl${RED}`, '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).dataset.name).toBe(`ctl${RED}`);
    const scores = lens('scores', '--run', String(runId), '--format', 'json');
    expect(scores.code).toBe(0);
    expect(JSON.stringify(JSON.parse(scores.stdout))).toContain('Lachi\\u0007Veronica');
  });
});
