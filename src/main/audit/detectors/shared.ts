import type { AuditData } from '../data';
import { INTERACTION_KINDS } from '../../../shared/domain';
import type { CaseKind, DetectedCase } from '../case';

/**
 * A gaming detector: docs/AUDIT.md defines its kind, and its thresholds are numeric options with the documented
 * defaults (options are type aliases, so each detector also fits the general `GamingDetector`).
 */
export interface GamingDetector<Options extends Readonly<Record<string, number>> = Readonly<Record<string, number>>> {
  kind: CaseKind;
  defaults: Readonly<Options>;
  detect(data: AuditData, options?: Partial<Options>): DetectedCase[];
}

export const DAY_MS = 24 * 60 * 60 * 1000;

const REACTION_KINDS: readonly string[] = ['retweet', 'quote', 'reply', 'mention'];
/** Reactions (docs/AUDIT.md) by kind index (AuditData kinds index INTERACTION_KINDS), for the hot loops. */
export const isReactionKind: readonly boolean[] = INTERACTION_KINDS.map((kind) => REACTION_KINDS.includes(kind));

/**
 * Items grouped by a key in 0..groups-1 with a counting sort (O(items + groups), no comparisons): the items of
 * group g are `items[start[g]]` up to `items[start[g + 1]]`, in ascending item order. Items whose key is < 0 are left out.
 */
export interface Groups {
  start: Int32Array;
  items: Int32Array;
}

export function groupBy(count: number, groups: number, keyOf: (item: number) => number): Groups {
  const start = new Int32Array(groups + 1);
  for (let item = 0; item < count; item++) {
    const key = keyOf(item);
    if (key >= 0) start[key + 1]!++;
  }
  for (let group = 0; group < groups; group++) start[group + 1]! += start[group]!;
  const items = new Int32Array(start[groups]!);
  const next = start.slice(0, groups);
  for (let item = 0; item < count; item++) {
    const key = keyOf(item);
    if (key >= 0) items[next[key]!++] = item;
  }
  return { start, items };
}

/**
 * Interactions of the chosen kinds grouped by actor or target. Self-interactions (a self-reply in a thread, a
 * self-mention) are left out everywhere: attention one gives oneself is not engagement, nor a tie to anyone.
 */
export function interactionsBy(data: AuditData, side: 'actor' | 'target', include: (kind: number) => boolean): Groups {
  const { actor, target, kind } = data.interactions;
  const key = side === 'actor' ? actor : target;
  return groupBy(data.interactions.count, data.accounts.count, (at) =>
    actor[at] !== target[at] && include(kind[at]!) ? key[at]! : -1,
  );
}

/** The distinct values of a list with how often each occurs, values ascending. */
export function countDistinct(values: Int32Array): { values: Int32Array; counts: Int32Array } {
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let at = 0; at < sorted.length; at++) if (at === 0 || sorted[at] !== sorted[at - 1]) distinct++;
  const out = { values: new Int32Array(distinct), counts: new Int32Array(distinct) };
  let slot = -1;
  for (let at = 0; at < sorted.length; at++) {
    if (at === 0 || sorted[at] !== sorted[at - 1]) out.values[++slot] = sorted[at]!;
    out.counts[slot]!++;
  }
  return out;
}

/** Whether a sorted Int32Array holds a value (binary search). */
export function sortedHas(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] === value;
}

/** A gaming case (no topic strength: that belongs to topic assignments). */
export function gamingCase(
  kind: CaseKind,
  accounts: number[],
  evidence: DetectedCase['evidence'],
  interactions: number[],
  topic: string | null = null,
): DetectedCase {
  return { kind, accounts, topic, strength: null, evidence, interactions };
}

/** Cases in the audit's stable order within a kind: by subject account, then topic (code-point order, not locale). */
export function bySubject(cases: DetectedCase[]): DetectedCase[] {
  const topicOrder = (a: string | null, b: string | null) => (a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1);
  return cases.sort((a, b) => a.accounts[0]! - b.accounts[0]! || topicOrder(a.topic, b.topic));
}

/**
 * part / whole >= share. Dividing keeps the boundary exact: 7 of 10 gives the same double as the literal 0.7,
 * where 0.7 * 10 need not equal 7.
 */
export const shareAtLeast = (part: number, whole: number, share: number) => whole > 0 && part / whole >= share;
