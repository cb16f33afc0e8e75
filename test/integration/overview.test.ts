import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import type { ApiName } from '../../src/shared/api';
import { datasetsDir, tempDb } from '../helpers';

const brexit = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');
const kpop = path.join(datasetsDir, 'twitter-v2', 'kpop.jsonl');

describe('overview.dataset and accounts.show on the real brexit and kpop tweets', () => {
  const { db } = tempDb();
  const context: ServiceContext = { db, jobs: new JobHost() };
  const call = async <N extends ApiName>(name: N, input: unknown) => {
    const result = await callService(name, input, context);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('before any run or audit: the dataset with nothing to look at yet, and no audit started', async () => {
    await call('datasets.import', { paths: [brexit, kpop], dataset: 'tweets' });
    const overview = await call('overview.dataset', { dataset: 'tweets' });
    expect(overview).toEqual({ dataset: 'tweets', audit: null, strongest: [], latestRuns: [], disagreements: [] });
    expect(await call('audit.runs', { dataset: 'tweets' })).toEqual([]);
  });

  it('ranks pairs of the latest run of each model by Spearman, agreeing with analysis.compare', async () => {
    const oldIndegree = await call('runs.score', { dataset: 'tweets', model: 'indegree' });
    const indegree = await call('runs.score', { dataset: 'tweets', model: 'indegree', params: { weighted: false } });
    const pagerank = await call('runs.score', { dataset: 'tweets', model: 'pagerank' });
    const followers = await call('runs.score', { dataset: 'tweets', model: 'followers' });
    const overview = await call('overview.dataset', { dataset: 'tweets', pairs: 10 });
    expect(overview.latestRuns.map((run) => run.id)).toEqual([indegree.run.id, pagerank.run.id, followers.run.id]);
    expect(overview.latestRuns.map((run) => run.id)).not.toContain(oldIndegree.run.id);
    expect(overview.disagreements).toHaveLength(3);
    const rhos = overview.disagreements.map((pair) => pair.spearman);
    expect([...rhos].sort((a, b) => a! - b!)).toEqual(rhos);
    const compared = await call('analysis.compare', { runs: [indegree.run.id, pagerank.run.id, followers.run.id], bootstrap: 0, noise_ceiling: 'off' });
    for (const pair of overview.disagreements) {
      const same = compared.pairs.find((other) => other.a === pair.a.id && other.b === pair.b.id)!;
      expect(pair.n).toBe(same.n);
      expect(pair.spearman).toBeCloseTo(same.spearman!, 12);
    }
    // Followers counts attention nobody gave in the data: it should part from the graph models more than they part from each other.
    expect(overview.disagreements[0]!.b.model).toBe('followers');
  });

  it('picks the strongest stored cases, each pointing at its place in the stored audit', async () => {
    await call('audit.cases', { dataset: 'tweets', model: 'indegree' });
    const latest = (await call('audit.latest', { dataset: 'tweets' }))!;
    const overview = await call('overview.dataset', { dataset: 'tweets', cases: 5 });
    expect(overview.audit).toMatchObject({ run: latest.run, cases: latest.cases.length });
    expect(overview.strongest.length).toBe(Math.min(5, latest.cases.length));
    for (const { index, case: item } of overview.strongest) expect(latest.cases[index]).toEqual(item);
    const perKind = new Map<string, number>();
    for (const { case: item } of overview.strongest) perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + 1);
    // Two of a kind at most while another kind has a case left out.
    const left = latest.cases.filter((_, index) => !overview.strongest.some((entry) => entry.index === index));
    for (const [kind, count] of perKind) if (count > 2) expect(left.every((item) => item.kind === kind)).toBe(true);
  });

  it('says who an account is, from its row in the dataset, with its place in words', async () => {
    const profile = await call('accounts.show', { dataset: 'tweets', account: '@KoreaTimesCoKr' });
    expect(profile).toMatchObject({
      handle: 'koreatimescokr',
      displayName: 'The Korea Times',
      location: 'Seoul, Korea',
      followers: 32490,
      following: 31,
      postCount: 40184,
      placeholder: false,
      minor: false,
    });
    expect(profile.place?.label).toBe('Seoul, Seoul, South Korea');
    expect(profile.bio).toMatch(/Korea/);
    const missing = await callService('accounts.show', { dataset: 'tweets', account: '@nobody_here_at_all' }, context);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
