import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import type { ApiName } from '../../src/shared/api';
import { datasetsDir, tempDb } from '../helpers';

// overview.dataset's pairs are measured by the job task modelAgreement, which reads each run's ids and its `score`
// column only: a run's other columns (kred's three more) are never read. On the real brexit tweets.
describe('the Start screen’s model pairs read only each run’s score column', () => {
  const { db } = tempDb();
  const jobs = new JobHost({ size: 1 });
  const context: ServiceContext = { db, jobs };
  const call = async <N extends ApiName>(name: N, input: unknown) => {
    const result = await callService(name, input, context);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('gives the same pairs when every column but score is unreadable', async () => {
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: 'brexit' });
    for (const model of ['kred', 'indegree', 'followers']) await call('runs.score', { dataset: 'brexit', model });
    const before = await call('overview.dataset', { dataset: 'brexit' });
    expect(before.disagreements).toHaveLength(3);
    for (const pair of before.disagreements) expect(pair.spearman).not.toBeNull();
    // Three bytes are no whole number of float64s: a read of these columns would throw.
    const spoiled = db.prepare("UPDATE run_outputs SET scores = x'000102' WHERE position > 0").run().changes;
    expect(spoiled).toBeGreaterThan(0);
    const after = await call('overview.dataset', { dataset: 'brexit' });
    expect(after).toEqual(before);
  });

  it('asks the pool for nothing when a dataset has fewer than two models run', async () => {
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'kpop.jsonl')], dataset: 'kpop' });
    await call('runs.score', { dataset: 'kpop', model: 'indegree' });
    // A job asked for under an aborted signal answers "cancelled" at once, so an answer means none was asked for.
    const aborted = AbortSignal.abort();
    const overview = await callService('overview.dataset', { dataset: 'kpop' }, { ...context, signal: aborted });
    expect(overview).toMatchObject({ ok: true, value: { disagreements: [] } });
    expect(overview.ok && overview.value.latestRuns).toHaveLength(1);
    const measured = await callService('overview.dataset', { dataset: 'brexit' }, { ...context, signal: aborted });
    expect(measured).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
