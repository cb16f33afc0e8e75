import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import { datasetsDir, tempDb } from '../helpers';

const brexit = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');

describe('the account page before long jobs (real brexit tweets, a real one-thread pool)', () => {
  it('report.account, topics included, answers before an audit queued ahead of it', async () => {
    const { db } = tempDb();
    // One thread, as on a two-core machine (cores - 1): whatever runs there decides who waits.
    const jobs = new JobHost({ size: 1 });
    const context: ServiceContext = { db, jobs };
    expect((await callService('datasets.import', { paths: [brexit], dataset: 'brexit' }, context)).ok).toBe(true);
    const scored = await callService('runs.score', { dataset: 'brexit', model: 'indegree' }, context);
    if (!scored.ok) throw new Error(scored.error.message);
    const top = await callService('runs.scores', { run: scored.value.run.id, limit: 1 }, context);
    if (!top.ok) throw new Error(top.error.message);
    const account = top.value.rows[0]!.accountId;

    const order: string[] = [];
    // A long score holds the only thread; an audit (long) is queued behind it, then the user opens the account page.
    let running!: () => void;
    const scoreRuns = new Promise<void>((resolve) => (running = resolve));
    const busy = callService('runs.score', { dataset: 'brexit', model: 'pagerank' }, { ...context, onJobProgress: () => running() }).then(() => order.push('score'));
    await scoreRuns;
    const audit = callService('audit.cases', { dataset: 'brexit' }, context).then(() => order.push('audit'));
    while (jobs.stats().queued === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const report = callService('report.account', { dataset: 'brexit', account }, context).then((result) => {
      order.push('report');
      return result;
    });
    const answered = await report;
    await Promise.all([busy, audit]);
    expect(answered.ok && answered.value.topics?.account.accountId).toBe(account);
    expect(answered.ok && answered.value.runs.every((run) => run.explanation !== null)).toBe(true);
    expect(order.indexOf('report')).toBeLessThan(order.indexOf('audit'));
  }, 120_000);
});
