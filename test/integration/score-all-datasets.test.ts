import { describe, expect, it } from 'vitest';
import { modelDescriptors } from '../../src/shared/models';
import { runImport } from '../../src/main/import/run-import';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import { tempDb } from '../helpers';
import { realDatasets } from '../real-datasets';

/** Every model on every real dataset, through the service layer and the real scoring worker. */
describe('every model on every real dataset', () => {
  const { db } = tempDb();
  const jobs = new JobHost();
  const context = { db, jobs };

  it('imports the datasets', async () => {
    for (const [dataset, paths] of Object.entries(realDatasets)) await runImport(db, { paths, dataset });
  });

  describe.each(Object.keys(realDatasets))('%s', (dataset) => {
    it.each(modelDescriptors.map((m) => m.id))('%s scores every account and explains the top one', async (model) => {
      const accounts = db
        .prepare('SELECT count(*) FROM accounts JOIN datasets ON datasets.id = dataset_id WHERE name = ?')
        .pluck()
        .get(dataset) as number;
      const scored = await callService('runs.score', { dataset, model, params: {} }, context);
      if (!scored.ok) throw new Error(scored.error.message);
      expect(scored.value.accounts_scored + scored.value.excluded).toBe(accounts);
      const run = scored.value.run.id;
      const scores = await callService('runs.scores', { run }, context);
      if (!scores.ok) throw new Error(scores.error.message);
      expect(scores.value.rows).toHaveLength(scored.value.accounts_scored);
      for (const row of scores.value.rows) {
        for (const value of row.values) expect(value === null || Number.isFinite(value), `${row.accountId}`).toBe(true);
      }
      const top = scores.value.rows[0]!;
      const explained = await callService('runs.explain', { run, account: top.accountId }, context);
      if (!explained.ok) throw new Error(explained.error.message);
      expect(explained.value.account.accountId).toBe(top.accountId);
      expect(explained.value.rank).toBe(top.rank);
      expect(explained.value.score).toBe(top.values[0]);
      expect(explained.value.summary.length).toBeGreaterThan(10);
    });
  });

  it('every model reruns byte-identically on the tweets dataset', async () => {
    for (const { id: model } of modelDescriptors) {
      const first = await callService('runs.score', { dataset: 'twitter-v2', model, params: {}, seed: 5 }, context);
      if (!first.ok) throw new Error(first.error.message);
      const again = await callService('runs.rerun', { run: first.value.run.id }, context);
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value.identical, model).toBe(true);
    }
  });
});
