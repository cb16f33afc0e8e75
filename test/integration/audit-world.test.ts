import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditCase } from '../../src/shared/audit';
import { scoreAudit, WorldLabels } from '../../src/main/audit/generate/evaluate';
import { generateWorld } from '../../src/main/audit/generate/generate';
import { writeWorld } from '../../src/main/audit/generate/write';
import { runImport } from '../../src/main/import/run-import';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import { tempDb, tempDir } from '../helpers';

/**
 * The whole audit (every gaming detector and misattribution flag, with the what-if rescoring in the real scoring
 * worker) on generated worlds, scored against the planted cases: every kind must find its planted cases (recall)
 * and little else (precision), ordinary accounts and controls included; at most one control in ten is flagged.
 */
describe.each([1, 2])('the audit on a generated world of 1,000 accounts, seed %i', (seed) => {
  const { db } = tempDb();
  const jobs = new JobHost();
  let labels: WorldLabels;
  let cases: AuditCase[];

  afterAll(() => db.close());

  it('finds every planted case and few others, for every kind', async () => {
    const out = path.join(tempDir('lens-audit-world-'), 'world.jsonl');
    const [world, interactions, labelFile] = writeWorld(generateWorld({ seed, accounts: 1_000 }), out);
    await runImport(db, { paths: [world!, interactions!], dataset: 'world' });
    labels = WorldLabels.parse(JSON.parse(fs.readFileSync(labelFile!, 'utf8')));
    const result = await callService('audit.cases', { dataset: 'world', model: 'indegree' }, { db, jobs });
    if (!result.ok) throw new Error(result.error.message);
    cases = result.value.cases;
    for (const score of scoreAudit(labels, cases)) {
      expect(score.planted, score.kind).toBeGreaterThan(0);
      expect(score.controls, score.kind).toBeGreaterThan(0);
      // Controls are the near misses (a look-alike rejection, an account's own sense, an adult bio with numbers): at
      // most one in ten flagged, the same bar as precision.
      expect({ kind: score.kind, precision: score.precision! >= 0.9, recall: score.recall! >= 0.9, controls: score.controlsFlagged <= 0.1 * score.controls, score })
        .toMatchObject({ kind: score.kind, precision: true, recall: true, controls: true });
    }
  }, 60_000);

  it('gives every case evidence, and a what-if that moves the subject wherever interactions are undone', () => {
    for (const found of cases) {
      expect(found.evidence.length, found.kind).toBeGreaterThan(0);
      if (found.whatif === null) continue;
      expect(found.whatif.interactions_removed, found.kind).toBeGreaterThan(0);
      // Indegree counts what the subject receives: undoing reactions, follows or endorsements aimed at it lowers it.
      if (AFFECTS_INDEGREE.has(found.kind)) expect({ kind: found.kind, moved: found.whatif.after !== found.whatif.before }).toEqual({ kind: found.kind, moved: true });
    }
  });
});

/** Kinds whose undone interactions are attention the subject receives (the others remove what it gives, or nothing). */
const AFFECTS_INDEGREE = new Set<AuditCase['kind']>([
  'reciprocity_ring', 'concentrated_engagement', 'endorsement_burst', 'score_jump', 'single_post', 'endorsement_only',
]);
