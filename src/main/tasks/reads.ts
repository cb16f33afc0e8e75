import type { CascadeNodesOutput, CascadesOutput, EgoOutput } from '../../shared/analysis';
import type { ScoresOutput } from '../../shared/runs';
import { reconstructedCascadeNodes, storedCascadeNodes } from '../analysis/cascade-nodes';
import { cascadeMetrics, type CascadeSource } from '../analysis/cascades';
import { egoNetwork, UnknownAccountError } from '../analysis/ego';
import { scoreTable } from '../analysis/score-table';
import { JobError } from '../jobs/errors';
import { findRun, readRunResults } from '../store/runs';
import { withReadConnection } from './connection';

/** A read of one dataset (its row id, resolved and checked visible by the service). */
interface DatasetRead {
  dbPath: string;
  datasetId: number;
}

export interface ScoresJob {
  dbPath: string;
  runId: number;
  offset: number;
  limit?: number;
}
export interface EgoJob extends DatasetRead {
  account: string;
  depth: 1 | 2;
  limit: number;
  seed: number;
}
export interface CascadesJob extends DatasetRead {
  source?: CascadeSource;
}
/** One cascade's nodes: a stored tree by id (checked to belong to the dataset), or the posts below a root post. */
export type CascadeNodesJob = DatasetRead & ({ source: 'tree'; cascadeId: number } | { source: 'reconstructed'; rootPostId: string });

/** A page of a run's scores: ranking a million scores takes the whole run in memory, so it runs here. */
export const scores = (job: ScoresJob) =>
  withReadConnection(job.dbPath, (db): { value: ScoresOutput } => {
    const run = findRun(db, job.runId);
    if (!run) throw new JobError('not_found', `no run ${job.runId}`);
    return { value: scoreTable(db, run.id, run.manifest, readRunResults(db, run.id), job.offset, job.limit) };
  });

export const ego = (job: EgoJob) =>
  withReadConnection(job.dbPath, (db): { value: EgoOutput } => {
    try {
      return { value: egoNetwork(db, job.datasetId, job.account, { depth: job.depth, limit: job.limit, seed: job.seed }) };
    } catch (error) {
      if (error instanceof UnknownAccountError) throw new JobError('not_found', error.message);
      throw error;
    }
  });

export const cascades = (job: CascadesJob) =>
  withReadConnection(job.dbPath, (db): { value: CascadesOutput } => ({ value: cascadeMetrics(db, job.datasetId, { source: job.source }) }));

export const cascadeNodes = (job: CascadeNodesJob) =>
  withReadConnection(job.dbPath, (db): { value: CascadeNodesOutput } => ({
    value: job.source === 'tree' ? storedCascadeNodes(db, job.cascadeId) : reconstructedCascadeNodes(db, job.datasetId, job.rootPostId),
  }));
