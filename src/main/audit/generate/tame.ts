import { DAY, START, type WorldBuilder } from './world';

/** Half of a detector's 30-day window: any 30-day window lies within three consecutive bins. */
const BIN = 15 * DAY;
/** score_jump needs >= 20 reactions and >= 5x the earlier mean; ordinary accounts stay at <= 15 or < 3.5x. */
const MAX_SPAN = 15;
const MAX_RATIO = 3.5;

/**
 * Cascades give an account a burst of reactions now and then, and a burst early in the year, over a short history,
 * can meet score_jump. For every ordinary account this drops retweets of its posts (the latest first) wherever any
 * 45-day span holds more than max(15, 3.5 x the mean per 30 days before it). The world thus grows in as a
 * platform does: a popular account's reactions ramp up over its first months.
 */
export function tameScoreJumps(builder: WorldBuilder): void {
  const { posts } = builder.world;
  const byTarget: { time: number; post: number }[][] = Array.from({ length: builder.ordinary }, () => []);
  for (let p = 0; p < posts.length; p++) {
    const post = posts[p]!;
    const targets = post.kind === 'retweet' ? [] : post.mentions.slice();
    if (post.ref >= 0) targets.push(posts[post.ref]!.author);
    for (const target of targets) if (target < builder.ordinary && target !== post.author) byTarget[target]!.push({ time: post.time, post: p });
  }
  for (const reactions of byTarget) {
    if (reactions.length <= MAX_SPAN) continue;
    const binCount = Math.floor((Math.max(...reactions.map((r) => r.time)) - START) / BIN) + 3;
    const bins = new Array<number>(binCount).fill(0);
    const removable: number[][] = Array.from({ length: binCount }, () => []);
    reactions.sort((a, b) => a.time - b.time);
    for (const { time, post } of reactions) {
      const bin = Math.floor((time - START) / BIN);
      bins[bin]!++;
      if (posts[post]!.kind === 'retweet') removable[bin]!.push(post);
    }
    let before = 0;
    for (let b = 0; b + 2 < binCount; b++) {
      const limit = Math.max(MAX_SPAN, Math.floor(MAX_RATIO * (b === 0 ? 0 : (2 * before) / b)));
      for (let last = b + 2; last >= b; last--) {
        while (bins[b]! + bins[b + 1]! + bins[b + 2]! > limit && removable[last]!.length > 0) {
          posts[removable[last]!.pop()!]!.removed = true;
          bins[last]!--;
        }
      }
      before += bins[b]!;
    }
  }
}
