import { describe, expect, it } from 'vitest';
import { AuditOutput, PlacesOutput } from '../../src/shared/audit';
import { runImport } from '../../src/main/import/run-import';
import { callService } from '../../src/main/services';
import { readRealLabels } from '../../bench/audit-real';
import { tempDb } from '../helpers';
import { realDatasets } from '../real-datasets';

/**
 * The audit commands on every real dataset: they run, their output keeps the contract, and the minors found are the
 * bios the labeller read as a minor's (test/fixtures/audit-labels), every one of them, and nobody the labeller read
 * as an adult (a bio the labeller marked uncertain may go either way).
 */
describe('audit on the real datasets', () => {
  const { db } = tempDb();
  const bios = readRealLabels().bios;
  const labelledMinors = new Set(bios.filter((b) => b.minor && !b.uncertain).map((b) => b.account));
  const mayBeMinors = new Set(bios.filter((b) => b.minor || b.uncertain).map((b) => b.account));

  it.each(Object.keys(realDatasets))('%s', async (dataset) => {
    await runImport(db, { paths: realDatasets[dataset]!, dataset });
    const audit = await callService('audit.cases', { dataset, model: 'indegree', show_minors: true }, { db });
    if (!audit.ok) throw new Error(audit.error.message);
    const { cases } = AuditOutput.parse(audit.value);
    const minors = cases.filter((c) => c.kind === 'minor').map((c) => c.accounts[0]!.accountId);
    for (const account of minors) expect(mayBeMinors, `minor case on ${account}`).toContain(account);
    const accounts = db.prepare('SELECT platform_id FROM accounts WHERE dataset_id = (SELECT id FROM datasets WHERE name = ?)').pluck().all(dataset) as string[];
    for (const account of accounts.filter((a) => labelledMinors.has(a))) expect(minors).toContain(account);
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
