import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  CascadesOutput,
  CompareOutput,
  DisagreementsOutput,
  DistributionOutput,
  EgoOutput,
  WhatIfOutput,
} from '../../src/shared/analysis';
import { seededRandom } from '../../src/shared/random';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const db = path.join(tempDir(), 'cli-analysis.sqlite');

function lens(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args, '--db', db], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`lens ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}
const json = (...args: string[]) => JSON.parse(lens(...args, '--json'));
const runOf = (dataset: string, model: string, ...params: string[]) =>
  json('score', '--dataset', dataset, '--model', model, ...params.flatMap((p) => ['--param', p])).run.id as number;

/** The "done when": the Congress network's models compared, disagreements explained, distributions, what-if. */
describe('analysis commands on the Congress network', () => {
  const models = ['indegree', 'pagerank', 'hits', 'kcore', 'tunkrank', 'kred'];
  const runs: Record<string, number> = {};

  it('compare prints every pair of six models as a matrix, identical runs agreeing perfectly', () => {
    lens('import', path.join(datasetsDir, 'congress-twitter', 'congress_network_data.json'), '--dataset', 'congress');
    // The network's edges point from the influencer to the influenced; Kred counts them as actions only when asked.
    for (const model of models) {
      const extra = model === 'kred' ? ['kinds=["edge"]'] : [];
      runs[model] = runOf('congress', model, 'edge_direction=influence', ...extra);
    }
    const output = CompareOutput.parse(json('compare', '--runs', models.map((m) => runs[m]).join(','), '--k', '10,50'));
    expect(output.pairs).toHaveLength(15);
    for (const pair of output.pairs) {
      expect(pair.n).toBe(475);
      expect(Object.keys(pair.jaccard)).toEqual(['10', '50']);
      for (const value of [pair.spearman, pair.kendall_tau_b, pair.rbo]) {
        expect(value).not.toBeNull();
        expect(Math.abs(value!)).toBeLessThanOrEqual(1);
      }
      // Segments take every account tied with their last one: k-core's coreness ties by the hundred.
      expect(pair.segments.top10.nominal).toBe(48);
      expect(pair.segments.top1.nominal).toBe(5);
      expect(pair.segments.top10.n).toBe(48 + pair.segments.top10.tied_past_cut);
      expect(pair.intervals!.spearman!.low).toBeLessThanOrEqual(pair.intervals!.spearman!.high);
    }
    expect(output.bootstrap).toMatchObject({ resamples: 200, seed: 1, level: 0.95 });
    const again = runOf('congress', 'pagerank', 'edge_direction=influence');
    const [self] = CompareOutput.parse(json('compare', '--runs', `${runs.pagerank},${again}`)).pairs;
    expect(self).toMatchObject({ n: 475, spearman: 1, kendall_tau_b: 1, jaccard: { '10': 1, '100': 1 }, only_a: 0, only_b: 0 });
    expect(self!.rbo).toBeCloseTo(1, 12);
    expect(lens('compare', '--runs', models.map((m) => runs[m]).join(','))).toContain('Spearman rho');
  });

  it('disagreements lists the accounts ranked most differently, with both explanations', () => {
    const output = DisagreementsOutput.parse(json('disagreements', '--runs', `${runs.pagerank},${runs.kcore}`, '--limit', '3'));
    expect(output.accounts).toHaveLength(3);
    const ratios = output.accounts.map((a) => a.log_rank_ratio);
    expect([...ratios].sort((x, y) => y - x)).toEqual(ratios);
    for (const account of output.accounts) {
      expect(account.log_rank_ratio).toBeCloseTo(Math.abs(Math.log(account.rank_a / account.rank_b)), 12);
      expect(account.explanation_a.run.model).toBe('pagerank');
      expect(account.explanation_b.run.model).toBe('kcore');
      expect(account.explanation_a.account).toEqual(account.account);
      expect(account.explanation_a.rank).toBe(account.rank_a);
    }
  });

  it('distribution returns percentiles, histograms and the CCDF, consistent with the scores', () => {
    const output = DistributionOutput.parse(json('distribution', '--run', String(runs.pagerank)));
    expect(output.n).toBe(475);
    expect(output.histogram.linear.reduce((sum, bin) => sum + bin.count, 0)).toBe(475);
    expect(output.ccdf[0]!.p).toBe(1);
    const values = output.percentiles.map((p) => p.value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    const scores = JSON.parse(lens('scores', '--run', String(runs.pagerank), '--format', 'json')) as { score: number }[];
    expect(output.max).toBe(scores[0]!.score);
    const total = scores.reduce((sum, s) => sum + s.score, 0);
    expect(output.top1Share).toBeCloseTo((scores.slice(0, 5).reduce((sum, s) => sum + s.score, 0)) / total, 12);
  });

  it('whatif rescoring without the top accounts stores a run with the removal in its manifest, and reruns it', () => {
    const top = (JSON.parse(lens('scores', '--run', String(runs.pagerank), '--format', 'json', '--limit', '3')) as { account_id: string; handle: string }[]);
    const removed = [top[0]!.account_id, `@${top[1]!.handle}`, top[2]!.account_id];
    const output = WhatIfOutput.parse(json('whatif', '--run', String(runs.pagerank), '--remove-accounts', removed.join(','), '--limit', '0'));
    const sqlite = new Database(db, { readonly: true });
    const ids = top.map((t) => t.account_id);
    const involved = sqlite
      .prepare(`SELECT count(*) FROM interactions JOIN accounts a ON a.id = actor_id JOIN accounts t ON t.id = target_id
        WHERE interactions.dataset_id = 1 AND (a.platform_id IN (?, ?, ?) OR t.platform_id IN (?, ?, ?))`)
      .pluck()
      .get(...ids, ...ids) as number;
    sqlite.close();
    expect(involved).toBeGreaterThan(100);
    expect(output.interactions_removed).toBe(involved);
    expect(output.base).toBe(runs.pagerank);
    expect(output.accounts).toHaveLength(output.accounts_changed);
    const formerTop = output.accounts.find((a) => a.accountId === top[0]!.account_id)!;
    expect(formerTop.before.rank).toBe(1);
    expect(formerTop.after.rank).toBeGreaterThan(1);
    const manifest = JSON.parse(lens('runs', 'show', '--run', String(output.run.run.id)));
    // The manifest names the accounts by platform id, the handle given for the second included (docs/SECURITY.md).
    expect(manifest.whatIf).toEqual({ base: runs.pagerank, removal: { accounts: ids }, interactionsRemoved: involved });
    expect(json('rerun', '--run', String(output.run.run.id)).identical).toBe(true);
    expect(lens('explain', '--run', String(output.run.run.id), '--account', top[0]!.account_id)).toContain('rank');
  });

  it('whatif by kind and time range removes exactly those interactions', () => {
    lens('import', path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl'), '--dataset', 'brexit');
    const base = runOf('brexit', 'kred');
    const byKind = WhatIfOutput.parse(json('whatif', '--run', String(base), '--remove-kind', 'mention'));
    // Re-derived from brexit.jsonl by hand (a short script over its pages): 44 distinct accounts mentioned by posts
    // that are not retweets, other than the author and, for a reply, the replied-to account (SPEC derivation rules).
    expect(byKind.interactions_removed).toBe(44);
    const byTime = WhatIfOutput.parse(json('whatif', '--run', String(base), '--remove-from', '2000-01-01', '--remove-to', '2100-01-01'));
    const sqlite = new Database(db, { readonly: true });
    const timed = sqlite.prepare("SELECT count(*) FROM interactions JOIN datasets d ON d.id = dataset_id WHERE d.name = 'brexit' AND time IS NOT NULL").pluck().get();
    sqlite.close();
    expect(byTime.interactions_removed).toBe(timed);
  });

  it('cascades prints one object per cascade; ego lists neighbours with a sampling notice past the limit', () => {
    lens('import', path.join(datasetsDir, 'cascades-twitter15'), '--dataset', 'twitter15');
    const cascades = CascadesOutput.parse(json('cascades', '--dataset', 'twitter15'));
    expect(cascades).toHaveLength(40);
    for (const cascade of cascades) {
      expect(cascade.source).toBe('tree');
      expect(['true', 'false', 'unverified', 'non-rumor']).toContain(cascade.label);
      expect(cascade.structural_virality).toBeGreaterThanOrEqual(1);
      expect(cascade.max_breadth).toBeLessThanOrEqual(cascade.size);
    }
    const ego = EgoOutput.parse(json('ego', '--dataset', 'congress', '--account', '@SpeakerPelosi', '--depth', '2', '--limit', '50'));
    expect(ego.nodes).toHaveLength(50);
    expect(ego.truncated).toBe(true);
    expect(ego.notice).toBe('showing 50 of 475 accounts within 2 steps, sampled with seed 1');
    expect(ego.nodes[0]).toEqual({ ...ego.center, distance: 0 });
  });
});

/** Issue 13, ties: the same graph imported with its lines in another order gives the same comparison, intervals too. */
describe('compare does not depend on storage order', () => {
  it('gives identical compare --json for the Congress edge list imported in two line orders', () => {
    const original = path.join(datasetsDir, 'congress-twitter', 'congress.edgelist');
    const lines = fs.readFileSync(original, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const random = seededRandom(13);
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    const shuffled = path.join(tempDir(), 'congress-shuffled.edgelist');
    fs.writeFileSync(shuffled, `${lines.join('\n')}\n`);
    const compared = (file: string, name: string) => {
      lens('import', file, '--dataset', name, '--edges', 'influence');
      const ids = ['kcore', 'pagerank'].map((model) => runOf(name, model));
      const output = CompareOutput.parse(json('compare', '--runs', ids.join(','), '--k', '10,100'));
      // Run ids differ between the datasets; nothing else may.
      const text = JSON.stringify(output.pairs.map(({ a: _a, b: _b, ...figures }) => figures));
      return { output, text: text.replaceAll(`run ${ids[0]}`, 'run A').replaceAll(`run ${ids[1]}`, 'run B') };
    };
    const inFileOrder = compared(original, 'congress-lines');
    const inShuffledOrder = compared(shuffled, 'congress-shuffled');
    expect(inShuffledOrder.text).toBe(inFileOrder.text);

    const [pair] = inFileOrder.output.pairs;
    // k-core ties nearly everyone (471 of 475 accounts; 175 share the top coreness), PageRank no one.
    expect(pair!.ties.a).toMatchObject({ scored: 475, tied_accounts: 471, largest_group: 175 });
    expect(pair!.ties.b).toMatchObject({ tied_accounts: 0, largest_group: 1, largest_group_score: null });
    // The top 10 of k-core is any 10 of the 175 tied at the top: the plain Jaccard ranges over the cuts.
    expect(pair!.jaccard_range['10']!.min).toBe(0);
    expect(pair!.jaccard_range['10']!.max).toBeGreaterThan(pair!.jaccard['10']!);
    expect(pair!.segments.top10).toMatchObject({ nominal: 48, n: 175, tied_past_cut: 127, spearman: null });
    expect(pair!.warnings).toContain('run A: the top 10 cuts through a tie; the tie-aware top 10 holds 175 accounts'.replace('run A', `run ${pair!.a}`));
  });
});

describe('no listing depends on storage order', () => {
  /** The runs of a dataset by model, as the two-order compare test above stored them. */
  const runsOf = (dataset: string) =>
    Object.fromEntries((JSON.parse(lens('runs', '--dataset', dataset, '--json')) as { id: number; model: string }[]).map((run) => [run.model, run.id]));

  it('lists tied accounts by platform id in scores, disagreements and whatif, whatever the line order', () => {
    const lines = runsOf('congress-lines');
    const shuffled = runsOf('congress-shuffled');
    // k-core ties 471 of 475 accounts: the listing of every tie group is by platform id, in both imports.
    const listing = (run: number) => JSON.parse(lens('scores', '--run', String(run), '--format', 'json')) as { account_id: string; rank: number; score: number }[];
    const kcore = listing(lines.kcore!);
    expect(listing(shuffled.kcore!)).toEqual(kcore);
    const topGroup = kcore.filter((row) => row.rank === 1).map((row) => row.account_id);
    expect(topGroup).toHaveLength(175);
    expect(topGroup).toEqual([...topGroup].sort());
    // PageRank sums each account's incoming edges in storage order: the two imports differ by a few ulps (252 of
    // 475 scores, at most 1.0e-15 relative), which moves no rank and no listing.
    const pagerank = listing(lines.pagerank!);
    const reordered = new Map(listing(shuffled.pagerank!).map((row) => [row.account_id, row.score]));
    for (const row of pagerank) expect(Math.abs(reordered.get(row.account_id)! / row.score - 1)).toBeLessThan(1e-14);
    const ranks = (run: number) => listing(run).map((row) => [row.account_id, row.rank]);
    expect(ranks(shuffled.pagerank!)).toEqual(ranks(lines.pagerank!));

    const disagreements = (runs: Record<string, number>) =>
      DisagreementsOutput.parse(json('disagreements', '--runs', `${runs.kcore},${runs.pagerank}`, '--limit', '20')).accounts.map((d) => [d.account.accountId, d.rank_a, d.rank_b]);
    expect(disagreements(shuffled)).toEqual(disagreements(lines));

    const whatIf = (runs: Record<string, number>) =>
      WhatIfOutput.parse(json('whatif', '--run', String(runs.kcore), '--remove-accounts', removed, '--limit', '0')).accounts;
    // Ten of the top coreness group removed: many accounts move by the same ranks and the same score change.
    const removed = topGroup.slice(0, 10).join(',');
    const fromLines = whatIf(lines);
    expect(fromLines.length).toBeGreaterThan(20);
    expect(whatIf(shuffled)).toEqual(fromLines);
  });
});

/** Issue 13, uncertainty: a Monte Carlo run is compared with itself under the next seed, its noise ceiling. */
describe('compare shows the noise ceiling of a Monte Carlo run', () => {
  it('scores spread again with seed + 1 once, stores that run, and finds it on the next compare', () => {
    lens('import', path.join(datasetsDir, 'congress-twitter', 'congress_network_data.json'), '--dataset', 'congress-noise', '--edges', 'influence');
    const spread = runOf('congress-noise', 'spread', 'probability=0.05');
    const pagerank = runOf('congress-noise', 'pagerank');
    const first = CompareOutput.parse(json('compare', '--runs', `${spread},${pagerank}`, '--bootstrap', '0'));
    // PageRank is deterministic: only the spread run gets a ceiling.
    expect(first.noise_ceiling).toHaveLength(1);
    const [ceiling] = first.noise_ceiling;
    expect(ceiling).toMatchObject({ run: spread, model: 'spread', seed: 1, reseeded_seed: 2, source: 'scored', n: 475, note: null });
    const reseeded = ceiling!.reseeded_run!;
    // A normal stored run: the same recipe under seed 2, with its own manifest.
    const manifest = JSON.parse(lens('runs', 'show', '--run', String(reseeded), '--json')).manifest;
    const original = JSON.parse(lens('runs', 'show', '--run', String(spread), '--json')).manifest;
    expect(manifest).toMatchObject({ seed: 2, params: original.params, model: original.model, dataset: original.dataset });

    // Its figures are those of comparing the two runs directly, and they show real Monte Carlo noise.
    const [direct] = CompareOutput.parse(json('compare', '--runs', `${spread},${reseeded}`, '--bootstrap', '0', '--noise-ceiling', 'off')).pairs;
    expect(ceiling).toMatchObject({ spearman: direct!.spearman, kendall_tau_b: direct!.kendall_tau_b, rbo: direct!.rbo, jaccard: direct!.jaccard });
    expect(ceiling!.spearman!).toBeGreaterThan(0.5);
    expect(ceiling!.spearman!).toBeLessThan(1);

    const again = CompareOutput.parse(json('compare', '--runs', `${spread},${pagerank}`, '--bootstrap', '0'));
    expect(again.noise_ceiling).toEqual([{ ...ceiling, source: 'found' }]);
    const runCount = (JSON.parse(lens('runs', '--dataset', 'congress-noise', '--json')) as unknown[]).length;
    expect(runCount).toBe(3);
    const text = lens('compare', '--runs', `${spread},${pagerank}`, '--bootstrap', '0');
    expect(text).toContain(`run ${spread} (spread, seed 1) agrees with itself under seed 2 (run ${reseeded}, a stored run) at Spearman ${ceiling!.spearman!.toFixed(3)}`);
    expect(text).toContain(`no pair with run ${spread} can be read beyond that`);
  });

  it('says there is no ceiling when asked to use only stored runs and none is stored', () => {
    const spread = runOf('congress-noise', 'spread', 'probability=0.05', 'runs=20');
    const pagerank = runOf('congress-noise', 'pagerank');
    const output = CompareOutput.parse(json('compare', '--runs', `${spread},${pagerank}`, '--bootstrap', '0', '--noise-ceiling', 'stored'));
    expect(output.noise_ceiling).toEqual([
      expect.objectContaining({ run: spread, reseeded_run: null, source: 'unavailable', spearman: null, note: expect.stringContaining('seed 2') }),
    ]);
  });

  it('gives no ceiling, and says why, once the dataset has changed since the run', () => {
    const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
    lens('import', karate, '--dataset', 'karate-noise', '--edges', 'attention');
    const spread = runOf('karate-noise', 'spread', 'probability=0.2');
    const pagerank = runOf('karate-noise', 'pagerank');
    lens('import', path.join(datasetsDir, 'lesmis', 'les_miserables.gexf'), '--dataset', 'karate-noise', '--edges', 'attention');
    const output = CompareOutput.parse(json('compare', '--runs', `${spread},${pagerank}`, '--bootstrap', '0'));
    expect(output.noise_ceiling).toEqual([
      expect.objectContaining({ run: spread, reseeded_run: null, source: 'unavailable', note: expect.stringContaining('has changed since run') }),
    ]);
    expect((JSON.parse(lens('runs', '--dataset', 'karate-noise', '--json')) as unknown[]).length).toBe(2);
  });

  it('stores the standard error of every spread score on real data', () => {
    const spread = runOf('congress-noise', 'spread', 'probability=0.05');
    const scores = JSON.parse(lens('scores', '--run', String(spread), '--format', 'json')) as { score: number; stderr: number }[];
    expect(scores).toHaveLength(475);
    // Sample sd / sqrt(100 runs): positive wherever a cascade can grow, never larger than the mean itself.
    expect(scores.filter((row) => row.stderr > 0).length).toBeGreaterThan(400);
    for (const row of scores) expect(row.stderr).toBeLessThanOrEqual(row.score);
  });
});
