import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScoreOutput } from '../../src/shared/runs';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

function lens(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    // Approved user models live in the app data folder: a temporary one, never the developer's.
    env: { ...process.env, INFLUENCE_LENS_DB: db, XDG_DATA_HOME: dataHome },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const db = path.join(tempDir(), 'cli-scoring.sqlite');
const dataHome = tempDir();
const scoreJson = (...args: string[]) => {
  const run = lens('score', ...args, '--json');
  expect(run.stderr).not.toMatch(/lens:/);
  expect(run.code).toBe(0);
  return ScoreOutput.strict().parse(JSON.parse(run.stdout));
};

describe('lens scoring commands', () => {
  it('models --json lists every model with its version, citation and parameter schema', () => {
    expect(lens('import', path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'), '--dataset', 'karate').code).toBe(0);
    expect(lens('import', path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl'), '--dataset', 'brexit').code).toBe(0);
    const models = JSON.parse(lens('models', '--json').stdout) as { id: string; params: { properties: Record<string, { default: unknown }> } }[];
    expect(models.map((m) => m.id)).toEqual(['followers', 'indegree', 'pagerank', 'hits', 'kcore', 'tunkrank', 'kred', 'klout', 'spread', 'twitterrank', 'peerindex', 'tweetlevel']);
    const pagerank = models.find((m) => m.id === 'pagerank')!;
    expect(pagerank.params.properties.alpha!.default).toBe(0.85);
    const text = lens('models').stdout;
    expect(text).toContain('pagerank v1: PageRank (published)');
    expect(text).toContain('kred v1: Kred Influence and Outreach (reconstructed)');
    expect(text).toMatch(/bonus_points_per_thousand = 1 {2}\(ours: /);
  });

  it('score --json prints the run, its parameters after defaults, the seed, counts and seconds', () => {
    const output = scoreJson('--dataset', 'karate', '--model', 'kcore');
    expect(Object.keys(output)).toEqual(['run', 'accounts_scored', 'excluded', 'seconds', 'warnings']);
    expect(Object.keys(output.run)).toEqual(['id', 'model', 'version', 'params', 'seed']);
    expect(output.run).toMatchObject({ id: 1, model: 'kcore', version: '1', seed: 1 });
    expect(output.run.params).toMatchObject({ include_minors: false, edge_direction: 'attention' });
    expect(output).toMatchObject({ accounts_scored: 34, excluded: 0 });
    expect(output.seconds).toBeGreaterThan(0);
  });

  it('scores prints CSV account_id,handle,score,rank,model, highest first, ties sharing the lowest rank', () => {
    const csv = lens('scores', '--run', '1').stdout.trim().split('\n');
    expect(csv[0]).toBe('account_id,handle,score,rank,model');
    for (const line of csv.slice(1)) expect(line.endsWith(',kcore v1 (published)')).toBe(true);
    expect(csv).toHaveLength(35);
    const rows = csv.slice(1).map((line) => line.split(','));
    const ranks = rows.map((row) => Number(row[3]));
    const scores = rows.map((row) => Number(row[2]));
    for (let i = 1; i < rows.length; i++) {
      expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]!);
      expect(ranks[i]).toBe(scores[i] === scores[i - 1] ? ranks[i - 1] : i + 1);
    }
    const fours = scores.filter((s) => s === 4).length;
    expect(ranks.slice(0, fours).every((r) => r === 1)).toBe(true);
    expect(ranks[fours]).toBe(fours + 1);
    expect(lens('scores', '--run', '1', '--limit', '3').stdout.trim().split('\n')).toHaveLength(4);
    const json = JSON.parse(lens('scores', '--run', '1', '--format', 'json', '--limit', '2').stdout);
    expect(Object.keys(json[0])).toEqual(['account_id', 'handle', 'score', 'rank']);
  });

  it('extra outputs follow as extra columns (hits: hub)', () => {
    const { run } = scoreJson('--dataset', 'karate', '--model', 'hits');
    expect(lens('scores', '--run', String(run.id), '--limit', '1').stdout.split('\n')[0]).toBe('account_id,handle,score,rank,hub,model');
  });

  it('explain finds an account by handle or id and shows what makes its score', () => {
    const { run } = scoreJson('--dataset', 'brexit', '--model', 'pagerank', '--param', 'alpha=0.8');
    expect(run.params.alpha).toBe(0.8);
    const top = JSON.parse(lens('scores', '--run', String(run.id), '--format', 'json', '--limit', '1').stdout)[0];
    const byHandle = JSON.parse(lens('explain', '--run', String(run.id), '--account', `@${top.handle}`, '--json').stdout);
    const byId = JSON.parse(lens('explain', '--run', String(run.id), '--account', top.account_id, '--json').stdout);
    expect(byHandle).toEqual(byId);
    expect(byId.account).toEqual({ accountId: top.account_id, handle: top.handle });
    expect(byId.rank).toBe(1);
    expect(byId.contributions.length).toBeGreaterThan(0);
    const shares = byId.contributions.reduce((sum: number, c: { share: number }) => sum + c.share, 0);
    expect(shares).toBeLessThanOrEqual(1 + 1e-9);
    const text = lens('explain', '--run', String(run.id), '--account', top.account_id);
    expect(text.stdout).toContain(`rank 1`);
  });

  it('rerun reproduces a seeded Monte Carlo run byte for byte; another seed differs', () => {
    const first = scoreJson('--dataset', 'brexit', '--model', 'spread', '--param', 'probability=0.3', '--param', 'runs=50', '--seed', '7');
    const rerun = lens('rerun', '--run', String(first.run.id), '--json');
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ original: first.run.id, identical: true, run: { seed: 7 } });
    const other = scoreJson('--dataset', 'brexit', '--model', 'spread', '--param', 'probability=0.3', '--param', 'runs=50', '--seed', '8');
    const a = lens('scores', '--run', String(first.run.id)).stdout;
    const b = lens('scores', '--run', String(other.run.id)).stdout;
    expect(a).not.toBe(b);
  });

  it('runs lists the runs, filtered by dataset; runs show prints the manifest', () => {
    const all = JSON.parse(lens('runs', '--json').stdout) as { dataset: string }[];
    expect(all.length).toBeGreaterThanOrEqual(5);
    const karate = JSON.parse(lens('runs', '--dataset', 'karate', '--json').stdout) as { dataset: string; model: string }[];
    expect(karate.map((r) => r.model)).toEqual(['kcore', 'hits']);
    const manifest = JSON.parse(lens('runs', 'show', '--run', '1').stdout);
    expect(manifest).toMatchObject({ model: { id: 'kcore', version: '1' }, dataset: { name: 'karate' }, seed: 1, accountsScored: 34 });
    expect(manifest.dataset.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.model.fidelity).toBe('published');
    expect(manifest.provenance).toMatchObject({ ties: 'mean rank', build: { source: 'git', hash: expect.stringMatching(/^[0-9a-f]{40}$/) } });
    expect(manifest.provenance.derivationVersion).toEqual(expect.any(Number));
    expect(lens('runs', '--dataset', 'karate').stdout.split('\n')[0]).toMatch(/^ +1 {2}karate {2}kcore v1 \(published\) {2}seed 1/);
  });

  it('bad requests fail with one line naming the problem (exit 2 for bad input, 1 for missing things), and store nothing', () => {
    const before = lens('runs', '--json').stdout;
    const cases: [string[], number, RegExp][] = [
      [['score', '--dataset', 'karate', '--model', 'pagerank', '--param', 'alpha=2'], 2, /model pagerank: alpha: Too big: expected number to be <1/],
      [['score', '--dataset', 'karate', '--model', 'pagerank', '--param', 'alhpa=0.5'], 2, /Unrecognized key: "alhpa"/],
      [['score', '--dataset', 'karate', '--model', 'nope'], 1, /no model "nope"; models: followers, indegree/],
      [['score', '--dataset', 'nope', '--model', 'kcore'], 1, /no dataset named "nope"/],
      [['score', '--dataset', 'karate', '--model', 'pagerank', '--param', 'personalization.accounts=99,98'], 2, /no account "99" in this dataset/],
      [['score', '--model', 'kcore'], 2, /score needs --dataset NAME and --model ID/],
      [['explain', '--run', '1', '--account', 'nobody'], 2, /no account "nobody"/],
      [['scores', '--run', '999'], 1, /no run 999/],
    ];
    for (const [args, code, message] of cases) {
      const run = lens(...args);
      expect(run.stderr, args.join(' ')).toMatch(message);
      const lines = run.stderr.trim().split('\n');
      expect(lines.filter((line) => line.startsWith('lens:')), args.join(' ')).toEqual([lines.at(-1)]);
      expect(run.code, args.join(' ')).toBe(code);
    }
    expect(lens('runs', '--json').stdout).toBe(before);
  });

  it('models add installs a user model that then lists, runs and compares from the CLI; a clash with a built-in is refused', () => {
    const example = path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs');
    // No terminal (spawnSync's stdin is a pipe) and no --yes: the warning, a usage error, and nothing added.
    const unconfirmed = lens('models', 'add', example);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('will run on your computer with your permissions, inside a sandbox that blocks file writes and new processes but not the network');
    expect(unconfirmed.stderr).toContain('pass --yes');
    expect(lens('models').stdout).not.toContain('retweets-per-follower');
    const added = lens('models', 'add', example, '--yes');
    expect(added.stderr).toContain('will run on your computer with your permissions');
    expect(added.stdout).toContain('added retweets-per-follower v1');
    expect(lens('models').stdout).toContain('retweets-per-follower v1: Retweets per follower');
    const user = scoreJson('--dataset', 'brexit', '--model', 'retweets-per-follower');
    const builtIn = scoreJson('--dataset', 'brexit', '--model', 'tweetlevel');
    const pairs = JSON.parse(lens('compare', '--runs', `${user.run.id},${builtIn.run.id}`, '--json').stdout).pairs;
    expect(pairs[0]).toMatchObject({ a: user.run.id, b: builtIn.run.id, n: 185 });
    const clash = path.join(tempDir(), 'clash.mjs');
    fs.writeFileSync(clash, fs.readFileSync(path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs'), 'utf8').replace("id: 'retweets-per-follower'", "id: 'kred'"));
    const refused = lens('models', 'add', clash, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('its id "kred" is a built-in model\'s');
  });
});
