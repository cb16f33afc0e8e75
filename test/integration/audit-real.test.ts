import { describe, expect, it } from 'vitest';
import { AuditOutput, PlacesOutput } from '../../src/shared/audit';
import { runImport } from '../../src/main/import/run-import';
import { callService } from '../../src/main/services';
import { tempDb } from '../helpers';
import { realDatasets } from '../real-datasets';

/** The audit commands on every real dataset: they run, their output keeps the contract, and no minor turns up. */
describe('audit on the real datasets', () => {
  const { db } = tempDb();

  it.each(Object.keys(realDatasets))('%s', async (dataset) => {
    await runImport(db, { paths: realDatasets[dataset]!, dataset });
    const audit = await callService('audit.cases', { dataset, model: 'indegree' }, { db });
    if (!audit.ok) throw new Error(audit.error.message);
    const { cases } = AuditOutput.parse(audit.value);
    expect(cases.filter((c) => c.kind === 'minor')).toEqual([]);
    for (const c of cases) {
      expect(c.accounts.length).toBeGreaterThan(0);
      expect(c.evidence.length).toBeGreaterThan(0);
    }
    const places = await callService('audit.places', { dataset }, { db });
    if (!places.ok) throw new Error(places.error.message);
    const summary = PlacesOutput.parse(places.value);
    expect(summary.resolved + summary.unresolved + summary.empty).toBe(summary.accounts);
  });
});
