/**
 * Rank agreement between two runs on the same dataset (SPEC "Comparing and auditing"): Spearman's rho, Kendall's
 * tau-b, Jaccard overlap of the top k and rank-biased overlap, over all accounts and over the top 10% and 1% of the
 * first run (the segments of Cha et al. 2010, "Measuring user influence in Twitter: the million follower fallacy").
 * Every figure reads rankings through their tie groups (tied-ranking.ts), so none depends on storage order.
 */
import { correlatePrepared, preparePair, type RankCorrelations } from './rank-correlation';
import { gather } from './rank-sort';
import { rboExtrapolated } from './rbo';
import { extendedPrefixLength, tiedRanking, tieSummary, type TiedRanking, type TieSummary } from './tied-ranking';
import { jaccardRange, jaccardTopK, type JaccardRange } from './top-k';
import { MOSTLY_TIED_SHARE } from '../../shared/runs';

export { averageRanks, kendallTauB, spearman } from './rank-correlation';
export { rankingOrder } from './rank-sort';
export { rboExtrapolated } from './rbo';
export { jaccardRange, jaccardTopK } from './top-k';

/** Two runs' scores over the same accounts: a[i], b[i] are account i's scores (NaN = unscored by that run). */
export interface PairInput {
  a: Float64Array;
  b: Float64Array;
}

export interface SegmentAgreement {
  /** Accounts of the segment that b also scored: the correlations are over these. */
  n: number;
  /** ceil(accounts a scored / 10 or / 100): the segment's size were there no tie at its edge. */
  nominal: number;
  /** Accounts added past `nominal` because they tie with the last account inside it (the segment takes them all). */
  tied_past_cut: number;
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
  /** By k: the tie-aware Jaccard over each run's own tie-extended top k (top-k.ts). */
  jaccard: Record<string, number>;
  /** By k: the least and greatest plain Jaccard over every way of cutting the ties at k (equal when none is cut). */
  jaccard_range: Record<string, JaccardRange>;
  /** RBO_ext with ties (rbo.ts) with persistence p over the two full rankings. */
  rbo: number;
  /** The tie-extended top 10% / 1% of run a's ranking. */
  segments: { top10: SegmentAgreement; top1: SegmentAgreement };
  /** Tied scores in each run, over the accounts it scored. */
  ties: { a: TieSummary; b: TieSummary };
  /** What a reader must know to read the figures: rankings that are all ties, top-k cuts through a tie. */
  warnings: string[];
}

/** The rankings and sorted pair a comparison is computed from, kept for the bootstrap to reuse. */
export interface PreparedComparison {
  a: Float64Array;
  b: Float64Array;
  rankingA: TiedRanking;
  rankingB: TiedRanking;
  /** Positions scored by both runs, ascending. */
  both: Uint32Array;
  pair: ReturnType<typeof preparePair>;
}

export function prepareComparison(input: PairInput): PreparedComparison {
  const { a, b } = input;
  if (a.length !== b.length) throw new RangeError(`runs cover different account counts: ${a.length} vs ${b.length}`);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) n++;
  const both = new Uint32Array(n);
  let next = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) both[next++] = i;
  return { a, b, rankingA: tiedRanking(a), rankingB: tiedRanking(b), both, pair: preparePair(gather(a, both), gather(b, both)) };
}

/** Correlations over `accounts` (positions), weighted by bootstrap multiplicities when given. */
export function correlateAccounts(a: Float64Array, b: Float64Array, accounts: Uint32Array, weights: Uint32Array | null): RankCorrelations {
  const pair = preparePair(gather(a, accounts), gather(b, accounts));
  if (!weights) return correlatePrepared(pair);
  const local = new Uint32Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) local[i] = weights[accounts[i]!]!;
  return correlatePrepared(pair, local);
}

export const SEGMENT_DIVISORS = { top10: 10, top1: 100 } as const;

function segment(comparison: PreparedComparison, divisor: number): SegmentAgreement {
  const { a, b, rankingA } = comparison;
  // Integer division, not a fractional product: 30 * 0.1 rounds to 3.0000000000000004, whose ceiling is 4.
  const nominal = Math.ceil(rankingA.order.length / divisor);
  const extended = extendedPrefixLength(rankingA, nominal);
  const accounts = rankingA.order.subarray(0, extended).filter((i) => !Number.isNaN(b[i]!));
  return { n: accounts.length, nominal, tied_past_cut: extended - nominal, ...correlateAccounts(a, b, accounts, null) };
}

function tieWarnings(label: string, ranking: TiedRanking, ties: TieSummary, ks: number[]): string[] {
  if (ties.scored > 1 && ties.distinct_scores === 1) {
    return [
      `${label}: all ${ties.scored} accounts have the same score, so its ranking has no order: its correlations are undefined and its top-k and RBO treat every account as tied`,
    ];
  }
  const warnings: string[] = [];
  if (ties.scored > 1 && ties.largest_group > ties.scored * MOSTLY_TIED_SHARE) {
    warnings.push(
      `${label}: ${ties.largest_group} of ${ties.scored} accounts share one score, so for most accounts its ranking is an arbitrary tie order: ` +
        'they sit at their mean rank, and its correlations, top-k and RBO say little about how this model orders them',
    );
  }
  for (const k of ks) {
    if (k >= ranking.order.length) continue;
    const end = extendedPrefixLength(ranking, k);
    if (end > k) warnings.push(`${label}: the top ${k} cuts through a tie; the tie-aware top ${k} holds ${end} accounts`);
  }
  return warnings;
}

export interface CompareOptions {
  k: number[];
  p?: number;
  /** How warnings name the two runs. */
  labels?: { a: string; b: string };
}

export function compareRuns(input: PairInput, options: CompareOptions): PairAgreement {
  return agreementOf(prepareComparison(input), options);
}

/** The figures of a prepared comparison (which the bootstrap then resamples). */
export function agreementOf(comparison: PreparedComparison, options: CompareOptions): PairAgreement {
  const { a, b, rankingA, rankingB, both } = comparison;
  const labels = options.labels ?? { a: 'run a', b: 'run b' };
  const jaccard: Record<string, number> = {};
  const range: Record<string, JaccardRange> = {};
  for (const k of options.k) {
    jaccard[String(k)] = jaccardTopK(rankingA, rankingB, k);
    range[String(k)] = jaccardRange(rankingA, rankingB, k);
  }
  const ties = { a: tieSummary(gather(a, rankingA.order)), b: tieSummary(gather(b, rankingB.order)) };
  return {
    n: both.length,
    only_a: rankingA.order.length - both.length,
    only_b: rankingB.order.length - both.length,
    ...correlatePrepared(comparison.pair),
    jaccard,
    jaccard_range: range,
    rbo: rboExtrapolated(rankingA, rankingB, options.p ?? 0.9),
    segments: { top10: segment(comparison, SEGMENT_DIVISORS.top10), top1: segment(comparison, SEGMENT_DIVISORS.top1) },
    ties,
    warnings: [...tieWarnings(labels.a, rankingA, ties.a, options.k), ...tieWarnings(labels.b, rankingB, ties.b, options.k)],
  };
}
