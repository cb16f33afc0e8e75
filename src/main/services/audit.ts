import { isDeepStrictEqual } from 'node:util';
import type { AuditManifest, AuditOutput, CaseKind } from '../../shared/audit';
import type { AuditJob, AuditJobResult } from '../audit/run-audit';
import { asksFor, auditSettings } from '../audit/settings';
import { shownCase } from '../audit/stored-case';
import { vocabularyDigest } from '../audit/vocabulary-digest';
import { findAuditRun, insertAuditRun, latestAuditRunId, listAuditRuns, type AuditRunRow } from '../store/audit-runs';
import { datasetContentHash } from '../store/datasets';
import { APP_VERSION } from '../version';
import { CASE_KINDS } from '../audit/case';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError } from './errors';
import { jobValue } from './jobs';
import { requireModel } from './models';

/** Cases found per kind asked for, zeros included, so a manifest says "looked and found none". */
function countsOf(kinds: readonly CaseKind[] | null, result: AuditJobResult): AuditManifest['counts'] {
  const counts: AuditManifest['counts'] = {};
  for (const kind of CASE_KINDS) if (asksFor(kinds, kind)) counts[kind] = 0;
  for (const item of result.cases) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}

/** A stored run is still shown when resources/topics.json no longer matches the build; it only says so. */
function vocabularyChange(manifest: AuditManifest): string {
  let now: string;
  try {
    now = vocabularyDigest().sha256;
  } catch (error) {
    return (error as Error).message;
  }
  return now === manifest.vocabulary.sha256 ? '' : 'the topic vocabulary has changed since';
}

/**
 * Why a stored run may differ from what an audit would find now. Thresholds and rule versions are compared as well
 * as the app version, because they change between builds of one version while the app is developed.
 */
function staleness(context: ServiceContext, run: AuditRunRow): string[] {
  const { manifest } = run;
  const now = auditSettings(manifest.kinds);
  return [
    datasetContentHash(context.db, run.datasetId) !== manifest.dataset.contentHash ? 'the dataset has changed since (files were added)' : '',
    vocabularyChange(manifest),
    !isDeepStrictEqual(now.thresholds, manifest.thresholds) ? 'the thresholds have changed since' : '',
    !isDeepStrictEqual(now.ruleVersions, manifest.ruleVersions) ? 'a rule version has changed since' : '',
    APP_VERSION !== manifest.appVersion ? `made by Influence Lens ${manifest.appVersion}; this is ${APP_VERSION}` : '',
  ].filter(Boolean);
}

function shown(context: ServiceContext, run: AuditRunRow, showMinors: boolean): AuditOutput {
  return { run: run.id, manifest: run.manifest, stale: staleness(context, run), cases: run.cases.map((c) => shownCase(c, showMinors)) };
}

function requireAuditRun(context: ServiceContext, id: number): AuditRunRow {
  const run = findAuditRun(context.db, id);
  if (!run) throw new ServiceError('not_found', `no audit run ${id}; \`lens audit --runs\` lists them`);
  return run;
}

/**
 * The audit: every case of a dataset with its evidence and what-if, computed in the scoring worker and stored with
 * its manifest when it succeeds (a failed or cancelled audit stores nothing); stored runs read back without the worker.
 */
export const auditHandlers = {
  'audit.cases': async (context: ServiceContext, input: In<'audit.cases'>): Promise<Out<'audit.cases'>> => {
    const dataset = requireDataset(context, input.dataset);
    requireModel(input.model);
    const vocabulary = vocabularyDigest();
    const kinds = input.kinds ? CASE_KINDS.filter((kind) => input.kinds!.includes(kind)) : null;
    const job: AuditJob = { dbPath: context.db.name, datasetId: dataset.id, kinds, model: input.model };
    const started = new Date();
    const result = await jobValue(context, 'audit', job);
    const manifest: AuditManifest = {
      dataset: { id: dataset.id, name: dataset.name, contentHash: result.contentHash },
      kinds,
      whatIf: result.whatIf,
      vocabulary,
      thresholds: result.thresholds,
      ruleVersions: result.ruleVersions,
      appVersion: APP_VERSION,
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      counts: countsOf(kinds, result),
    };
    const id = insertAuditRun(context.db, { manifest, cases: result.cases });
    return shown(context, { id, datasetId: dataset.id, manifest, cases: result.cases }, input.show_minors);
  },
  'audit.run': async (context: ServiceContext, input: In<'audit.run'>): Promise<Out<'audit.run'>> =>
    shown(context, requireAuditRun(context, input.run), input.show_minors),
  'audit.latest': async (context: ServiceContext, input: In<'audit.latest'>): Promise<Out<'audit.latest'>> => {
    const dataset = requireDataset(context, input.dataset);
    const id = latestAuditRunId(context.db, dataset.id);
    return id === null ? null : shown(context, requireAuditRun(context, id), input.show_minors);
  },
  'audit.runs': async (context: ServiceContext, input: In<'audit.runs'>): Promise<Out<'audit.runs'>> =>
    listAuditRuns(context.db, input.dataset === undefined ? undefined : requireDataset(context, input.dataset).id),
};
