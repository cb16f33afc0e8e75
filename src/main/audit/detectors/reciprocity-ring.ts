import type { AuditData } from '../data';
import type { DetectedCase } from '../case';
import { bySubject, gamingCase, interactionsBy, shareAtLeast, type GamingDetector } from './shared';

export type ReciprocityRingOptions = {
  minMembers: number;
  /** Share of a member's interactions (all kinds) that must go to other members. */
  minInsideShare: number;
  /** Interactions a member must give to other members. */
  minInsideInteractions: number;
};

/**
 * Directed pairs actor -> target with how many interactions run each way, as a CSR by actor with targets sorted.
 * `back[p]` > 0 exactly when the pair is mutual.
 */
interface Pairs {
  start: Int32Array;
  target: Int32Array;
  count: Int32Array;
  back: Int32Array;
}

function buildPairs(data: AuditData): { pairs: Pairs; given: Int32Array; byActor: ReturnType<typeof interactionsBy> } {
  const n = data.accounts.count;
  const byActor = interactionsBy(data, 'actor', () => true);
  const targets = Int32Array.from(byActor.items, (at) => data.interactions.target[at]!);
  const given = new Int32Array(n);
  const start = new Int32Array(n + 1);
  let distinct = 0;
  for (let a = 0; a < n; a++) {
    const list = targets.subarray(byActor.start[a]!, byActor.start[a + 1]!).sort();
    given[a] = list.length;
    for (let at = 0; at < list.length; at++) if (at === 0 || list[at] !== list[at - 1]) distinct++;
    start[a + 1] = distinct;
  }
  const target = new Int32Array(distinct);
  const count = new Int32Array(distinct);
  for (let a = 0, slot = -1; a < n; a++) {
    const list = targets.subarray(byActor.start[a]!, byActor.start[a + 1]!);
    for (let at = 0; at < list.length; at++) {
      if (at === 0 || list[at] !== list[at - 1]) target[++slot] = list[at]!;
      count[slot]!++;
    }
  }
  const pairs: Pairs = { start, target, count, back: new Int32Array(distinct) };
  for (let a = 0; a < n; a++) {
    for (let p = start[a]!; p < start[a + 1]!; p++) {
      const q = findPair(pairs, target[p]!, a);
      if (q >= 0) pairs.back[p] = count[q]!;
    }
  }
  return { pairs, given, byActor };
}

