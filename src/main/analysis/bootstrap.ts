/**
 * Seeded bootstrap 95% percentile intervals for every agreement figure (SPEC "Comparing and auditing",
 * Uncertainty; Efron & Tibshirani 1993, ch. 13). A resample draws n accounts with replacement from the n accounts
 * of the comparison, listed in a canonical order (platform id) so that the same data and seed draw the same
 * accounts however they are stored. A drawn account counts as many tied copies as it was drawn: the rankings and
 * sorted pairs of the full comparison stay valid and each resample only reweights them, so a resample costs one
 * weighted pass per figure instead of new sorts.
 */
import { seededRandom } from '../../shared/random';
import { correlateAccounts, SEGMENT_DIVISORS, type PreparedComparison } from './rank-agreement';
import { correlatePrepared } from './rank-correlation';
import { rboExtrapolated } from './rbo';
import { TiedPrefix } from './tied-ranking';
import { jaccardTopK } from './top-k';

export interface Interval {
  /** The 2.5th and 97.5th percentiles of the figure over the resamples where it is defined. */
  low: number;
  high: number;
}

interface SegmentIntervals {
  spearman: Interval | null;
  kendall_tau_b: Interval | null;
}

export interface PairIntervals {
  spearman: Interval | null;
  kendall_tau_b: Interval | null;
  jaccard: Record<string, Interval | null>;
  rbo: Interval | null;
  segments: { top10: SegmentIntervals; top1: SegmentIntervals };
}

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  k: number[];
  p: number;
  /** Positions of the comparison's accounts in canonical (platform id) order: what the draws index. */
  canonical: Uint32Array;
  /** Called before each resample with the number done: a job reports progress, and stops the bootstrap by throwing. */
  beforeResample?: (done: number) => void;
}

/** How many times each position is drawn in one resample of the canonical accounts. */
export function drawWeights(canonical: Uint32Array, size: number, random: () => number): Uint32Array {
  const weights = new Uint32Array(size);
  const n = canonical.length;
  for (let draw = 0; draw < n; draw++) weights[canonical[Math.floor(random() * n)]!]!++;
  return weights;
}

/** numpy's default ("linear") percentile of sorted values. */
function percentile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The central 95% of the defined values; null when no resample defines the figure. */
export function percentileInterval(values: Array<number | null>): Interval | null {
  const defined = Float64Array.from(values.filter((v): v is number => v !== null)).sort();
  if (defined.length === 0) return null;
  return { low: percentile(defined, 0.025), high: percentile(defined, 0.975) };
}

function resampledSegment(comparison: PreparedComparison, weights: Uint32Array, divisor: number) {
  const { a, b, rankingA } = comparison;
  const prefix = new TiedPrefix(rankingA, weights, a.length);
  prefix.extendTo(Math.ceil(prefix.total / divisor));
  const accounts = rankingA.order.subarray(0, prefix.end).filter((i) => weights[i]! > 0 && !Number.isNaN(b[i]!));
  return correlateAccounts(a, b, accounts, weights);
}

type Figures = ReturnType<typeof resampleFigures>;

function resampleFigures(comparison: PreparedComparison, weights: Uint32Array, options: BootstrapOptions) {
  const { rankingA, rankingB, both, pair } = comparison;
  const local = new Uint32Array(both.length);
  for (let i = 0; i < both.length; i++) local[i] = weights[both[i]!]!;
  return {
    all: correlatePrepared(pair, local),
    rbo: rboExtrapolated(rankingA, rankingB, options.p, weights),
    jaccard: options.k.map((k) => jaccardTopK(rankingA, rankingB, k, weights)),
    top10: resampledSegment(comparison, weights, SEGMENT_DIVISORS.top10),
    top1: resampledSegment(comparison, weights, SEGMENT_DIVISORS.top1),
  };
}

/** Intervals over `options.resamples` seeded resamples. */
export function bootstrapAgreement(comparison: PreparedComparison, options: BootstrapOptions): PairIntervals {
  const random = seededRandom(options.seed);
  const figures: Figures[] = [];
  for (let r = 0; r < options.resamples; r++) {
    // A resample of a million accounts takes about 0.1 s: often enough to see a cancel.
    options.beforeResample?.(r);
    figures.push(resampleFigures(comparison, drawWeights(options.canonical, comparison.a.length, random), options));
  }
  const interval = (pick: (f: Figures) => number | null) => percentileInterval(figures.map(pick));
  const jaccard: Record<string, Interval | null> = {};
  options.k.forEach((k, i) => (jaccard[String(k)] = interval((f) => f.jaccard[i]!)));
  return {
    spearman: interval((f) => f.all.spearman),
    kendall_tau_b: interval((f) => f.all.kendall_tau_b),
    jaccard,
    rbo: interval((f) => f.rbo),
    segments: {
      top10: { spearman: interval((f) => f.top10.spearman), kendall_tau_b: interval((f) => f.top10.kendall_tau_b) },
      top1: { spearman: interval((f) => f.top1.spearman), kendall_tau_b: interval((f) => f.top1.kendall_tau_b) },
    },
  };
}
