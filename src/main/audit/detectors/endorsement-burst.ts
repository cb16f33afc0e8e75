import type { AuditData } from '../data';
import { kindIndex } from '../data';
import type { DetectedCase } from '../case';
import { bySubject, DAY_MS, gamingCase, groupBy, shareAtLeast, type GamingDetector } from './shared';

export type EndorsementBurstOptions = {
  minEndorsements: number;
  windowDays: number;
  /** Share of the window's endorsements that must come from accounts that never post about the topic. */
  minOutsiderShare: number;
};

/**
 * Whether an account ever posts about a topic: a post whose hashtags hold the topic (spaces dropped, so
 * "minnesota twins" matches #minnesotatwins) or whose text holds it as a whole word, case-insensitively.
 * Answers are cached per (account, topic), so each endorser's posts are read once per topic.
 */
function topicPosters(data: AuditData): (account: number, topic: string) => boolean {
  const { posts } = data;
  const byAuthor = groupBy(posts.count, data.accounts.count, (post) => posts.author[post]!);
  const lowered: (string | undefined)[] = [];
  const patterns = new Map<string, RegExp>();
  const known = new Map<string, boolean>();
  return (account, topic) => {
    const key = `${account} ${topic}`;
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    let pattern = patterns.get(topic);
    if (!pattern) {
      const escaped = topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
      patterns.set(topic, pattern);
    }
    const tag = topic.replace(/\s+/g, '');
    let found = false;
    for (let at = byAuthor.start[account]!; at < byAuthor.start[account + 1]! && !found; at++) {
      const post = byAuthor.items[at]!;
      lowered[post] ??= (posts.text[post] ?? '').toLowerCase();
      found = posts.hashtags[post]!.includes(tag) || pattern.test(lowered[post]);
    }
    known.set(key, found);
    return found;
  };
}

/**
 * >= 10 endorsements on one topic to one account within 7 days, >= 80% of them by accounts that never post about
 * the topic. A window is every endorsement of the (account, topic) between two times at most 7 days apart;
 * endorsements without a time cannot be placed and are left out.
 *
 * How: endorsements sorted by (account, topic, time), outsiders (endorsers who never post about the topic) counted
 * by prefix sums; for each window end the best start comes from a sliding-window minimum (see bestWindow), so a
 * group of k endorsements costs O(k) after the sort. One case per (account, topic), for its largest qualifying
 * window (a second, separate burst on the same topic shows in that case only as far as it overlaps it).
 */
function detect(data: AuditData, options: Partial<EndorsementBurstOptions> = {}): DetectedCase[] {
  const o = { ...endorsementBurst.defaults, ...options };
  const { actor, target, kind, time, topic } = data.interactions;
  const endorse = kindIndex('endorse');
  const order: number[] = [];
  for (let at = 0; at < data.interactions.count; at++) {
    if (kind[at] === endorse && topic[at] !== null && actor[at] !== target[at] && Number.isFinite(time[at]!)) order.push(at);
  }
  const topicOf = (at: number) => topic[at]!;
  order.sort((a, b) => target[a]! - target[b]! || (topicOf(a) < topicOf(b) ? -1 : topicOf(a) > topicOf(b) ? 1 : 0) || time[a]! - time[b]! || a - b);
  const postsAbout = topicPosters(data);
  const windowMs = o.windowDays * DAY_MS;
  const cases: DetectedCase[] = [];
  for (let first = 0; first < order.length; ) {
    let end = first;
    while (end < order.length && target[order[end]!] === target[order[first]!] && topic[order[end]!] === topic[order[first]!]) end++;
    const group = order.slice(first, end);
    first = end;
    if (group.length < o.minEndorsements) continue;
    const subject = target[group[0]!]!;
    const about = topicOf(group[0]!);
    const outsider = group.map((at) => !postsAbout(actor[at]!, about));
    const outsiders = new Int32Array(group.length + 1);
    for (let at = 0; at < group.length; at++) outsiders[at + 1] = outsiders[at]! + (outsider[at] ? 1 : 0);
    const best = bestWindow(group.map((at) => time[at]!), outsiders, o, windowMs);
    if (best) cases.push(burstCase(data, subject, about, group.slice(best.start, best.end + 1), outsider.slice(best.start, best.end + 1)));
  }
  return bySubject(cases);
}

/**
 * The window [start, end] with the most endorsements among those found by taking, for each end, the start that
 * maximises outsiders - share * length (window span <= windowMs, length >= minEndorsements): if any start
 * qualifies for an end, that one does. Keys are compared with a tolerance so that float noise in share * index
 * cannot break a tie towards the later start.
 */
function bestWindow(times: number[], outsiders: Int32Array, o: EndorsementBurstOptions, windowMs: number) {
  const key = (start: number) => outsiders[start]! - o.minOutsiderShare * start;
  let best: { start: number; end: number } | null = null;
  const deque: number[] = [];
  let head = 0;
  let low = 0;
  for (let end = o.minEndorsements - 1; end < times.length; end++) {
    // Starts enter as the window grows long enough and leave when they fall more than windowMs before `end`.
    const entering = end - o.minEndorsements + 1;
    while (deque.length > head && key(deque[deque.length - 1]!) > key(entering) + 1e-9) deque.pop();
    deque.push(entering);
    while (times[end]! - times[low]! > windowMs) low++;
    while (head < deque.length && deque[head]! < low) head++;
    if (head === deque.length) continue;
    const start = deque[head]!;
    if (!shareAtLeast(outsiders[end + 1]! - outsiders[start]!, end + 1 - start, o.minOutsiderShare)) continue;
    if (!best || end - start > best.end - best.start) best = { start, end };
  }
  return best;
}

function burstCase(data: AuditData, subject: number, topic: string, burst: number[], outsider: boolean[]): DetectedCase {
  const { actor, time } = data.interactions;
  const endorsers = [...new Set(burst.map((at) => actor[at]!))].sort((a, b) => a - b);
  const outsiders = outsider.filter(Boolean).length;
  return gamingCase(
    'endorsement_burst',
    [subject, ...endorsers],
    [
      { label: 'window start', value: time[burst[0]!]! },
      { label: 'window end', value: time[burst[burst.length - 1]!]! },
      { label: 'endorsements in the window', value: burst.length },
      { label: 'share by endorsers who never post about the topic', value: outsiders / burst.length },
      ...burst.map((at) => ({ label: 'endorsement (value: time)', account: actor[at]!, interaction: at, value: time[at]! })),
    ],
    burst,
    topic,
  );
}

export const endorsementBurst: GamingDetector<EndorsementBurstOptions> = {
  kind: 'endorsement_burst',
  defaults: { minEndorsements: 10, windowDays: 7, minOutsiderShare: 0.8 },
  detect,
};
