import type { AuditCase, CaseKind } from '../../shared/audit';
import { findModel } from '../../shared/models';
import { graphOptionsOf } from '../../shared/models/descriptor';
import type { JobControls } from '../jobs/worker-runtime';
import { loadModelInput } from '../scoring/input/load-input';
import { restriction, type ResolvedRemoval } from '../scoring/input/removal';
import { findImplementation } from '../scoring/models';
import type { ScoreContext } from '../scoring/model';
import { rankScores } from '../scoring/rank';
import type { Db } from '../store/db';
import type { DetectedCase } from './case';
import { auditLabeller } from './labels';
import { loadAuditData, type AuditData } from './data';
import { gamingDetectors } from './detectors';
import { assignTopics } from './topics/assign';
import { misattributionFlags } from './topics/flags';
import { defaultVocabulary } from './topics/vocabulary';

export interface AuditJob {
  dbPath: string;
  datasetId: number;
  kinds: CaseKind[] | null;
  model: string;
  showMinors: boolean;
}

/** Every case of the dataset with its evidence, and the subject's score with and without the case's interactions. */
export async function runAudit(db: Db, job: AuditJob, controls: JobControls): Promise<AuditCase[]> {
  controls.progress(0, 'reading the dataset');
  const data = loadAuditData(db, job.datasetId);
  const wanted = (kind: CaseKind) => job.kinds === null || job.kinds.includes(kind);
  const found: DetectedCase[] = [];
  for (const detector of gamingDetectors) {
    if (!wanted(detector.kind)) continue;
    controls.checkCancelled();
    controls.progress(0.1, `detecting ${detector.kind}`);
    found.push(...detector.detect(data));
  }
  if ((['single_post', 'negated', 'sense_conflict', 'endorsement_only', 'low_share'] as const).some(wanted)) {
    controls.progress(0.3, 'assigning topics');
    const flags = misattributionFlags(data, assignTopics(data, defaultVocabulary()));
    found.push(...flags.filter((flag) => wanted(flag.kind)));
  }
  const whatIf = whatIfScorer(db, job, data, controls);
  const cases: AuditCase[] = [];
  for (const [at, detected] of found.entries()) {
    controls.checkCancelled();
    controls.progress(0.4 + (0.6 * at) / Math.max(1, found.length), 'rescoring without each case');
    cases.push({ ...labelled(data, detected, job.showMinors), whatif: await whatIf(detected) });
  }
  return cases;
}

function labelled(data: AuditData, detected: DetectedCase, showMinors: boolean): Omit<AuditCase, 'whatif'> {
  const label = auditLabeller(data, showMinors);
  return {
    kind: detected.kind,
    accounts: detected.accounts.map(label.account),
    topic: detected.topic,
    strength: detected.strength,
    evidence: detected.evidence.map(label.evidence),
  };
}

/** Scores the model once on everything, then once per case without that case's interactions. */
function whatIfScorer(db: Db, job: AuditJob, data: AuditData, controls: JobControls) {
  const descriptor = findModel(job.model);
  if (!descriptor) throw Object.assign(new Error(`no model "${job.model}"`), { code: 'not_found' });
  const params = descriptor.params.parse({}) as Record<string, unknown>;
  const implementation = findImplementation(job.model);
  const context: ScoreContext = {
    seed: 1,
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
  return async (detected: DetectedCase): Promise<AuditCase['whatif']> => {
    if (detected.interactions.length === 0) return null;
    base ??= await scoreWithout(null);
    const interactionIds = detected.interactions.map((i) => data.interactions.rowIds[i]!);
    const without = await scoreWithout(restriction({ interactionIds }));
    const subject = data.accounts.rowIds[detected.accounts[0]!]!;
    const standing = (run: NonNullable<typeof base>) => {
      const node = run.nodeOf(subject);
      return node < 0 ? { score: null, rank: null } : { score: run.scores[node]!, rank: run.rank[node]! || null };
    };
    const before = standing(base);
    const after = standing(without);
    return {
      model: job.model,
      interactions_removed: interactionIds.length,
      before: before.score,
      after: after.score,
      rank_before: before.rank,
      rank_after: after.rank,
    };
  };
}
