import fs from 'node:fs';
import path from 'node:path';
import type { AuditCase } from '../src/shared/audit';
import { RealLabels, scoreMinorRule, scorePostRejections, scoreTopicFlag, type FlagScore } from '../src/main/audit/real-labels';
import { defaultVocabulary } from '../src/main/audit/topics/vocabulary';
import { runImport } from '../src/main/import/run-import';
import { callService } from '../src/main/services';
import { openDatabase } from '../src/main/store/db';

/** The labels read from real tweets and bios (criteria: docs/AUDIT.md, "Labelling criteria"). */
export const REAL_LABELS_FILE = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'audit-labels', 'real-labels.json');

export const readRealLabels = (): RealLabels => RealLabels.parse(JSON.parse(fs.readFileSync(REAL_LABELS_FILE, 'utf8')));

/**
 * Imports each labelled file as a dataset of its own (labels are per file), audits it through the service as a user
 * would (minors shown, so their cases carry ids), and scores the three language flags against the labels, with the
 * post-level reading behind `negated`.
 */
export async function scoreRealLabels(datasetsDir: string, dbFile: string): Promise<{ scores: FlagScore[]; auditSeconds: number }> {
  const labels = readRealLabels();
  const files = [...new Set([...labels.posts, ...labels.accounts].map((item) => item.file))].sort();
  const db = openDatabase(dbFile);
  const casesByFile = new Map<string, AuditCase[]>();
  let auditSeconds = 0;
  try {
    for (const [at, file] of files.entries()) {
      const dataset = `labelled-${at}`;
      await runImport(db, { paths: [path.join(datasetsDir, file)], dataset });
      const started = performance.now();
      const audit = await callService('audit.cases', { dataset, kinds: ['negated', 'sense_conflict'], model: 'indegree', show_minors: true }, { db });
      auditSeconds += (performance.now() - started) / 1000;
      if (!audit.ok) throw new Error(`audit of ${file}: ${audit.error.message}`);
      casesByFile.set(file, audit.value.cases);
    }
  } finally {
    db.close();
  }
  return {
    scores: [
      scoreTopicFlag('negated', labels, casesByFile), scorePostRejections(labels, defaultVocabulary()),
      scoreTopicFlag('sense_conflict', labels, casesByFile), scoreMinorRule(labels),
    ],
    auditSeconds,
  };
}
