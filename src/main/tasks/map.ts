import type { CascadeNodesOutput, CascadesOutput, DistributionOutput, EgoOutput } from '../../shared/analysis';
import type { TopicsOutput, TopOutput } from '../../shared/audit';
import type { ScoresOutput } from '../../shared/runs';
import type { PlaceSummary } from '../audit/places';
import type { AuditJob, AuditJobResult } from '../audit/run-audit';
import type { JobPriority } from '../jobs/host';
import type { ExplainJob, ExplainJobResult, ScoreJob, ScoreJobResult, UserModelInfo } from '../scoring/jobs';
import type { PlacesJob, TopicsJob, TopJob } from './audit-topics';
import type { CompareJob, CompareJobResult } from './compare';
import type { ModelAgreementJob, RunPairSpearman } from './model-agreement';
import type { CascadeNodesJob, CascadesJob, EgoJob, ScoresJob } from './reads';
import type { DisagreementsJob, DistributionJob, RankDisagreement } from './run-reads';

/**
 * The task contract, like the API map: every task a job thread runs, with what it is sent and what it answers. The
 * worker's handlers are typed over it and `runJob` is checked against it, so a task without a handler, or a caller
 * sending the wrong payload, does not compile.
 */
export interface TaskMap {
  score: { in: ScoreJob; out: ScoreJobResult };
  explain: { in: ExplainJob; out: ExplainJobResult };
  audit: { in: AuditJob; out: AuditJobResult };
  /** Loads one model file whose bytes hash to sha256, in the model sandbox, and describes it. */
  checkModel: { in: { file: string; sha256: string; timeLimitMs: number }; out: UserModelInfo };
  /** Rank agreement of every pair of runs, with bootstrap intervals (analysis.compare, noise ceilings). */
  compare: { in: CompareJob; out: CompareJobResult };
  /** A page of a run's scores (runs.scores). */
  scores: { in: ScoresJob; out: ScoresOutput };
  distribution: { in: DistributionJob; out: DistributionOutput };
  /** The accounts two runs rank most differently (analysis.disagreements, which then explains them). */
  disagreements: { in: DisagreementsJob; out: RankDisagreement[] };
  ego: { in: EgoJob; out: EgoOutput };
  cascades: { in: CascadesJob; out: CascadesOutput };
  cascadeNodes: { in: CascadeNodesJob; out: CascadeNodesOutput };
  auditTopics: { in: TopicsJob; out: TopicsOutput };
  auditTop: { in: TopJob; out: TopOutput };
  auditPlaces: { in: PlacesJob; out: PlaceSummary };
  /** Spearman of every pair of the latest runs of a dataset's models (overview.dataset, the Start screen). */
  modelAgreement: { in: ModelAgreementJob; out: RunPairSpearman[] };
}
export type TaskName = keyof TaskMap;
export type TaskIn<K extends TaskName> = TaskMap[K]['in'];
export type TaskOut<K extends TaskName> = TaskMap[K]['out'];

/**
 * Where a task waits in the pool's queue when its caller says nothing. Interactive: what answers a page the user is
 * looking at (an explanation, a model check, a comparison, a page of scores, a distribution, disagreements, an ego
 * network, a cascade, the Start screen's model pairs). Long: what reads and models a whole dataset (a score, an
 * audit, and the topic reads, which assign every topic of the dataset).
 */
export const TASK_PRIORITY: Record<TaskName, JobPriority> = {
  score: 'long',
  explain: 'interactive',
  audit: 'long',
  checkModel: 'interactive',
  compare: 'interactive',
  scores: 'interactive',
  distribution: 'interactive',
  disagreements: 'interactive',
  ego: 'interactive',
  cascades: 'interactive',
  cascadeNodes: 'interactive',
  auditTopics: 'long',
  auditTop: 'long',
  auditPlaces: 'long',
  modelAgreement: 'interactive',
};
