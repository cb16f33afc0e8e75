import { z } from 'zod';
import { INTERACTION_KINDS, InteractionKind } from '../domain';
import type { Fidelity, ModelConstant } from './fidelity';

/** One column of a run's results; every model's first column is `score`. */
export interface OutputColumn {
  name: string;
  description: string;
}

/**
 * What the product knows about a scoring model without running it: shown by `lens models`, validated against
 * before a run starts, and recorded (id and version) in every run manifest. The implementation lives in the
 * scoring worker under the same id.
 */
export interface ModelDescriptor<Params extends z.ZodObject = z.ZodObject> {
  id: string;
  /** Bumped whenever the same parameters could give different scores. */
  version: string;
  label: string;
  /** One paragraph: what the score means and how it is computed. */
  description: string;
  citation: string;
  /** Whether the formula is the source's own, rebuilt from a vendor's description, or ours. */
  fidelity: Fidelity;
  /** Every numeric default of `params` and every fixed number of the formula, each with its source. */
  constants: readonly ModelConstant[];
  params: Params;
  outputs: readonly OutputColumn[];
  /** Whether the seed changes the result (Monte Carlo models). */
  stochastic: boolean;
}

const defaultKindWeights = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, 1])) as Record<
  InteractionKind,
  number
>;

/** Weight of one interaction of each kind in the graph (0 leaves the kind out). */
export const KindWeights = z
  .strictObject(
    Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, z.number().min(0).max(1e6).default(1)])) as Record<
      InteractionKind,
      z.ZodDefault<z.ZodNumber>
    >,
  )
  .prefault(defaultKindWeights)
  .describe('weight of one interaction of each kind in the graph (0 leaves the kind out)');
export type KindWeights = z.infer<typeof KindWeights>;

/**
 * Interactions run actor -> target, "the actor gives attention to the target". Plain `edge` interactions from
 * graph files have no such meaning; `influence` says the file's edges point from the influencer to the influenced
 * (as in the Congress network), so they are reversed.
 */
export const EdgeDirection = z
  .enum(['attention', 'influence'])
  .default('attention')
  .describe('"influence": edges of graph files point from influencer to influenced, so they are reversed');

export const IncludeMinors = z
  .boolean()
  .default(false)
  .describe('score accounts whose bio states an age under 18 (excluded by default)');

export const PerTargetPost = z
  .boolean()
  .default(false)
  .describe("divide each edge's weight by the target's post count (Fink et al. 2023: reactions per tweet)");

/** A model's choice of interaction kinds: at least one, each at most once. */
export function kindList(defaults: readonly InteractionKind[], description: string) {
  return z
    .array(InteractionKind)
    .min(1)
    .max(INTERACTION_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, { error: 'each kind may be listed once' })
    .default(() => [...defaults])
    .describe(description);
}

/** Parameters every model takes. */
export const commonParams = { include_minors: IncludeMinors, edge_direction: EdgeDirection };

/** Parameters of every model computed on the weighted interaction graph. */
export const graphParams = {
  ...commonParams,
  weights: KindWeights,
  per_target_post: PerTargetPost,
};

/** The graph a run is computed on: part of the graph cache key. */
export interface GraphOptions {
  weights: KindWeights;
  edgeDirection: z.infer<typeof EdgeDirection>;
  perTargetPost: boolean;
}

export const defaultGraphOptions: GraphOptions = {
  weights: defaultKindWeights,
  edgeDirection: 'attention',
  perTargetPost: false,
};

export function graphOptionsOf(params: Record<string, unknown>): GraphOptions {
  const weights = (params.weights as KindWeights | undefined) ?? defaultKindWeights;
  const edgeDirection = (params.edge_direction as GraphOptions['edgeDirection'] | undefined) ?? 'attention';
  return { weights, edgeDirection, perTargetPost: params.per_target_post === true };
}

export function defineModel<Params extends z.ZodObject>(descriptor: ModelDescriptor<Params>): ModelDescriptor<Params> {
  return descriptor;
}
