import type { InteractionColumns, PostColumns, ScoreContext } from '../model';

const DAY_MS = 86_400_000;
const CANCEL_CHECK_MASK = 0xffff;

/** The time window of a Klout run: times in (start, end] count. */
export interface KloutWindow {
  /** False when the dataset has no times at all: then everything counts and no window applies. */
  timed: boolean;
  start: number;
  end: number;
  notes: string[];
}

/** A date alone names a whole UTC day, which the window then includes. */
export function kloutWindowEnd(asOf: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? Date.parse(asOf) + DAY_MS - 1 : Date.parse(asOf);
}

function scan(times: Float64Array, count: number, context: ScoreContext): { latest: number; unknown: number } {
  let latest = -Infinity;
  let unknown = 0;
  for (let i = 0; i < count; i++) {
    if ((i & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    const time = times[i]!;
    if (Number.isNaN(time)) unknown++;
    else if (time > latest) latest = time;
  }
  return { latest, unknown };
}

/**
 * The default end is the latest known time rather than the clock, so that the same dataset and parameters always
 * give the same scores.
 */
export function kloutWindow(
  interactions: InteractionColumns,
  posts: PostColumns,
  windowDays: number,
  asOf: string | undefined,
  context: ScoreContext,
): KloutWindow {
  const acts = scan(interactions.time, interactions.count, context);
  const written = scan(posts.createdAt, posts.count, context);
  const latest = Math.max(acts.latest, written.latest);
  if (latest === -Infinity) {
    const notes = ['the dataset has no times: every interaction and post counts, no window applies'];
    if (asOf !== undefined) notes.push(`as_of ${asOf} has no effect without times`);
    return { timed: false, start: -Infinity, end: Infinity, notes };
  }
  const end = asOf === undefined ? latest : kloutWindowEnd(asOf);
  const notes =
    acts.unknown + written.unknown > 0
      ? [`left out for unknown time: ${acts.unknown} interactions, ${written.unknown} posts`]
      : [];
  return { timed: true, start: end - windowDays * DAY_MS, end, notes };
}

export function inKloutWindow(window: KloutWindow, time: number): boolean {
  return !window.timed || (time > window.start && time <= window.end);
}
