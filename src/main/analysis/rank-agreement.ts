/**
 * Rank agreement between two runs on the same dataset (SPEC "Comparing and auditing"): Spearman's rho, Kendall's
 * tau-b, Jaccard overlap of the top k and rank-biased overlap, over all accounts and over the top 10% and 1% of the
 * first run (the segments of Cha et al. 2010, "Measuring user influence in Twitter: the million follower fallacy").
 */
import { rankCorrelations } from './rank-correlation';
import { gather, rankingOrder } from './rank-sort';
import { rboExtrapolated } from './rbo';

export { averageRanks, kendallTauB, spearman } from './rank-correlation';
export { rankingOrder } from './rank-sort';
export { rboExtrapolated } from './rbo';

/** Two runs' scores over the same accounts: a[i], b[i] are account i's scores (NaN = unscored by that run). */
export interface PairInput {
  a: Float64Array;
  b: Float64Array;
}

export interface SegmentAgreement {
  n: number;
  spearman: number | null;
  kendall_tau_b: number | null;
}

export interface PairAgreement {
  /** Accounts scored by both runs: the correlations are over these. */
  n: number;
  /** Scored by a only (NaN in b). */
  only_a: number;
  only_b: number;
  /** Null when undefined (n < 2 or a constant ranking). */
  spearman: number | null;
  kendall_tau_b: number | null;
  /**
   * By k, over each run's own top k (score descending, ties by account index ascending; accounts a run did not
   * score are not in its list).
   */
  jaccard: Record<string, number>;
  /** RBO_ext (Webber et al. 2010, eq. 32) with persistence p over the two full rankings, ordered as above. */
  rbo: number;
  /** Accounts in the top 10% / 1% (rounded up) of run a's ranking that b also scored: their scores in a vs b. */
  segments: { top10: SegmentAgreement; top1: SegmentAgreement };
}

/**
 * |A ∩ B| / |A ∪ B| for the first k accounts of each ranking (fewer when a ranking is shorter). Two empty top
 * lists count as identical (1). Each ranking must list an account at most once.
 */
export function jaccardTopK(orderA: Uint32Array, orderB: Uint32Array, k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`top-k size must be a positive integer, got ${k}`);
  const topA = orderA.subarray(0, k);
  const topB = orderB.subarray(0, k);
  if (topA.length + topB.length === 0) return 1;
  let bound = 0;
  for (const i of topA) bound = Math.max(bound, i + 1);
  for (const i of topB) bound = Math.max(bound, i + 1);
  const inA = new Uint8Array(bound);
  for (const i of topA) inA[i] = 1;
  let shared = 0;
  for (const i of topB) shared += inA[i]!;
  return shared / (topA.length + topB.length - shared);
}

function segment(a: Float64Array, b: Float64Array, orderA: Uint32Array, divisor: number): SegmentAgreement {
  // Integer division, not a fractional product: 30 * 0.1 rounds to 3.0000000000000004, whose ceiling is 4.
  const top = orderA.subarray(0, Math.ceil(orderA.length / divisor));
  const accounts = top.filter((i) => !Number.isNaN(b[i]!));
  return { n: accounts.length, ...rankCorrelations(gather(a, accounts), gather(b, accounts)) };
}

export function compareRuns(input: PairInput, options: { k: number[]; p?: number }): PairAgreement {
  const { a, b } = input;
  if (a.length !== b.length) throw new RangeError(`runs cover different account counts: ${a.length} vs ${b.length}`);
  let n = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < a.length; i++) {
    const scoredA = !Number.isNaN(a[i]!);
    const scoredB = !Number.isNaN(b[i]!);
    if (scoredA && scoredB) n++;
    else if (scoredA) onlyA++;
    else if (scoredB) onlyB++;
  }
  const both = new Uint32Array(n);
  let next = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) both[next++] = i;

  const orderA = rankingOrder(a);
  const orderB = rankingOrder(b);
  const jaccard: Record<string, number> = {};
  for (const k of options.k) jaccard[String(k)] = jaccardTopK(orderA, orderB, k);
  return {
    n,
    only_a: onlyA,
    only_b: onlyB,
    ...rankCorrelations(gather(a, both), gather(b, both)),
    jaccard,
    rbo: rboExtrapolated(orderA, orderB, options.p ?? 0.9),
    segments: { top10: segment(a, b, orderA, 10), top1: segment(a, b, orderA, 100) },
  };
}
