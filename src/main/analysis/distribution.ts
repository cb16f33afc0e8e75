/**
 * The shape of one run's scores, computed once in the main process so that the renderer only draws. Every number in
 * the result is finite, whatever finite scores come in: the result crosses a JSON boundary, where NaN and Infinity
 * do not survive.
 */
import { tieSummary, type TieSummary } from './tied-ranking';

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface Distribution {
  /** Finite scores counted. */
  n: number;
  /** Scores left out: NaN (the account was not scored) and, having no place on an axis, ±Infinity. */
  unscored: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** At each of DISTRIBUTION_PERCENTILES, numpy's default ("linear") definition; empty when n is 0. */
  percentiles: Array<{ p: number; value: number }>;
  histogram: {
    /** Equal widths over [min, max]; each bin holds [from, to) except the last, which holds [from, to]. */
    linear: Bin[];
    /** Equal widths in log10 over the positive scores; null with fewer than two distinct positive scores. */
    log: Bin[] | null;
    /** Scores a log axis cannot place. */
    zeroOrNegative: number;
  };
  /** P(X >= x) at distinct scores, ascending x; starts at the minimum (p = 1) and ends at the maximum. */
  ccdf: Array<{ x: number; p: number }>;
  /** Of the scores when none is negative and their total is positive, otherwise null. */
  gini: number | null;
  /** Share of the total held by the top ceil(n / 100) scores; null unless the total is positive. */
  top1Share: number | null;
  /** Tied scores among the finite ones. */
  ties: TieSummary;
}

export interface DistributionOptions {
  /** Bins of each histogram, default 50. */
  bins?: number;
  /** Most CCDF points, default 200; at least 2, since the first and last are always kept. */
  ccdfPoints?: number;
}

export const DISTRIBUTION_PERCENTILES: readonly number[] = [1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9];

export function describeDistribution(scores: Float64Array, options: DistributionOptions = {}): Distribution {
  const bins = options.bins ?? 50;
  const ccdfPoints = options.ccdfPoints ?? 200;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  if (!Number.isInteger(ccdfPoints) || ccdfPoints < 2) {
    throw new RangeError(`ccdfPoints must be an integer of at least 2 (first and last are kept), got ${ccdfPoints}`);
  }

  const sorted = finiteSorted(scores);
  const n = sorted.length;
  const unscored = scores.length - n;
  if (n === 0) {
    return {
      n,
      unscored,
      min: null,
      max: null,
      mean: null,
      median: null,
      percentiles: [],
      histogram: { linear: [], log: null, zeroOrNegative: 0 },
      ccdf: [],
      gini: null,
      top1Share: null,
      ties: tieSummary(sorted),
    };
  }

  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const unit = sumUnit(min, max);
  const total = sumInUnits(sorted, 0, n, unit);
  // Rounding can carry the mean a hair outside [min, max]; equal scores must report their own value.
  const mean = Math.min(max, Math.max(min, (total / n) * unit));
  const firstPositive = lowerBound(sorted, Number.MIN_VALUE, 0, n);

  return {
    n,
    unscored,
    min,
    max,
    mean,
    median: percentile(sorted, 50),
    percentiles: DISTRIBUTION_PERCENTILES.map((p) => ({ p, value: percentile(sorted, p) })),
    histogram: {
      linear: linearHistogram(sorted, bins),
      log: logHistogram(sorted, firstPositive, bins),
      zeroOrNegative: firstPositive,
    },
    ccdf: ccdf(sorted, ccdfPoints),
    gini: min < 0 || total <= 0 ? null : gini(sorted, total, unit),
    top1Share: total > 0 ? sumInUnits(sorted, n - Math.ceil(n / 100), n, unit) / total : null,
    ties: tieSummary(sorted),
  };
}

function finiteSorted(scores: Float64Array): Float64Array {
  const finite = new Float64Array(scores.length);
  let count = 0;
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i]!;
    // Adding 0 turns -0 into +0, so a zero score never reports a sign.
    if (Number.isFinite(x)) finite[count++] = x + 0;
  }
  return finite.subarray(0, count).sort();
}

/**
 * Sums run in units of a power of two near the largest magnitude: dividing by it is exact, and a million scores
 * near the top of the double range can no longer overflow the total.
 */
function sumUnit(min: number, max: number): number {
  const largest = Math.max(-min, max);
  // log2 of the largest double rounds up to 1024, and 2 ** 1024 is Infinity.
  return largest === 0 ? 1 : 2 ** Math.min(1023, Math.floor(Math.log2(largest)));
}

