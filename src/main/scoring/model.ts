import type { InteractionKind } from '../../shared/domain';
import { CancelledError, JobError } from '../jobs/errors';
import type { Csr } from './graph/csr';

/**
 * What a model implementation sees. Node indices 0..n-1 stand for the accounts scored in this run (excluded
 * accounts, e.g. minors, are already gone); `accountIds[node]` is the account's row id in the store.
 */
export interface ScoringGraph {
  nodeCount: number;
  accountIds: Int32Array;
  /** Distinct edges. */
  edgeCount: number;
  /** actor -> target ("gives attention to"), parallel interactions merged, weights = sum of kind weight x weight;
   * built from `incoming` on first use. */
  readonly out: Csr;
  /** The reversed graph: row v lists who gives attention to v. */
  incoming(): Csr;
  /** Total out-weight per node. */
  outWeight: Float64Array;
  /** Distinct out-neighbours per node. */
  outDegree: Int32Array;
}

/** Every interaction of the run's accounts, one entry per stored row. `kind` indexes INTERACTION_KINDS. */
export interface InteractionColumns {
  count: number;
  actor: Int32Array;
  target: Int32Array;
  kind: Uint8Array;
  weight: Float64Array;
  /** milliseconds since the epoch, NaN when unknown */
  time: Float64Array;
}

/** Every post authored by the run's accounts. `kind` indexes POST_KINDS. */
export interface PostColumns {
  count: number;
  author: Int32Array;
  /** milliseconds since the epoch, NaN when unknown */
  createdAt: Float64Array;
  kind: Uint8Array;
}

export interface ModelInput {
  graph: ScoringGraph;
  /** Follower counts as imported, NaN when unknown; empty unless the model's `needs.followers` is set. */
  followers: Float64Array;
  /** Following counts as imported, NaN when unknown; present only when the model's `needs.following` is set. */
  following?: Float64Array;
  /** Loaded only for models whose `needs.interactions` is set. */
  interactions: InteractionColumns | null;
  /** Loaded only for models whose `needs.posts` is set. */
  posts: PostColumns | null;
}

export interface ScoreContext {
  seed: number;
  /** fraction in [0, 1] of this model's work; phase is a short phrase such as "iteration 4". */
  progress(fraction: number, phase: string): void;
  /** Throws CancelledError once the job is cancelled; call it every few tens of milliseconds of work. */
  checkCancelled(): void;
  /** Node of an account given by its platform id or handle; throws ModelInputError naming it when absent. */
  nodeOf(reference: string): number;
  /** Per-node strength of a topic: own posts carrying it as a hashtag, plus endorsements received for it. */
  topicStrength(topic: string): Float64Array;
}

/** Figures recorded in the run manifest. */
export interface RunStats {
  iterations?: number;
  residual?: number;
  converged?: boolean;
  notes?: string[];
  [figure: string]: unknown;
}

export interface ModelResult {
  /** One array per descriptor output column, each nodeCount long; `score` always present. */
  outputs: Record<string, Float64Array>;
  stats: RunStats;
}

export interface Contribution {
  /** The account that contributed, when the contribution comes from one. */
  node: number | null;
  kind?: InteractionKind;
  label: string;
  value: number;
  /** Fraction of the score this contribution makes, when the score is a sum of contributions. */
  share: number | null;
}

export interface ExplanationData {
  summary: string;
  factors: Array<{ label: string; value: number | string; note?: string }>;
  /** Largest first, at most `limit` of them. */
  contributions: Contribution[];
}

export interface ModelImplementation<Params = Record<string, unknown>> {
  id: string;
  needs: { followers?: boolean; following?: boolean; interactions?: boolean; posts?: boolean };
  score(input: ModelInput, params: Params, context: ScoreContext): ModelResult | Promise<ModelResult>;
  explain(
    input: ModelInput,
    params: Params,
    outputs: Record<string, Float64Array>,
    node: number,
    context: ScoreContext,
    limit: number,
  ): ExplanationData | Promise<ExplanationData>;
}

/** Bad parameters discovered only against the data (an unknown account in a personalisation list). */
export class ModelInputError extends JobError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

export { CancelledError };

export function defineImplementation<Params>(implementation: ModelImplementation<Params>): ModelImplementation<Params> {
  return implementation;
}
