/**
 * Rankings with ties kept as ties. An order of accounts by score must break equal scores somehow (here by account
 * index, which follows import order), so every statistic over a ranking reads it through its tie groups and never
 * through the position of an account inside its group: importing the same file with its lines in another order
 * then gives the same figures (SPEC "Comparing and auditing", Ties).
 */
import { rankingOrder } from './rank-sort';

export interface TiedRanking {
  /** Accounts (indices into the score vector) by score, highest first; the order inside a tie group means nothing. */
  order: Uint32Array;
  /** For each position of `order`: the position just past the last account tied with it. */
  groupEnd: Uint32Array;
}

/** Group ends of an order over `scores`: equal neighbours share one group. */
function groupEnds(scores: Float64Array, order: Uint32Array): Uint32Array {
  const n = order.length;
  const ends = new Uint32Array(n);
  let start = 0;
  while (start < n) {
    const value = scores[order[start]!]!;
    let end = start + 1;
    while (end < n && scores[order[end]!] === value) end++;
    ends.fill(end, start, end);
    start = end;
  }
  return ends;
}

/** The accounts a run scored (non-NaN), highest first, with their tie groups. */
export function tiedRanking(scores: Float64Array): TiedRanking {
  const order = rankingOrder(scores);
  return { order, groupEnd: groupEnds(scores, order) };
}

/** A ranking with no ties: every account its own group (the rankings of the paper's tie-free definitions). */
export function strictRanking(order: Uint32Array): TiedRanking {
  const groupEnd = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) groupEnd[i] = i + 1;
  return { order, groupEnd };
}

export interface TieSummary {
  /** Accounts with a score (NaN = unscored is left out). */
  scored: number;
  distinct_scores: number;
  /** Accounts whose score equals at least one other account's. */
  tied_accounts: number;
  /** tied_accounts / scored; null when nothing is scored. */
  tied_share: number | null;
  /** Size of the largest group of equal scores (1 when no score repeats, 0 when nothing is scored). */
  largest_group: number;
  /** The score the largest group shares (the highest when several are equally large); null when none repeats. */
  largest_group_score: number | null;
}

/** Tie counts of scores sorted either way (equal scores adjacent); NaN must be left out. */
export function tieSummary(sorted: Float64Array): TieSummary {
  const scored = sorted.length;
  let distinct = 0;
  let tied = 0;
  let largest = 0;
  let largestScore: number | null = null;
  for (let start = 0; start < scored; ) {
    const value = sorted[start]!;
    let end = start + 1;
    while (end < scored && sorted[end] === value) end++;
    const size = end - start;
    distinct++;
    if (size > 1) tied += size;
    // Among equally large groups the highest score is named, whichever way the scores are sorted.
    if (size > largest || (size === largest && value > largestScore!)) {
      largest = size;
      largestScore = value;
    }
    start = end;
  }
  return {
    scored,
    distinct_scores: distinct,
    tied_accounts: tied,
    tied_share: scored === 0 ? null : tied / scored,
    largest_group: largest,
    // With no score repeated there is no group to name (the top score would differ between imports in its last ulp).
    largest_group_score: largest > 1 ? largestScore : null,
  };
}

/**
 * The tie-extended prefix of depth d (Webber et al. 2010, section 5: tied items all occur at the depth of the first
 * of them): every account whose tie group starts before position d. Its length, for 1 <= d <= order.length.
 */
export function extendedPrefixLength(ranking: TiedRanking, depth: number): number {
  return depth <= 0 ? 0 : ranking.groupEnd[Math.min(depth, ranking.order.length) - 1]!;
}

/**
 * A tie-extended prefix that grows with depth, over a ranking whose accounts may carry bootstrap multiplicities
 * (`weights[i]` copies of account i; copies tie with each other, so a group enters whole, copies included).
 * `members[i]` is 1 once account i is in the prefix.
 */
export class TiedPrefix {
  readonly members: Uint8Array;
  /** Copies in the prefix so far: the depth at which the next group starts. */
  length = 0;
  /** Copies in the whole ranking. */
  readonly total: number;
  /** Positions of the ranking's order in the prefix so far: it holds order[0..end). */
  end = 0;

  constructor(
    private readonly ranking: TiedRanking,
    private readonly weights: Uint32Array | null,
    bound: number,
  ) {
    this.members = new Uint8Array(bound);
    let total = ranking.order.length;
    if (weights) {
      total = 0;
      for (const i of ranking.order) total += weights[i]!;
    }
    this.total = total;
  }

  /** Adds every group that starts before `depth`; returns the copies added that `other` (if given) already holds. */
  extendTo(depth: number, other: Uint8Array | null = null): number {
    const { order, groupEnd } = this.ranking;
    let shared = 0;
    while (this.length < depth && this.end < order.length) {
      const end = groupEnd[this.end]!;
      for (let position = this.end; position < end; position++) {
        const account = order[position]!;
        const copies = this.weights ? this.weights[account]! : 1;
        this.members[account] = 1;
        this.length += copies;
        if (other?.[account]) shared += copies;
      }
      this.end = end;
    }
    return shared;
  }
}

/** One past the largest account index of either ranking: the size of a membership array over both. */
export function indexBound(a: TiedRanking, b: TiedRanking): number {
  let max = -1;
  for (const order of [a.order, b.order]) for (let i = 0; i < order.length; i++) if (order[i]! > max) max = order[i]!;
  return max + 1;
}