function sumInUnits(values: Float64Array, from: number, to: number, unit: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]! / unit;
  return sum;
}

/**
 * G = 2·Σ i·x_(i) / (n·Σx) − (n + 1)/n, rewritten as Σ (2i − n − 1)·x_(i) / (n·Σx). The weights sum to zero, so
 * measuring each score from the middle one changes nothing, yet makes every term non-negative: nothing cancels,
 * and equal scores give exactly 0.
 */
function gini(sorted: Float64Array, totalInUnits: number, unit: number): number {
  const n = sorted.length;
  const middle = sorted[n >> 1]!;
  let weighted = 0;
  for (let j = 0; j < n; j++) weighted += (2 * j + 1 - n) * ((sorted[j]! - middle) / unit);
  return weighted / n / totalInUnits;
}

function percentile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * (p / 100);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return lerp(sorted[below]!, sorted[above]!, position - below);
}

/** numpy's interpolation: exact at both ends and monotone in t. */
function lerp(a: number, b: number, t: number): number {
  const span = b - a;
  if (Number.isFinite(span)) return t < 0.5 ? a + span * t : b - span * (1 - t);
  // b − a overflows only for huge scores of opposite signs, where the weighted mean stays finite.
  return a * (1 - t) + b * t;
}

function linearHistogram(sorted: Float64Array, bins: number): Bin[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [{ from: min, to: max, count: sorted.length }];
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lerp(min, max, i / bins);
  return countBins(sorted, 0, edges);
}

function logHistogram(sorted: Float64Array, firstPositive: number, bins: number): Bin[] | null {
  const n = sorted.length;
  if (firstPositive === n || sorted[firstPositive] === sorted[n - 1]) return null;
  const low = sorted[firstPositive]!;
  const high = sorted[n - 1]!;
  const logLow = Math.log10(low);
  const logHigh = Math.log10(high);
  const edges = new Float64Array(bins + 1);
  // The outer edges are the scores themselves: 10 ** log10(x) need not give x back.
  edges[0] = low;
  edges[bins] = high;
  for (let i = 1; i < bins; i++) edges[i] = Math.min(high, 10 ** lerp(logLow, logHigh, i / bins));
  return countBins(sorted, firstPositive, edges);
}

/** Counts sorted[from..] into [edges[b], edges[b + 1]), the last bin closed; edges[0] must not exceed sorted[from]. */
function countBins(sorted: Float64Array, from: number, edges: Float64Array): Bin[] {
  const bins = edges.length - 1;
  // Rounding (in lerp, in 10 ** y) could put an edge a hair below the one before, and a bin's count below zero.
  for (let i = 1; i <= bins; i++) edges[i] = Math.max(edges[i]!, edges[i - 1]!);
  const out: Bin[] = [];
  let start = from;
  for (let b = 0; b < bins; b++) {
    const end = b === bins - 1 ? sorted.length : lowerBound(sorted, edges[b + 1]!, start, sorted.length);
    out.push({ from: edges[b]!, to: edges[b + 1]!, count: end - start });
    start = end;
  }
  return out;
}

/** First index in [from, to) whose value is >= x, or `to`. */
function lowerBound(sorted: Float64Array, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A point's rank is n·P(X >= x), the number of accounts scoring at least x. Thinning keeps, walking down from the
 * top score, the first point in each of `maxPoints − 1` equal slices of log rank, plus the minimum (rank n): on a
 * log-log plot the kept points spread evenly down the p axis, densest in the tail, where the curve says most.
 */
function ccdf(sorted: Float64Array, maxPoints: number): Array<{ x: number; p: number }> {
  const n = sorted.length;
  let distinct = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const thin = distinct > maxPoints;
  // Thinning implies at least two distinct scores, so the top rank is below n and the log span positive.
  const logTopRank = Math.log(n - lowerBound(sorted, sorted[n - 1]!, 0, n));
  const slicesPerLog = (maxPoints - 1) / (Math.log(n) - logTopRank);

  const points: Array<{ x: number; p: number }> = [];
  let lastSlice = -1;
  for (let end = n; end > 0; ) {
    const x = sorted[end - 1]!;
    let start = end - 1;
    while (start > 0 && sorted[start - 1] === x) start--;
    const rank = n - start;
    let keep = !thin || start === 0;
    if (!keep) {
      const slice = Math.min(maxPoints - 2, Math.floor((Math.log(rank) - logTopRank) * slicesPerLog));
      keep = slice > lastSlice;
      if (keep) lastSlice = slice;
    }
    if (keep) points.push({ x, p: rank / n });
    end = start;
  }
  return points.reverse();
}
