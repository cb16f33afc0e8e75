import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import { outputNames } from '../../src/main/services/runs';
import { readRunResults } from '../../src/main/store/runs';
import type { ApiName } from '../../src/shared/api';
import { findModel } from '../../src/shared/models';
import { datasetsDir, tempDb } from '../helpers';

// runs.show lists a run's output names from a names-only query: it no longer reads every score column (8 MB each
// at a million accounts) to name them. On the real brexit tweets, with models of several outputs.
describe('runs.show names a run’s outputs without reading their scores', () => {
  const { db } = tempDb();
  const context: ServiceContext = { db, jobs: new JobHost() };
  const call = async <N extends ApiName>(name: N, input: unknown) => {
    const result = await callService(name, input, context);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('names the outputs in the model’s column order, as stored, not in name order', async () => {
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: 'brexit' });
    for (const model of ['kred', 'hits', 'indegree']) {
      const { run } = await call('runs.score', { dataset: 'brexit', model });
      const shown = await call('runs.show', { run: run.id });
      const declared = findModel(model)!.outputs.map((output) => output.name);
      expect(shown.outputs).toEqual(declared);
      expect(shown.outputs).toEqual(readRunResults(db, run.id).outputs.map(([name]) => name));
    }
    // kred's columns are not in name order: the query keeps the stored position, not the primary key's order.
    const kred = findModel('kred')!.outputs.map((output) => output.name);
    expect([...kred].sort()).not.toEqual(kred);
  });

  it('never decodes a score column: a run whose score blobs are unreadable is still shown', async () => {
    const { run } = await call('runs.score', { dataset: 'brexit', model: 'peerindex' });
    // Three bytes are no whole number of float64s: any read of these scores throws.
    db.prepare("UPDATE run_outputs SET scores = x'000102' WHERE run_id = ?").run(run.id);
    expect(() => readRunResults(db, run.id)).toThrow(/not a whole number of elements/);
    const shown = await call('runs.show', { run: run.id });
    expect(shown.outputs).toEqual(findModel('peerindex')!.outputs.map((output) => output.name));
    expect(outputNames(db, 999_999)).toEqual([]);
  });

  it('answers not_found for a run that does not exist', async () => {
    const missing = await callService('runs.show', { run: 999_999 }, context);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
