import type { ExcludedAccount } from './input/minors';
import type { Contribution, ExplanationData, RunStats } from './model';

/** The scoring worker's two tasks, as the host sends and receives them. */
export interface ScoreJob {
  dbPath: string;
  datasetId: number;
  modelId: string;
  /** Already validated against the model's schema, defaults applied. */
  params: Record<string, unknown>;
  seed: number;
}

export interface ScoreJobResult {
  accountIds: Int32Array;
  outputs: Array<[name: string, scores: Float64Array]>;
  stats: RunStats;
  contentHash: string;
  graph: { nodes: number; edges: number; interactionsRead: number; cache: 'hit' | 'built' };
  excluded: ExcludedAccount[];
}

export interface ExplainJob {
  dbPath: string;
  runId: number;
  account: string;
  limit: number;
}

export interface ExplainJobResult extends Omit<ExplanationData, 'contributions'> {
  accountId: number;
  /** 0 when the account has no score. */
  rank: number;
  outputs: Record<string, number>;
  contributions: Array<Contribution & { accountId: number | null }>;
}
