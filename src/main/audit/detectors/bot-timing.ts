import type { AuditData } from '../data';
import type { DetectedCase } from '../case';
import { gamingCase, groupBy, interactionsBy, type GamingDetector } from './shared';

export type BotTimingOptions = {
  minPosts: number;
  /** Coefficient of variation (population standard deviation / mean) of the intervals must be below this. */
  maxIntervalCv: number;
};

/**
 * An account with >= 20 posts (any kind) with known times whose consecutive intervals have a coefficient of
 * variation below 0.1: a scheduler's clockwork, where people post in bursts. Posts all at one instant have no CV
 * and are not flagged. Regular timing is not produced by any interaction, so nothing the account received undoes
 * the case; the what-if instead removes every interaction the account gave, which shows what its automated
 * amplification did to the scores of others. O(posts log posts).
 */
function detect(data: AuditData, options: Partial<BotTimingOptions> = {}): DetectedCase[] {
  const o = { ...botTiming.defaults, ...options };
  const { author, createdAt } = data.posts;
  const byAuthor = groupBy(data.posts.count, data.accounts.count, (post) => (Number.isFinite(createdAt[post]!) ? author[post]! : -1));
  let given: ReturnType<typeof interactionsBy> | null = null;
  const cases: DetectedCase[] = [];
  for (let account = 0; account < data.accounts.count; account++) {
    const count = byAuthor.start[account + 1]! - byAuthor.start[account]!;
    if (count < o.minPosts) continue;
    const times = Float64Array.from(byAuthor.items.subarray(byAuthor.start[account]!, byAuthor.start[account + 1]!), (post) => createdAt[post]!).sort();
    const intervals = times.subarray(1).map((t, at) => t - times[at]!);
    const mean = intervals.reduce((sum, gap) => sum + gap, 0) / intervals.length;
    if (!(mean > 0)) continue;
    const variance = intervals.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / intervals.length;
    const cv = Math.sqrt(variance) / mean;
    if (!(cv < o.maxIntervalCv)) continue;
    // Built only when some account is flagged: most datasets have none.
    given ??= interactionsBy(data, 'actor', () => true);
    cases.push(
      gamingCase(
        'bot_like_timing',
        [account],
        [
          { label: 'posts with a known time', value: count },
          { label: 'mean interval between posts (ms)', value: mean },
          { label: 'coefficient of variation of the intervals', value: cv },
        ],
        Array.from(given.items.subarray(given.start[account]!, given.start[account + 1]!)),
      ),
    );
  }
  return cases;
}

export const botTiming: GamingDetector<BotTimingOptions> = {
  kind: 'bot_like_timing',
  defaults: { minPosts: 20, maxIntervalCv: 0.1 },
  detect,
};
