import { z } from 'zod';
import { InteractionKind } from './domain';
import { AccountLabel, Explanation, Removal, RunId, RunRef, ScoreOutput } from './runs';

/** Rank agreement of runs on one dataset (SPEC "Comparing and auditing"; Cha et al. 2010's segments). */
export const CompareInput = z.object({
  runs: z.array(z.number().int().min(1)).min(2).max(20),
  k: z.array(z.number().int().min(1)).min(1).max(10).default([10, 100]),
  p: z.number().gt(0).lt(1).default(0.9),
  /**
   * Bootstrap resamples for the 95% intervals; 0 disables them. Left out: 200, cut to fit BOOTSTRAP_DRAW_BUDGET
   * account draws on large comparisons (the output says so); given: exactly that many.
   */
  bootstrap: z.number().int().min(0).max(10_000).optional(),
  bootstrap_seed: z.number().int().min(0).default(1),
  /**
   * The seed-vs-seed agreement of each Monte Carlo run: `score` finds the run scored with the next seed, or scores
   * and stores it (a normal run, so the next compare finds it); `stored` only uses one already stored; `off` skips.
   */
  noise_ceiling: z.enum(['score', 'stored', 'off']).default('score'),
});

const SegmentAgreement = z.object({
  n: z.number().int(),
  /** ceil(accounts run a scored / 10 or / 100); the segment also takes every account tied with its last one. */
  nominal: z.number().int(),
  tied_past_cut: z.number().int(),
  spearman: z.number().nullable(),
  kendall_tau_b: z.number().nullable(),
});

/** The 2.5th and 97.5th percentiles of a figure over the bootstrap resamples that define it. */
const Interval = z.object({ low: z.number(), high: z.number() }).nullable();
const SegmentIntervals = z.object({ spearman: Interval, kendall_tau_b: Interval });
export const PairIntervals = z.object({
  spearman: Interval,
  kendall_tau_b: Interval,
  jaccard: z.record(z.string(), Interval),
  rbo: Interval,
  segments: z.object({ top10: SegmentIntervals, top1: SegmentIntervals }),
});
export type PairIntervals = z.infer<typeof PairIntervals>;

/** Tied scores among the accounts a run scored. */
export const TieSummary = z.object({
  scored: z.number().int(),
  distinct_scores: z.number().int(),
  /** Accounts whose score equals at least one other account's. */
  tied_accounts: z.number().int(),
  tied_share: z.number().nullable(),
  largest_group: z.number().int(),
  largest_group_score: z.number().nullable(),
});
export type TieSummary = z.infer<typeof TieSummary>;

export const PairAgreement = z.object({
  a: z.number().int(),
  b: z.number().int(),
  /** Accounts scored by both runs: every statistic is over these. */
  n: z.number().int(),
  spearman: z.number().nullable(),
  kendall_tau_b: z.number().nullable(),
  /** Tie-aware: over each run's tie-extended top k (a tie group that starts inside the top k is in it whole). */
  jaccard: z.record(z.string(), z.number()),
  /** The least and greatest plain Jaccard over every way of cutting the ties at k (equal when no tie is cut). */
  jaccard_range: z.record(z.string(), z.object({ min: z.number(), max: z.number() })),
  /** RBO_ext with ties (Webber et al. 2010, section 5). */
  rbo: z.number(),
  segments: z.object({ top10: SegmentAgreement, top1: SegmentAgreement }),
  /** Accounts scored by one run only (minors included in one run, or a what-if run of fewer accounts). */
  only_a: z.number().int(),
  only_b: z.number().int(),
  ties: z.object({ a: TieSummary, b: TieSummary }),
  /** Null when the bootstrap is off. */
  intervals: PairIntervals.nullable(),
  /** Rankings that are all ties, top-k cuts through a tie: what a reader must know to read the figures. */
  warnings: z.array(z.string()),
});
export type PairAgreement = z.infer<typeof PairAgreement>;

export const BootstrapInfo = z.object({
  resamples: z.number().int(),
  /** What was asked for (200 when left out); more than `resamples` when the draw budget cut them. */
  requested: z.number().int(),
  seed: z.number().int(),
  level: z.number(),
  method: z.string(),
  note: z.string().nullable(),
});

/**
 * A Monte Carlo run against the same model, parameters and data under another seed: the agreement no pair with
 * this run can be read beyond, since its own ranking moves that much from noise alone.
 */
export const NoiseCeiling = z.object({
  run: z.number().int(),
  model: z.string(),
  seed: z.number().int(),
  reseeded_seed: z.number().int(),
  /** The other seed's run; null when it is not stored and was not scored (`noise_ceiling: stored`, or a stale run). */
  reseeded_run: z.number().int().nullable(),
  /** `found`: a stored run reused; `scored`: scored now and stored as a normal run with its manifest. */
  source: z.enum(['found', 'scored', 'unavailable']),
  n: z.number().int(),
  spearman: z.number().nullable(),
  kendall_tau_b: z.number().nullable(),
  rbo: z.number().nullable(),
  jaccard: z.record(z.string(), z.number()),
  /** Why there is no figure, when there is none. */
  note: z.string().nullable(),
});
export type NoiseCeiling = z.infer<typeof NoiseCeiling>;

