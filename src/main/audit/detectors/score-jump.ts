import type { AuditData } from '../data';
import type { DetectedCase } from '../case';
import { DAY_MS, gamingCase, interactionsBy, isReactionKind, type GamingDetector } from './shared';

export type ScoreJumpOptions = {
  windowDays: number;
  minReactions: number;
  /** How many times the mean of the earlier windows the jump window must reach. */
  minRatio: number;
};

/**
 * An account whose reactions received in a 30-day window are >= 20 and >= 5 times the mean of its earlier
 * windows. Windows are aligned to the dataset's earliest interaction time (so every account shares them, and an
 * account's earlier windows include the empty ones before its first reaction); window 0 has no earlier window and
 * cannot jump. Reactions without a time are left out. When several windows qualify the case reports the one with
 * the most reactions (ties: the earliest), whose reactions are what the what-if removes.
 * O(reactions log reactions) for the per-account sorts of window numbers.
 */
function detect(data: AuditData, options: Partial<ScoreJumpOptions> = {}): DetectedCase[] {
  const o = { ...scoreJump.defaults, ...options };
  const { time } = data.interactions;
  let origin = Number.POSITIVE_INFINITY;
  for (let at = 0; at < data.interactions.count; at++) if (time[at]! < origin) origin = time[at]!;
  const windowMs = o.windowDays * DAY_MS;
  const windowOf = (at: number) => Math.floor((time[at]! - origin) / windowMs);
  const received = interactionsBy(data, 'target', (kind) => isReactionKind[kind]!);
  const cases: DetectedCase[] = [];
  for (let account = 0; account < data.accounts.count; account++) {
    const reactions = Array.from(received.items.subarray(received.start[account]!, received.start[account + 1]!))
      .filter((at) => Number.isFinite(time[at]!));
    if (reactions.length < o.minReactions) continue;
    reactions.sort((a, b) => time[a]! - time[b]! || a - b);
    // Runs of one window in time order: the windows with reactions, each with its count and first reaction.
    const runs: { window: number; first: number; count: number }[] = [];
    for (let position = 0; position < reactions.length; position++) {
      const window = windowOf(reactions[position]!);
      const last = runs[runs.length - 1];
      if (last?.window === window) last.count++;
      else runs.push({ window, first: position, count: 1 });
    }
    let before = 0;
    let jump: { run: number; mean: number } | null = null;
    for (let index = 0; index < runs.length; index++) {
      const run = runs[index]!;
      const mean = before / run.window;
      if (run.window > 0 && run.count >= o.minReactions && run.count >= o.minRatio * mean) {
        if (!jump || run.count > runs[jump.run]!.count) jump = { run: index, mean };
      }
      before += run.count;
    }
    if (jump) cases.push(jumpCase(account, runs, jump, reactions, origin, windowMs));
  }
  return cases;
}

function jumpCase(
  account: number,
  runs: { window: number; first: number; count: number }[],
  jump: { run: number; mean: number },
  reactions: number[],
  origin: number,
  windowMs: number,
): DetectedCase {
  const run = runs[jump.run]!;
  const start = origin + run.window * windowMs;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return gamingCase(
    'score_jump',
    [account],
    [
      { label: 'jump window start', value: start },
      { label: 'jump window end (exclusive)', value: start + windowMs },
      { label: 'reactions in the jump window', value: run.count },
      { label: 'mean reactions per earlier window', value: jump.mean },
      // Windows without reactions are not listed: they count as 0 in the mean.
      ...runs.map((other) => ({ label: `reactions in the window from ${day(origin + other.window * windowMs)}`, value: other.count })),
    ],
    reactions.slice(run.first, run.first + run.count).sort((a, b) => a - b),
  );
}

export const scoreJump: GamingDetector<ScoreJumpOptions> = {
  kind: 'score_jump',
  defaults: { windowDays: 30, minReactions: 20, minRatio: 5 },
  detect,
};
