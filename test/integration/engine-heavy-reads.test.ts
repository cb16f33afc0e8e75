import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import { BOOTSTRAP_DRAW_BUDGET } from '../../src/main/tasks/compare';
import type { ApiName } from '../../src/shared/api';
import type { JobProgress } from '../../src/shared/runs';
import { tracked, value, writeEdgeList } from '../engine-helpers';
import { datasetsDir, tempDb, tempDir } from '../helpers';

// Issue 14, point 3: compare, scores pages, ego, cascades and the topic reads run in the job pool, so the engine's
// own thread answers cheap calls while they run. The real engine (a worker thread owning a real SQLite file) and a
// generated edge list with string ids, 150,000 accounts, big enough that a compare takes seconds.
let engine: EngineClient;
const runs: number[] = [];


beforeAll(async () => {
  const dir = tempDir('lens-heavy-reads-');
  const edges = writeEdgeList(path.join(dir, 'big.edgelist'), 600_000, 150_000);
  engine = startEngineThread(path.join(dir, 'workbench.sqlite'));
  expect(await engine.opened()).toBeNull();
  value(await engine.call('datasets.import', { paths: [edges], dataset: 'big', edges: 'attention' }));
  for (const model of ['indegree', 'pagerank']) runs.push(value(await engine.call('runs.score', { dataset: 'big', model })).run.id);
}, 600_000);

afterAll(async () => {
  await engine.stop();
});

describe('heavy reads leave the engine thread free', () => {
  it('answers datasets.list while a compare of two 150k-account runs is running, and the compare still answers', async () => {
    const order: string[] = [];
    let bootstrapping!: () => void;
    const inBootstrap = new Promise<void>((resolve) => (bootstrapping = resolve));
    const onJobProgress = (progress: JobProgress) => progress.phase.endsWith('bootstrap') && bootstrapping();
    const compare = tracked(order, 'compare', engine.call('analysis.compare', { runs, noise_ceiling: 'off' }, { onJobProgress }));
    await inBootstrap;
    const asked = performance.now();
    const listed = value(await tracked(order, 'datasets.list', engine.call('datasets.list', {})));
    const listMs = performance.now() - asked;
    expect(listed.map((d) => d.dataset.name)).toEqual(['big']);
    const compared = value(await compare);
    expect(order).toEqual(['datasets.list', 'compare']);
    console.log(`datasets.list during a compare: ${listMs.toFixed(1)} ms; the compare answered ${(performance.now() - asked).toFixed(0)} ms after it was asked`);
    // Every account of the dataset is in both runs; the default bootstrap is cut to fit its budget of draws.
    const [pair] = compared.pairs;
    expect(pair!.n).toBe(value(await engine.call('datasets.list', {}))[0]!.accounts);
    expect(pair!.spearman).toBeGreaterThan(0.5);
    expect(compared.bootstrap).toMatchObject({ resamples: Math.floor(BOOTSTRAP_DRAW_BUDGET / pair!.n), requested: 200 });
    expect(pair!.intervals!.spearman!.low).toBeLessThanOrEqual(pair!.spearman!);
  }, 300_000);

  it('cancels a compare on its job thread', async () => {
    const abort = new AbortController();
    const onJobProgress = (progress: JobProgress) => progress.phase.endsWith('bootstrap') && abort.abort();
    const result = await engine.call('analysis.compare', { runs, bootstrap: 10_000, noise_ceiling: 'off' }, { signal: abort.signal, onJobProgress });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  }, 300_000);

  it('answers datasets.list before an audit.topics that loads the whole dataset, which still answers', async () => {
    const order: string[] = [];
    const topics = tracked(order, 'audit.topics', engine.call('audit.topics', { dataset: 'big', account: 'user_0' }));
    const listed = tracked(order, 'datasets.list', engine.call('datasets.list', {}));
    expect(value(await listed).map((d) => d.dataset.name)).toEqual(['big']);
    // An edge list has no posts: the account is found, with no topic.
    expect(value(await topics)).toEqual({ account: { accountId: 'user_0', handle: null }, topics: [] });
    expect(order).toEqual(['datasets.list', 'audit.topics']);
    // Errors found on the job thread keep their code.
    const missing = await engine.call('audit.topics', { dataset: 'big', account: 'nobody' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: 'no account "nobody" in this dataset (by id or handle)' } });
  }, 300_000);
});

describe('the job pool under 20 concurrent heavy reads', () => {
  it('never runs more threads than the pool, reuses them, and answers each repeated call the same', async () => {
    const { db } = tempDb();
    const jobs = new JobHost({ size: 2 });
    const context: ServiceContext = { db, jobs };
    const call = async <N extends ApiName>(name: N, input: unknown) => value(await callService(name, input, context));
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: 'brexit' });
    const pagerank = (await call('runs.score', { dataset: 'brexit', model: 'pagerank' })).run.id;
    const indegree = (await call('runs.score', { dataset: 'brexit', model: 'indegree' })).run.id;
    const center = (await call('runs.scores', { run: pagerank, limit: 1 })).rows[0]!.accountId;
    const reads: [ApiName, unknown][] = [
      ['analysis.compare', { runs: [pagerank, indegree], bootstrap: 20, noise_ceiling: 'off' }],
      ['runs.scores', { run: pagerank, limit: 50 }],
      ['analysis.ego', { dataset: 'brexit', account: center, depth: 2 }],
      ['analysis.cascades', { dataset: 'brexit' }],
      ['audit.places', { dataset: 'brexit' }],
      ['analysis.distribution', { run: pagerank }],
      // Ranks on a job, then explains the chosen accounts in one job per run.
      ['analysis.disagreements', { runs: [pagerank, indegree], limit: 5 }],
    ];
    let observedLive = 0;
    const watch = setInterval(() => (observedLive = Math.max(observedLive, jobs.stats().live)), 5);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => call(...reads[i % reads.length]!)));
    clearInterval(watch);
    const stats = jobs.stats();
    expect(stats.peakLive).toBe(2);
    expect(observedLive).toBeLessThanOrEqual(2);
    // 26 jobs (two scores, one page, 20 reads, 2 x 2 explains) on the 2 threads the pool started.
    expect(stats.started).toBe(2);
    expect(stats).toMatchObject({ busy: 0, queued: 0 });
    // Each read asked two or three times at once: the same answer each time.
    for (let i = reads.length; i < answers.length; i++) expect(answers[i]).toEqual(answers[i % reads.length]);
    const [compare, scores, ego] = answers as unknown as [{ pairs: { n: number }[] }, { total: number; rows: unknown[] }, { center: { accountId: string } }];
    // Both models score every account of the run.
    expect(compare.pairs[0]!.n).toBe(scores.total);
    expect(scores.rows).toHaveLength(50);
    expect(ego.center.accountId).toBe(center);
    const [distribution, disagreements] = answers.slice(5, 7) as unknown as [{ n: number; unscored: number }, { accounts: { rank_a: number; rank_b: number }[] }];
    expect(distribution.n + distribution.unscored).toBe(scores.total);
    expect(disagreements.accounts).toHaveLength(5);
    for (const account of disagreements.accounts) expect(account.rank_a).not.toBe(account.rank_b);
  }, 300_000);
});