export const CompareOutput = z.object({
  pairs: z.array(PairAgreement),
  bootstrap: BootstrapInfo.nullable(),
  /** One per compared run whose model is Monte Carlo (descriptor `stochastic`); empty with `noise_ceiling: off`. */
  noise_ceiling: z.array(NoiseCeiling),
});
export type CompareOutput = z.infer<typeof CompareOutput>;

export const DisagreementsInput = z.object({
  runs: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
  limit: z.number().int().min(1).max(100).default(10),
});

export const Disagreement = z.object({
  account: AccountLabel,
  rank_a: z.number().int(),
  rank_b: z.number().int(),
  score_a: z.number().nullable(),
  score_b: z.number().nullable(),
  /** |ln(rank_a / rank_b)|: how many times higher one model ranks the account than the other. */
  log_rank_ratio: z.number(),
  explanation_a: Explanation,
  explanation_b: Explanation,
});
export const DisagreementsOutput = z.object({ a: RunRef, b: RunRef, accounts: z.array(Disagreement) });
export type DisagreementsOutput = z.infer<typeof DisagreementsOutput>;

export const DistributionInput = RunId.extend({
  output: z.string().min(1).default('score'),
  bins: z.number().int().min(1).max(1000).default(50),
  ccdf_points: z.number().int().min(2).max(10_000).default(200),
});

const Bin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });
export const DistributionOutput = z.object({
  run: z.number().int(),
  output: z.string(),
  n: z.number().int(),
  unscored: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  percentiles: z.array(z.object({ p: z.number(), value: z.number() })),
  histogram: z.object({
    linear: z.array(Bin),
    log: z.array(Bin).nullable(),
    zeroOrNegative: z.number().int(),
  }),
  ccdf: z.array(z.object({ x: z.number(), p: z.number() })),
  gini: z.number().nullable(),
  top1Share: z.number().nullable(),
  ties: TieSummary,
});
export type DistributionOutput = z.infer<typeof DistributionOutput>;

export const WhatIfInput = RunId.extend({
  remove: Removal,
  /** Accounts listed, most changed first; 0 lists every account. */
  limit: z.number().int().min(0).default(20),
});

const Standing = z.object({ score: z.number().nullable(), rank: z.number().int().nullable() });
export const WhatIfOutput = z.object({
  run: ScoreOutput,
  base: z.number().int(),
  interactions_removed: z.number().int(),
  accounts_changed: z.number().int(),
  accounts: z.array(AccountLabel.extend({ before: Standing, after: Standing })),
});
export type WhatIfOutput = z.infer<typeof WhatIfOutput>;

export const CascadesInput = z.object({
  dataset: z.string().min(1),
  source: z.enum(['tree', 'reconstructed']).optional(),
});

const Spreader = AccountLabel.extend({ descendants: z.number().int() });
export const CascadeSummary = z.object({
  /** The stored cascade's id; null for a tree reconstructed from posts. */
  cascade_id: z.number().int().nullable(),
  root_post_id: z.string(),
  root_account: AccountLabel,
  label: z.string().nullable(),
  source: z.enum(['tree', 'reconstructed']),
  /**
   * Where the parent links come from: `given` by the data, `inferred` from follows as Goel et al. 2016 do, or
   * `star (parents unknown)` (retweet metadata names only the original, so every retweet hangs from the root).
   */
  parents: z.enum(['given', 'inferred', 'star (parents unknown)']),
  size: z.number().int(),
  depth: z.number().int(),
  max_breadth: z.number().int(),
  /** Goel et al. 2016: mean shortest-path distance over all pairs of nodes; null for a single node. */
  structural_virality: z.number().nullable(),
  /** Why structural virality is not reported for a tree of two or more nodes (a star); null when it is. */
  structural_virality_note: z.string().nullable(),
  half_size_minutes: z.number().nullable(),
  top_spreaders: z.array(Spreader),
});
export const CascadesOutput = z.array(CascadeSummary);
export type CascadesOutput = z.infer<typeof CascadesOutput>;

export const EgoInput = z.object({
  dataset: z.string().min(1),
  account: z.string().min(1),
  depth: z.union([z.literal(1), z.literal(2)]).default(1),
  limit: z.number().int().min(1).max(100_000).default(500),
  seed: z.number().int().min(0).default(1),
});
export const EgoOutput = z.object({
  center: AccountLabel,
  nodes: z.array(AccountLabel.extend({ distance: z.number().int() })),
  edges: z.array(
    z.object({ source: z.string(), target: z.string(), kinds: z.partialRecord(InteractionKind, z.number().int()) }),
  ),
  truncated: z.boolean(),
  notice: z.string().nullable(),
});
export type EgoOutput = z.infer<typeof EgoOutput>;

export const CascadeInput = z.object({
  dataset: z.string().min(1),
  cascade_id: z.number().int().nullable(),
  root_post_id: z.string().min(1),
  source: z.enum(['tree', 'reconstructed']),
});
export const CascadeNodesOutput = z.object({
  nodes: z.array(
    z.object({
      post_id: z.string(),
      /** Index of the parent node in `nodes`; -1 for the root. */
      parent: z.number().int(),
      account: AccountLabel.nullable(),
      delay_minutes: z.number().nullable(),
    }),
  ),
  truncated: z.boolean(),
});
export type CascadeNodesOutput = z.infer<typeof CascadeNodesOutput>;
