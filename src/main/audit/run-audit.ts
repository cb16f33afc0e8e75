import type { AuditManifest, CaseKind, StoredAuditCase } from '../../shared/audit';
import { findModel } from '../../shared/models';
import { graphOptionsOf } from '../../shared/models/descriptor';
import type { JobControls } from '../jobs/worker-runtime';
import { loadModelInput } from '../scoring/input/load-input';
import { restriction, type ResolvedRemoval } from '../scoring/input/removal';
import { findImplementation } from '../scoring/models';
import type { ScoreContext } from '../scoring/model';
import { rankScores } from '../scoring/rank';
import { datasetContentHash } from '../store/datasets';
import type { Db } from '../store/db';
import type { DetectedCase } from './case';
import { loadAuditData, type AuditData } from './data';
import { gamingDetectors } from './detectors';
import { asksFor, auditSettings, TOPIC_KINDS } from './settings';
import { caseStorer } from './stored-case';
import { assignTopics } from './topics/assign';
import { misattributionFlags } from './topics/flags';
import { defaultVocabulary } from './topics/vocabulary';

export interface AuditJob {
  dbPath: string;
  datasetId: number;
  kinds: CaseKind[] | null;
  model: string;
}

/** What the worker hands back: the cases to store and the settings they were found with, for the manifest. */
export interface AuditJobResult {
  cases: StoredAuditCase[];
  /** The dataset's content hash as the audit read it. */
  contentHash: string;
  whatIf: AuditManifest['whatIf'];
  thresholds: AuditManifest['thresholds'];
  ruleVersions: AuditManifest['ruleVersions'];
}

/**
 * Every case of the dataset with its evidence, and the subject's score with and without the case's interactions.
 * Progress moves through the phases: reading (0-5%), gaming detectors (5-30%), topics (30-40%), what-ifs (40-100%).
 */
export async function runAudit(db: Db, job: AuditJob, controls: JobControls): Promise<AuditJobResult> {
  controls.progress(0, 'reading the dataset');
  const contentHash = datasetContentHash(db, job.datasetId);
  const data = loadAuditData(db, job.datasetId);
  const wanted = (kind: CaseKind) => asksFor(job.kinds, kind);
  const detectors = gamingDetectors.filter((detector) => wanted(detector.kind));
  const found: DetectedCase[] = [];
  for (const [at, detector] of detectors.entries()) {
    controls.checkCancelled();
    controls.progress(0.05 + (0.25 * at) / detectors.length, `detecting ${detector.kind}`);
    found.push(...detector.detect(data));
  }
  if (TOPIC_KINDS.some(wanted)) {
    controls.checkCancelled();
    controls.progress(0.3, 'assigning topics');
    const flags = misattributionFlags(data, assignTopics(data, defaultVocabulary()));
    found.push(...flags.filter((flag) => wanted(flag.kind)));
  }
  const whatIf = whatIfScorer(db, job, data, controls);
  const stored = caseStorer(data);
  const cases: StoredAuditCase[] = [];
  for (const [at, detected] of found.entries()) {
    controls.checkCancelled();
    controls.progress(0.4 + (0.6 * at) / Math.max(1, found.length), 'rescoring without each case');
    cases.push({ ...stored(detected), whatif: await whatIf.without(detected) });
  }
  return {
    cases,
    contentHash,
    whatIf: { model: job.model, version: whatIf.version, params: whatIf.params, seed: WHATIF_SEED },
    ...auditSettings(job.kinds),
  };
}

/** The seed of the what-if scores, for the models that draw random numbers (spread); in the manifest. */
const WHATIF_SEED = 1;

/** Scores the model once on everything, then once per case without that case's interactions. */
function whatIfScorer(db: Db, job: AuditJob, data: AuditData, controls: JobControls) {
  const descriptor = findModel(job.model);
  if (!descriptor) throw Object.assign(new Error(`no model "${job.model}"`), { code: 'not_found' });
  const params = descriptor.params.parse({}) as Record<string, unknown>;
  const implementation = findImplementation(job.model);
  const context: ScoreContext = {
    seed: WHATIF_SEED,
    progress: () => undefined,
    checkCancelled: controls.checkCancelled,
    nodeOf: () => -1,
    topicStrength: () => new Float64Array(0),
  };
  const scoreWithout = async (removal: ResolvedRemoval | null) => {
    const loaded = loadModelInput(db, job.datasetId, {
      needs: implementation.needs,
      graph: graphOptionsOf(params),
      includeMinors: false,
      removal,
      progress: () => undefined,
    });
    const scores = (await implementation.score(loaded.input, params, context)).outputs.score!;
    return { scores, rank: rankScores(scores).rank, nodeOf: loaded.nodeOfAccount };
  };
  let base: Awaited<ReturnType<typeof scoreWithout>> | null = null;
  const without = async (detected: DetectedCase): Promise<StoredAuditCase['whatif']> => {
    if (detected.interactions.length === 0) return null;
    base ??= await scoreWithout(null);
    const interactionIds = detected.interactions.map((i) => data.interactions.rowIds[i]!);
    const rescored = await scoreWithout(restriction({ interactionIds }));
    const subject = data.accounts.rowIds[detected.accounts[0]!]!;
    const standing = (run: NonNullable<typeof base>) => {
      const node = run.nodeOf(subject);
      return node < 0 ? { score: null, rank: null } : { score: run.scores[node]!, rank: run.rank[node]! || null };
    };
    const before = standing(base);
    const after = standing(rescored);
    return {
      model: job.model,
      interactions_removed: interactionIds.length,
      before: before.score,
      after: after.score,
      rank_before: before.rank,
      rank_after: after.rank,
    };
  };
  return { version: descriptor.version, params, without };
}