/** The pair slot of actor -> target, or -1 (binary search in the actor's sorted targets). */
function findPair(pairs: Pairs, actor: number, target: number): number {
  let low = pairs.start[actor]!;
  let high = pairs.start[actor + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (pairs.target[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low < pairs.start[actor + 1]! && pairs.target[low] === target ? low : -1;
}

/**
 * Groups of >= 3 accounts, every pair mutual, each member giving >= 70% (and >= 5) of its interactions to the others.
 *
 * How: (1) candidates are peeled like a k-core: an account whose interactions to its mutual partners among the
 * candidates fall short of the thresholds, or with too few such partners, can be in no ring (any ring is a subset
 * of those partners), so it is removed and its partners are rechecked; O(pairs log degree). (2) From each remaining
 * candidate in index order, a clique is grown greedily over its mutual partners, strongest tie first (ties by index),
 * keeping only partners mutual with every member so far. (3) Members that fail the share within that clique are
 * peeled until stable; a clique left with >= 3 members is a ring and its members join no other ring. Greedy growth
 * is not an exact maximum-clique search, but every reported ring meets the definition, and it costs
 * O(degree x clique size x log degree) per surviving candidate where Bron-Kerbosch can be exponential
 * (10M random interactions: about 3 s, mostly building the pairs).
 */
function detect(data: AuditData, options: Partial<ReciprocityRingOptions> = {}): DetectedCase[] {
  const o = { ...reciprocityRing.defaults, ...options };
  const n = data.accounts.count;
  const { pairs, given, byActor } = buildPairs(data);
  const alive = new Uint8Array(n);
  const inside = new Float64Array(n);
  const partners = new Int32Array(n);
  const falls = (a: number) =>
    partners[a]! < o.minMembers - 1 || inside[a]! < o.minInsideInteractions || !shareAtLeast(inside[a]!, given[a]!, o.minInsideShare);
  for (let a = 0; a < n; a++) alive[a] = given[a]! >= o.minInsideInteractions ? 1 : 0;
  for (let a = 0; a < n; a++) {
    if (!alive[a]) continue;
    for (let p = pairs.start[a]!; p < pairs.start[a + 1]!; p++) {
      if (pairs.back[p]! > 0 && alive[pairs.target[p]!]) {
        inside[a]! += pairs.count[p]!;
        partners[a]!++;
      }
    }
  }
  const queue: number[] = [];
  const drop = (a: number) => {
    alive[a] = 0;
    queue.push(a);
  };
  for (let a = 0; a < n; a++) if (alive[a] && falls(a)) drop(a);
  while (queue.length > 0) {
    const gone = queue.pop()!;
    for (let p = pairs.start[gone]!; p < pairs.start[gone + 1]!; p++) {
      const b = pairs.target[p]!;
      if (pairs.back[p] === 0 || !alive[b]) continue;
      inside[b]! -= pairs.back[p]!;
      partners[b]!--;
      if (falls(b)) drop(b);
    }
  }

  const ringOf = new Int32Array(n).fill(-1);
  const cases: DetectedCase[] = [];
  for (let seed = 0; seed < n; seed++) {
    if (!alive[seed] || ringOf[seed]! >= 0) continue;
    const members = peel(pairs, given, growClique(pairs, seed, (b) => alive[b] === 1 && ringOf[b]! < 0), o);
    if (members.length < o.minMembers) continue;
    for (const member of members) ringOf[member] = cases.length;
    cases.push(ringCase(data, pairs, given, byActor, ringOf, members));
  }
  return bySubject(cases);
}

function isMutual(pairs: Pairs, a: number, b: number): boolean {
  const p = findPair(pairs, a, b);
  return p >= 0 && pairs.back[p]! > 0;
}

function growClique(pairs: Pairs, seed: number, eligible: (b: number) => boolean): number[] {
  const order: number[] = [];
  for (let p = pairs.start[seed]!; p < pairs.start[seed + 1]!; p++) {
    if (pairs.back[p]! > 0 && eligible(pairs.target[p]!)) order.push(p);
  }
  order.sort((p, q) => pairs.count[q]! + pairs.back[q]! - pairs.count[p]! - pairs.back[p]! || pairs.target[p]! - pairs.target[q]!);
  let open = order.map((p) => pairs.target[p]!);
  const members = [seed];
  while (open.length > 0) {
    const next = open[0]!;
    members.push(next);
    open = open.slice(1).filter((b) => isMutual(pairs, next, b));
  }
  return members;
}

/** Drops members whose interactions to the other members fall short, until every one left meets the thresholds. */
function peel(pairs: Pairs, given: Int32Array, members: number[], o: ReciprocityRingOptions): number[] {
  for (;;) {
    const kept = members.filter((a) => {
      const toOthers = insideCount(pairs, a, members);
      return toOthers >= o.minInsideInteractions && shareAtLeast(toOthers, given[a]!, o.minInsideShare);
    });
    if (kept.length === members.length || kept.length < o.minMembers) return kept;
    members = kept;
  }
}

function insideCount(pairs: Pairs, a: number, members: readonly number[]): number {
  let total = 0;
  for (const b of members) {
    const p = b === a ? -1 : findPair(pairs, a, b);
    if (p >= 0) total += pairs.count[p]!;
  }
  return total;
}

function ringCase(
  data: AuditData,
  pairs: Pairs,
  given: Int32Array,
  byActor: ReturnType<typeof interactionsBy>,
  ringOf: Int32Array,
  members: number[],
): DetectedCase {
  members.sort((a, b) => a - b);
  const ring = ringOf[members[0]!]!;
  const interactions: number[] = [];
  for (const a of members) {
    for (let at = byActor.start[a]!; at < byActor.start[a + 1]!; at++) {
      const index = byActor.items[at]!;
      if (ringOf[data.interactions.target[index]!] === ring) interactions.push(index);
    }
  }
  interactions.sort((a, b) => a - b);
  return gamingCase(
    'reciprocity_ring',
    members,
    [
      { label: 'interactions inside the ring', value: interactions.length },
      ...members.map((account) => ({
        label: 'share of the member’s interactions given inside the ring',
        account,
        value: insideCount(pairs, account, members) / given[account]!,
      })),
    ],
    interactions,
  );
}

export const reciprocityRing: GamingDetector<ReciprocityRingOptions> = {
  kind: 'reciprocity_ring',
  defaults: { minMembers: 3, minInsideShare: 0.7, minInsideInteractions: 5 },
  detect,
};
