import type { Removal } from '../../shared/runs';
import type { ExcludedAccount } from './input/minors';
import type { Contribution, ExplanationData, RunStats } from './model';
import type { UserModelInfo } from './user-models/info';

/** The scoring tasks' payloads and answers, as the job host sends and receives them. */
export interface ScoreJob {
  dbPath: string;
  datasetId: number;
  modelId: string;
  /** Already validated against the model's schema, defaults applied. */
  params: Record<string, unknown>;
  seed: number;
  /** For a what-if run: the interactions to leave out. */
  removal?: Removal;
  /** For a windowed run: ISO times [from, to). */
  window?: { from: string; to: string };
  /** For a user model: the approved file, its sha256 and descriptor; only this file is loaded. */
  userModel?: UserModelInfo;
}

export interface ScoreJobResult {
  accountIds: Int32Array;
  outputs: Array<[name: string, scores: Float64Array]>;
  stats: RunStats;
  contentHash: string;
  graph: { nodes: number; edges: number; interactionsRead: number; cache: 'hit' | 'built' };
  excluded: ExcludedAccount[];
  /** Interactions a what-if removal left out. */
  interactionsRemoved: number;
  /** The parameters the model ran with, defaults applied (user models validate them in the worker). */
  params: Record<string, unknown>;
  /** A user model's version, file and the file's sha256. */
  userModel?: { version: string; file: string; sha256: string };
}

export interface ExplainJob {
  dbPath: string;
  runId: number;
  /** Explained together, so the model's input is loaded once. */
  accounts: string[];
  limit: number;
}

export interface AccountExplanation extends Omit<ExplanationData, 'contributions'> {
  accountId: number;
  /** 0 when the account has no score. */
  rank: number;
  outputs: Record<string, number>;
  contributions: Array<Contribution & { accountId: number | null }>;
}

export type ExplainJobResult = AccountExplanation[];

export type { UserModelInfo };

/** A user model file of the app's models folder: its approved descriptor, or why it does not run. */
export interface UserModelEntry {
  file: string;
  info: UserModelInfo | null;
  error: string | null;
}
