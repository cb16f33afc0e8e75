/**
 * Rank correlations between two runs' scores of the same accounts: Spearman's rho (Pearson's r of average ranks)
 * and Kendall's tau-b by Knight's O(n log n) algorithm (Knight 1966, "A computer method for calculating Kendall's
 * tau with ungrouped data", JASA 61(314)), both defined for tied scores.
 */
import { gather, identityOrder, sortIndicesByValue } from './rank-sort';

export interface RankCorrelations {
  spearman: number | null;
  kendall_tau_b: number | null;
}

function checkPair(x: Float64Array, y: Float64Array): void {
  if (x.length !== y.length) throw new RangeError(`score vectors differ in length: ${x.length} vs ${y.length}`);
}

// Rounding can push a correlation of ±1 a few ulps outside its range.
function clampUnit(v: number): number {
  return Math.max(-1, Math.min(1, v));
}


/**
 * A pair of score vectors sorted once for both correlations and for any number of bootstrap resamples of it: a
 * resample only reweights accounts (account i drawn weights[i] times), and the copies of an account tie with each
 * other in both variables, so the orders stay valid and only the sums change.
 */
export interface PreparedPair {
  n: number;
  /** Positions by y ascending, and y along that order. */
  byY: Uint32Array;
  ySorted: Float64Array;
  /** Positions by x, then by y among equal x; x and y along that order, and y's dense rank (from 1) along it. */
  byXY: Uint32Array;
  xs: Float64Array;
  ys: Float64Array;
  yRanks: Int32Array;
  distinctY: number;
}

export function preparePair(x: Float64Array, y: Float64Array): PreparedPair {
  checkPair(x, y);
  const n = x.length;
  const byY = sortIndicesByValue(y, identityOrder(n), false);
  const byXY = sortIndicesByValue(x, byY, false);
  const ySorted = gather(y, byY);
  const yDense = new Int32Array(n);
  let distinctY = n === 0 ? 0 : 1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && ySorted[i] !== ySorted[i - 1]) distinctY++;
    yDense[byY[i]!] = distinctY;
  }
  const yRanks = new Int32Array(n);
  for (let i = 0; i < n; i++) yRanks[i] = yDense[byXY[i]!]!;
  return { n, byY, ySorted, byXY, xs: gather(x, byXY), ys: gather(y, byXY), yRanks, distinctY };
}

function gatherWeights(weights: Uint32Array, order: Uint32Array): Uint32Array {
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = weights[order[i]!]!;
  return out;
}

/**
 * Ranks (1-based, by position) from `sorted`, the values along `order`, an ascending order of all positions; tied
 * values share their mean rank. With weights (along `order`), a position stands for that many tied copies.
 */
function ranksInOrder(sorted: Float64Array, order: Uint32Array, weights: Uint32Array | null): Float64Array {
  const n = order.length;
  const ranks = new Float64Array(n);
  let start = 0;
  let below = 0;
  while (start < n) {
    let end = start;
    let copies = 0;
    while (end < n && sorted[end] === sorted[start]) {
      copies += weights ? weights[end]! : 1;
      end++;
    }
    const rank = below + (copies + 1) / 2;
    for (let i = start; i < end; i++) ranks[order[i]!] = rank;
    below += copies;
    start = end;
  }
  return ranks;
}

/** Ranks from 1 (lowest value) to n; tied values share the average of the ranks they span. Throws on NaN. */
export function averageRanks(values: Float64Array): Float64Array {
  const order = sortIndicesByValue(values, identityOrder(values.length), false);
  return ranksInOrder(gather(values, order), order, null);
}

function pearsonOfRanks(rx: Float64Array, ry: Float64Array, weights: Uint32Array | null): number | null {
  const n = rx.length;
  let copies = n;
  if (weights) {
    copies = 0;
    for (let i = 0; i < n; i++) copies += weights[i]!;
  }
  // Average ranks always sum to N(N+1)/2 over N copies, so the mean is known exactly.
  const mean = (copies + 1) / 2;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxx += w * dx * dx;
    syy += w * dy * dy;
    sxy += w * dx * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return clampUnit(sxy / Math.sqrt(sxx * syy));
}

