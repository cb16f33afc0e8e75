import type { ApiName } from '../../../shared/api';
import type { Result } from '../../../shared/domain';
import { client, type Input, type Output } from '../api';

/**
 * Calls that only read. Any other call may change stored data, so when one finishes every cached answer is dropped;
 * a read missing from this list is merely never cached (the safe side).
 */
const READS: ReadonlySet<ApiName> = new Set<ApiName>([
  'datasets.list', 'datasets.show', 'datasets.preview', 'models.list', 'models.problems', 'runs.list', 'runs.show',
  'runs.scores', 'runs.explain', 'runs.verify', 'analysis.compare', 'analysis.disagreements', 'analysis.distribution',
  'analysis.cascades', 'analysis.cascade', 'analysis.ego', 'audit.latest', 'audit.runs', 'audit.topics', 'audit.top',
  'audit.places', 'overview.dataset', 'accounts.show',
]);

/**
 * Reads whose answer is fixed by their input: a stored run never changes, so its detail, scores, explanations,
 * distribution and comparisons are served from the cache without asking again. Every other read shows its cached
 * answer at once and, once it is older than FRESH_MS, asks again, as another window or the CLI may have imported or
 * scored meanwhile.
 */
const FIXED_BY_INPUT: ReadonlySet<ApiName> = new Set<ApiName>([
  'runs.show', 'runs.scores', 'runs.explain', 'analysis.compare', 'analysis.disagreements', 'analysis.distribution',
]);

/**
 * Reads that only the listed calls can change: every other write leaves their kept answer in place, so the Models
 * view shows its list at once after a score or an import (it is asked again on each visit all the same, so a model
 * added from the CLI appears).
 */
const CHANGED_ONLY_BY: Partial<Record<ApiName, readonly ApiName[]>> = {
  'models.list': ['models.add'],
  'models.problems': ['models.add'],
};

/**
 * How long any other read's answer is served without asking again: the components of one view mount as answers
 * arrive, each asking for the same run list and model list; on the compare view that was 14 identical calls in
 * 1.4 s, each queued on the engine's one thread with the calls the view was waiting for. A write of this page drops
 * the answers at once (finished); one from the CLI or another window shows after at most this long.
 */
const FRESH_MS = 3_000;

/** Enough for the views one moves between (8 views, a few calls each) without holding many whole-run score lists. */
const MAX_ANSWERS = 32;

interface Entry {
  name: ApiName;
  answer: Promise<Result<unknown>>;
  /** The answer once it came (only successful answers stay in the map). */
  result: Result<unknown> | null;
  /** Components waiting on the answer while it is in flight; when the last leaves, the call is cancelled. */
  waiting: number;
  controller: AbortController;
  settled: boolean;
  /** When the answer came (performance.now()), for FRESH_MS. */
  settledAt: number;
}

const entries = new Map<string, Entry>();

const isRead = (name: ApiName): boolean => READS.has(name);
export const callKey = (name: ApiName, input: unknown): string => `${name} ${JSON.stringify(input)}`;

/** The answer kept for this call and input, if any, so a view shows it at once while it is asked again. */
export function keptAnswer<N extends ApiName>(name: N, input: Input<N>): Output<N> | null {
  const result = entries.get(callKey(name, input))?.result;
  return result?.ok ? (result.value as Output<N>) : null;
}

/** A call ended: if it may have written, every kept answer it may have changed is dropped (reads in flight carry on). */
export function finished(name: ApiName): void {
  if (isRead(name)) return;
  for (const [key, entry] of entries) {
    const changedBy = CHANGED_ONLY_BY[entry.name];
    if (entry.settled && (!changedBy || changedBy.includes(name))) entries.delete(key);
  }
}

/**
 * Asks for a read before any view needs it, so the view that does shows it at once: the page asks for the model
 * list as it opens (about 45 KB of descriptors, which kept the Models view empty for the length of a call).
 */
export function prefetch<N extends ApiName>(name: N, input: Input<N>): void {
  void cachedRead(name, input, new AbortController().signal, false);
}

/**
 * A read through the cache: identical reads in flight share one request, a settled answer of a call fixed by its
 * input is reused, and `fresh` asks again even so. The signal releases this caller; the request is cancelled only
 * when no caller waits on it any more. Failed answers are not kept.
 */
export function cachedRead<N extends ApiName>(name: N, input: Input<N>, signal: AbortSignal, fresh: boolean): Promise<Result<Output<N>>> {
  if (!isRead(name)) return client.call(name, input, { signal }).finally(() => finished(name));
  const key = callKey(name, input);
  let entry = entries.get(key);
  const stale = (settled: Entry) => !FIXED_BY_INPUT.has(name) && performance.now() - settled.settledAt > FRESH_MS;
  if (!entry || (entry.settled && (fresh || stale(entry)))) {
    const controller = new AbortController();
    const created: Entry = { name, answer: client.call(name, input, { signal: controller.signal }), result: null, waiting: 0, controller, settled: false, settledAt: 0 };
    entry = created;
    entries.set(key, created);
    void created.answer.then((result) => {
      created.settled = true;
      created.settledAt = performance.now();
      created.result = result;
      if (!result.ok && entries.get(key) === created) entries.delete(key);
      trim();
    });
  }
  const current = entry;
  if (!current.settled) {
    current.waiting++;
    signal.addEventListener('abort', () => {
      current.waiting--;
      if (current.waiting === 0 && !current.settled) {
        current.controller.abort();
        if (entries.get(key) === current) entries.delete(key);
      }
    }, { once: true });
  }
  // Moved to the end of the map's order: the map is the LRU list, oldest first.
  entries.delete(key);
  entries.set(key, current);
  return current.answer as Promise<Result<Output<N>>>;
}

function trim(): void {
  for (const [key, entry] of entries) {
    if (entries.size <= MAX_ANSWERS) return;
    if (entry.settled) entries.delete(key);
  }
}
