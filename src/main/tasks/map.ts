import type { AuditJob, AuditJobResult } from '../audit/run-audit';
import type { JobPriority } from '../jobs/host';
import type { ExplainJob, ExplainJobResult, ScoreJob, ScoreJobResult, UserModelInfo } from '../scoring/jobs';

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
}
export type TaskName = keyof TaskMap;
export type TaskIn<K extends TaskName> = TaskMap[K]['in'];
export type TaskOut<K extends TaskName> = TaskMap[K]['out'];

/**
 * Where a task waits in the pool's queue when its caller says nothing: an explanation or a model check answers a
 * page the user is looking at; a score or an audit reads a whole dataset and may take minutes.
 */
export const TASK_PRIORITY: Record<TaskName, JobPriority> = {
  score: 'long',
  explain: 'interactive',
  audit: 'long',
  checkModel: 'interactive',
};
