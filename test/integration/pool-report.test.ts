import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import type { ApiName } from '../../src/shared/api';
import { AccountReport, namesAccount } from '../../src/shared/report';
import { datasetsDir, tempDb } from '../helpers';

const brexit = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');
const kpop = path.join(datasetsDir, 'twitter-v2', 'kpop.jsonl');

async function value<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('report.account on the real brexit and kpop tweets', () => {
  const { db } = tempDb();
  const jobs = new JobHost();
  const context: ServiceContext = { db, jobs };
  const call = <N extends ApiName>(name: N, input: unknown) => value(callService(name, input, context));

  it('answers in one call what the per-card calls (runs.list, runs.show and runs.explain per run, audit.topics, audit.latest) gave', async () => {
    await call('datasets.import', { paths: [brexit, kpop], dataset: 'tweets' });
    const indegree = await call('runs.score', { dataset: 'tweets', model: 'indegree' });
    await call('runs.score', { dataset: 'tweets', model: 'pagerank' });
    const audit = await call('audit.cases', { dataset: 'tweets', model: 'indegree' });
    // An account the stored audit names and the runs score (minors are left out of runs), so no part is empty.
    let account = '';
    for (const label of audit.cases.flatMap((item) => item.accounts)) {
      const explained = await callService('runs.explain', { run: indegree.run.id, account: label.accountId }, context);
      if (explained.ok) {
        account = label.handle ? `@${label.handle}` : label.accountId;
        break;
      }
    }
    expect(account).not.toBe('');
    await call('runs.whatif', { run: indegree.run.id, remove: { accounts: [account] } });
    await call('analysis.windows', { dataset: 'tweets', model: 'indegree', window: '1d', step: '1d' });

    const list = await call('runs.list', { dataset: 'tweets' });
    const kinds = list.map((run) => run.kind);
    expect(kinds.slice(0, 3)).toEqual(['base', 'base', 'whatif']);
    expect(kinds.slice(3).length).toBeGreaterThan(0);
    expect(new Set(kinds.slice(3))).toEqual(new Set(['window']));

    // The old way: one runs.show and one runs.explain per run that is not a window, then topics and the latest audit.
    const perCard = [];
    for (const summary of list.filter((run) => run.kind !== 'window')) {
      const detail = await call('runs.show', { run: summary.id });
      const explanation = await callService('runs.explain', { run: summary.id, account, limit: 10 }, context);
      perCard.push({ run: detail, explanation: explanation.ok ? explanation.value : null, note: explanation.ok ? null : explanation.error.message });
    }
    const topics = await call('audit.topics', { dataset: 'tweets', account });
    const latest = (await call('audit.latest', { dataset: 'tweets' }))!;

    const report = AccountReport.parse(await call('report.account', { dataset: 'tweets', account }));
    expect(report.runs).toEqual(perCard);
    // Each run explains the account, the what-if run (without its interactions) included.
    expect(report.runs.map((run) => [run.run.kind, run.explanation?.account.accountId, run.note])).toEqual(
      ['base', 'base', 'whatif'].map((kind) => [kind, report.topics!.account.accountId, null]),
    );
    expect(report.windowRuns).toBe(list.length - 3);
    expect(report.topics).toEqual(topics);
    expect(report.audit).toEqual({ run: latest.run, stale: latest.stale });
    expect(report.cases).toEqual(latest.cases.filter((item) => item.accounts.some((label) => namesAccount(label, account))));
    expect(report.cases.length).toBeGreaterThan(0);
  }, 120_000);

  it('an account the dataset does not have: every run says why, no topics, no cases', async () => {
    const report = await call('report.account', { dataset: 'tweets', account: '@no_such_account_here' });
    expect(report.runs.every((run) => run.explanation === null && run.note !== null)).toBe(true);
    expect(report.topics).toBeNull();
    expect(report.topicsNote).toMatch(/no account/);
    expect(report.cases).toEqual([]);
  }, 60_000);

  it('a report of many runs never holds more threads than the pool', () => {
    expect(jobs.stats().peakLive).toBeLessThanOrEqual(jobs.size);
  });
});