/** Pairs within runs of equal values of `sorted` (and of `second` too, when given): sum of C(copies, 2). */
function tiedPairs(sorted: Float64Array, second: Float64Array | null, weights: Uint32Array | null): number {
  let pairs = 0;
  let copies = 0;
  for (let i = 0; i < sorted.length; i++) {
    const same = i > 0 && sorted[i] === sorted[i - 1] && (second === null || second[i] === second[i - 1]);
    if (!same) {
      pairs += (copies * (copies - 1)) / 2;
      copies = 0;
    }
    copies += weights ? weights[i]! : 1;
  }
  return pairs + (copies * (copies - 1)) / 2;
}

/**
 * Tau-b by Knight's algorithm: the discordant pairs are the inversions of y along the (x, y) order, counted here
 * with a Fenwick tree over y's dense ranks rather than by merge-sort swaps: the same count, measured 2-3x faster on
 * a million accounts. Weights (along byY and byXY) count an account's copies.
 */
function tauB(pair: PreparedPair, weightsY: Uint32Array | null, weightsXY: Uint32Array | null): number | null {
  const { n, xs, ys, yRanks, distinctY } = pair;
  const yTies = tiedPairs(pair.ySorted, null, weightsY);
  const xTies = tiedPairs(xs, null, weightsXY);
  const jointTies = tiedPairs(xs, ys, weightsXY);
  // tree[q] sums the copies seen so far with dense y rank in (q - lowbit(q), q].
  const tree = new Float64Array(distinctY + 1);
  let seen = 0;
  let discordant = 0;
  for (let i = 0; i < n; i++) {
    const w = weightsXY ? weightsXY[i]! : 1;
    if (w === 0) continue;
    // Earlier copies with a strictly higher y: y ascends within equal x, so these all have a strictly lower x.
    const rank = yRanks[i]!;
    let atMost = 0;
    for (let q = rank; q > 0; q -= q & -q) atMost += tree[q]!;
    discordant += w * (seen - atMost);
    for (let q = rank; q <= distinctY; q += q & -q) tree[q] = tree[q]! + w;
    seen += w;
  }
  if (seen < 2) return null;
  const pairs = (seen * (seen - 1)) / 2;
  // Pairs untied in both variables number pairs - xTies - yTies + jointTies = concordant + discordant.
  const concordantMinusDiscordant = pairs - xTies - yTies + jointTies - 2 * discordant;
  // sqrt of the product, not a product of roots: equal factors then give exactly ±1 for (anti)identical rankings.
  const denominator = Math.sqrt((pairs - xTies) * (pairs - yTies));
  if (denominator === 0) return null;
  return clampUnit(concordantMinusDiscordant / denominator);
}

/**
 * Both correlations over a prepared pair; `weights` (by position, optional) are bootstrap multiplicities. Null
 * where undefined: fewer than two accounts, or a constant ranking.
 */
export function correlatePrepared(pair: PreparedPair, weights: Uint32Array | null = null): RankCorrelations {
  const weightsY = weights ? gatherWeights(weights, pair.byY) : null;
  const weightsXY = weights ? gatherWeights(weights, pair.byXY) : null;
  return {
    spearman: pearsonOfRanks(ranksInOrder(pair.xs, pair.byXY, weightsXY), ranksInOrder(pair.ySorted, pair.byY, weightsY), weights),
    kendall_tau_b: tauB(pair, weightsY, weightsXY),
  };
}

/** Both correlations, sharing the two sorts. */
export function rankCorrelations(x: Float64Array, y: Float64Array): RankCorrelations {
  return correlatePrepared(preparePair(x, y));
}

/** Spearman's rho with ties: Pearson's r of the average ranks. Null when n < 2 or either ranking is constant. */
export function spearman(x: Float64Array, y: Float64Array): number | null {
  return rankCorrelations(x, y).spearman;
}

/** Kendall's tau-b (Knight's algorithm). Null when n < 2 or either variable is constant (zero denominator). */
export function kendallTauB(x: Float64Array, y: Float64Array): number | null {
  return rankCorrelations(x, y).kendall_tau_b;
}
