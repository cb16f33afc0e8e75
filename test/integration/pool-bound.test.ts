import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { startTypeScriptWorker } from '../../src/main/jobs/worker-script';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import type { ApiName } from '../../src/shared/api';
import { datasetsDir, fixturesDir, repoRoot, tempDb, tempDir } from '../helpers';

async function value<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the job pool under real service calls', () => {
  const { db } = tempDb();
  const call = <N extends ApiName>(name: N, input: unknown, context: ServiceContext) => value(callService(name, input, context));

  it('20 concurrent explains never run more threads than the pool, and reuse its threads', async () => {
    const jobs = new JobHost({ size: 2 });
    const context: ServiceContext = { db, jobs };
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: 'brexit' }, context);
    const run = await call('runs.score', { dataset: 'brexit', model: 'pagerank' }, context);
    const top = await call('runs.scores', { run: run.run.id, limit: 20 }, context);
    let observedLive = 0;
    const watch = setInterval(() => (observedLive = Math.max(observedLive, jobs.stats().live)), 5);
    const explanations = await Promise.all(
      top.rows.map((row) => call('runs.explain', { run: run.run.id, account: row.accountId, limit: 3 }, context)),
    );
    clearInterval(watch);
    expect(explanations.map((e) => e.account.accountId)).toEqual(top.rows.map((row) => row.accountId));
    expect(explanations.map((e) => e.rank)).toEqual(top.rows.map((row) => row.rank));
    const stats = jobs.stats();
    expect(stats.peakLive).toBe(2);
    expect(observedLive).toBeLessThanOrEqual(2);
    // 21 jobs (the score and 20 explains) on the 2 threads the pool started.
    expect(stats.started).toBe(2);
    expect(stats).toMatchObject({ busy: 0, queued: 0 });
  }, 120_000);

  it('keeps `keepWarm` idle threads alive past the idle timeout and retires the others', async () => {
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const warm = new JobHost({ size: 2, idleMs: 50, keepWarm: 1 });
    const cold = new JobHost({ size: 2, idleMs: 50 });
    for (const jobs of [warm, cold]) {
      const context: ServiceContext = { db, jobs };
      const name = jobs === warm ? 'brexit-warm' : 'brexit-cold';
      await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: name }, context);
      await Promise.all([call('runs.score', { dataset: name, model: 'pagerank' }, context), call('runs.score', { dataset: name, model: 'indegree' }, context)]);
      expect(jobs.stats().peakLive).toBe(2);
    }
    await waitFor(() => warm.stats().live === 1 && cold.stats().live === 0);
    // Well past the 50 ms idle timeout: the warm pool still holds its one thread, the cold one none.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warm.stats().live).toBe(1);
    expect(cold.stats().live).toBe(0);
    // The warm thread takes the next job without a new start.
    const startedBefore = warm.stats().started;
    const [run] = await call('runs.list', { dataset: 'brexit-warm' }, { db, jobs: warm });
    const page = await call('runs.scores', { run: run!.id, limit: 3 }, { db, jobs: warm });
    expect(page.rows).toHaveLength(3);
    expect(warm.stats().started).toBe(startedBefore);
  }, 120_000);

  it('models.list starts no thread: built-in descriptors are constant, user ones recorded when approved', async () => {
    process.env.XDG_DATA_HOME = tempDir(); // the app data folder, where approved models live
    const jobs = new JobHost();
    const context: ServiceContext = { db, jobs };
    const before = await call('models.list', {}, context);
    expect(jobs.stats().started).toBe(0);
    await call('models.add', { file: path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs'), trust: true }, context);
    // Adding checks the file in one isolated thread; the copy's descriptor is that one.
    expect(jobs.stats().started).toBe(1);
    const withUser = await call('models.list', {}, context);
    expect(withUser.map((m) => m.id)).toEqual([...before.map((m) => m.id), 'retweets-per-follower']);
    await call('models.list', {}, context);
    await call('models.problems', {}, context);
    expect(jobs.stats().started).toBe(1);
    // A changed file (new bytes, new sha256) is not loaded at all: it needs approval again.
    const file = path.join(process.env.XDG_DATA_HOME!, 'influence-lens', 'models', 'retweets-per-follower.mjs');
    fs.appendFileSync(file, '\n// changed\n');
    const changed = await call('models.list', {}, context);
    expect(changed.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(jobs.stats().started).toBe(1);
  }, 60_000);
});

describe('the queue', () => {
  const script = path.join(fixturesDir, 'workers', 'misbehaving-worker.ts');
  const pool = (size: number) => new JobHost({ size, start: (options) => startTypeScriptWorker(script, options) });

  it('starts every queued interactive job before any queued long one, each level in the order asked', async () => {
    const jobs = pool(1);
    const order: string[] = [];
    const job = (label: string, priority: 'interactive' | 'long') =>
      jobs.start<string>('sleeps', { ms: 50, label }, { priority }).result.then((result) => result.ok && order.push(result.value));
    const all = [
      job('long running first', 'long'),
      job('long 1', 'long'),
      job('long 2', 'long'),
      job('interactive 1', 'interactive'),
      job('interactive 2', 'interactive'),
      job('long 3', 'long'),
      job('interactive 3', 'interactive'),
    ];
    expect(jobs.stats()).toMatchObject({ busy: 1, queued: 6 });
    await Promise.all(all);
    expect(order).toEqual(['long running first', 'interactive 1', 'interactive 2', 'interactive 3', 'long 1', 'long 2', 'long 3']);
    expect(jobs.stats()).toMatchObject({ started: 1, peakLive: 1 });
  });

  it('an isolated job gets a thread of its own that exits after it; the bound holds with idle threads about', async () => {
    const jobs = pool(2);
    await Promise.all([jobs.start('sleeps', { ms: 20, label: 'a' }).result, jobs.start('sleeps', { ms: 20, label: 'b' }).result]);
    expect(jobs.stats()).toMatchObject({ live: 2, started: 2 });
    // Both threads idle and the pool full: one is retired to make room for the isolated job.
    expect(await jobs.start('sleeps', { ms: 20, label: 'isolated' }, { isolated: true }).result).toEqual({ ok: true, value: 'isolated' });
    expect(jobs.stats().peakLive).toBe(2);
    expect(jobs.stats().started).toBe(3);
  });
});
