/**
 * Overlap of two runs' top k accounts when scores tie. A top k that cuts through a tie group has no single
 * membership, so two figures are given, neither depending on the order of accounts inside a group:
 * - the tie-aware Jaccard, over tie-extended top lists (a group that starts inside the top k is in it whole, as in
 *   Webber et al. 2010's treatment of ties, section 5, which RBO here follows too);
 * - the range of the plain Jaccard over every way of cutting the ties so that each list holds exactly k accounts.
 */
import { indexBound, TiedPrefix, type TiedRanking } from './tied-ranking';

export interface JaccardRange {
  min: number;
  max: number;
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`top-k size must be a positive integer, got ${k}`);
}

/**
 * |A ∩ B| / |A ∪ B| over the tie-extended top k of each ranking (all of it when a ranking is shorter). Two empty
 * top lists count as identical (1). `weights` counts account i as weights[i] tied copies (bootstrap resamples).
 */
export function jaccardTopK(a: TiedRanking, b: TiedRanking, k: number, weights: Uint32Array | null = null): number {
  checkK(k);
  const bound = indexBound(a, b);
  const prefixA = new TiedPrefix(a, weights, bound);
  const prefixB = new TiedPrefix(b, weights, bound);
  const shared = prefixA.extendTo(k, prefixB.members) + prefixB.extendTo(k, prefixA.members);
  const union = prefixA.length + prefixB.length - shared;
  return union === 0 ? 1 : shared / union;
}

/** Where a cut at k falls: accounts surely above it, the group it cuts, and how many of that group it keeps. */
interface Cut {
  above: Uint32Array;
  group: Uint32Array;
  keep: number;
  size: number;
}

function cutAt(ranking: TiedRanking, k: number): Cut {
  const size = Math.min(k, ranking.order.length);
  if (size === 0) return { above: new Uint32Array(0), group: new Uint32Array(0), keep: 0, size };
  const end = ranking.groupEnd[size - 1]!;
  let start = size - 1;
  while (start > 0 && ranking.groupEnd[start - 1] === end) start--;
  return { above: ranking.order.subarray(0, start), group: ranking.order.subarray(start, end), keep: size - start, size };
}

/**
 * The least and greatest plain Jaccard over all cuts: each list keeps its accounts above the cut and any `keep` of
 * the group the cut falls in. With both lists of fixed size, J = I / (|A| + |B| - I) rises with the intersection I,
 * so the range follows from I's extremes. I gains one per kept account that the other list surely holds, and one
 * per account both keep from the two cut groups. The largest I keeps first what the other list surely holds, then
 * the accounts in both cut groups (as many in common as both can keep); the smallest keeps first what the other
 * list does not hold at all, then from both cut groups (overlapping only where they must), and last what the other
 * surely holds.
 */
export function jaccardRange(a: TiedRanking, b: TiedRanking, k: number): JaccardRange {
  checkK(k);
  const cutA = cutAt(a, k);
  const cutB = cutAt(b, k);
  if (cutA.size + cutB.size === 0) return { min: 1, max: 1 };
  const ABOVE = 1;
  const GROUP = 2;
  const placeInA = new Uint8Array(indexBound(a, b));
  for (const i of cutA.above) placeInA[i] = ABOVE;
  for (const i of cutA.group) placeInA[i] = GROUP;
  let aboveBoth = 0;
  let groupAAboveB = 0; // in A's cut group, surely in B
  let aboveAGroupB = 0; // surely in A, in B's cut group
  let groupBoth = 0;
  for (const i of cutB.above) {
    if (placeInA[i] === ABOVE) aboveBoth++;
    else if (placeInA[i] === GROUP) groupAAboveB++;
  }
  for (const i of cutB.group) {
    if (placeInA[i] === ABOVE) aboveAGroupB++;
    else if (placeInA[i] === GROUP) groupBoth++;
  }
  const jaccard = (shared: number) => shared / (cutA.size + cutB.size - shared);

  const sureA = Math.min(cutA.keep, groupAAboveB);
  const sureB = Math.min(cutB.keep, aboveAGroupB);
  const most = aboveBoth + sureA + sureB + Math.min(Math.min(cutA.keep - sureA, groupBoth), Math.min(cutB.keep - sureB, groupBoth));

  const freeA = cutA.group.length - groupAAboveB - groupBoth; // in A's cut group, not in B's top at all
  const freeB = cutB.group.length - aboveAGroupB - groupBoth;
  const restA = cutA.keep - Math.min(cutA.keep, freeA);
  const restB = cutB.keep - Math.min(cutB.keep, freeB);
  const inGroupBothA = Math.min(restA, groupBoth);
  const inGroupBothB = Math.min(restB, groupBoth);
  const least =
    aboveBoth + (restA - inGroupBothA) + (restB - inGroupBothB) + Math.max(0, inGroupBothA + inGroupBothB - groupBoth);
  return { min: jaccard(least), max: jaccard(most) };
}
