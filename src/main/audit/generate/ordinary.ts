import { DAY, START, WorldBuilder, YEAR } from './world';
import { BIO_BY_TOPIC, FIRST_NAMES, LAST_NAMES, LOCATIONS, ORDINARY_TOPICS, TOPICS } from './vocabulary';

/**
 * Limits that keep ordinary accounts clearly outside every gaming definition of docs/AUDIT.md by construction:
 * - at most REACTION_CAP reactions from one account to another, so the top 3 reactors of an account with 20 or
 *   more reactions give at most 12/20 = 60% (concentrated_engagement needs 80%), and two partners of a would-be
 *   ring get at most 2 x (1 follow + 4 reactions + 1 endorsement) = 12 of a member's >= 20 interactions (60% < 70%);
 * - at least MIN_FOLLOWS follows (the ring bound above) and at most MAX_FOLLOWS (follow_back needs 50);
 * - posting times drawn independently over the year, so intervals have a CV near 1 (bot_like_timing needs < 0.1).
 * Score jumps are guarded after the fact (tame.ts): cascades make bursts that no construction rule bounds.
 */
export const REACTION_CAP = 4;
const MIN_FOLLOWS = 10;
const MAX_FOLLOWS = 45;
const FOLLOW_BACK = 0.25;
/** Own posts an ordinary account writes on each of its topics at least. */
export const MIN_TOPIC_POSTS = 5;
/** Independent Cascade activation probabilities: followers who share the post's topic pass it on more often. */
const P_INTERESTED = 0.06;
const P_OTHER = 0.012;
/** Keeps one cascade from flooding a million-account world; real cascades are mostly tiny anyway. */
const MAX_CASCADE = 300;

/** Accounts, follows, posts, cascades and endorsements for accounts [0, builder.ordinary). */
export function generateOrdinary(builder: WorldBuilder): void {
  const { random } = builder;
  const interests = new Uint16Array(builder.count);
  for (let a = 0; a < builder.count; a++) {
    const topics = random.sample(ORDINARY_TOPICS.map((_, t) => t), random.between(1, 3));
    for (const t of topics) interests[a]! |= 1 << t;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    builder.world.accounts.push({
      id: String(1_000_000_000 + a * 7919),
      handle: `${first}${last.slice(0, 4)}${a.toString(36)}`,
      name: `${first} ${last}`,
      bio: topics.map((t) => BIO_BY_TOPIC[TOPICS[t]!.name]).join(' | '),
      location: random.pick(LOCATIONS),
      createdAt: START - random.between(30, 3000) * DAY,
    });
  }
  const ordinary = builder.ordinary;
  follows(builder, ordinary);
  const originals: number[] = [];
  for (let a = 0; a < ordinary; a++) {
    // Heavy-tailed activity: most accounts post a handful of times a year, a few post hundreds. Each of an
    // account's topics gets at least MIN_TOPIC_POSTS of them, so no single post carries a topic (single_post) and
    // no topic is a sliver of a heavy poster's posts (low_share).
    const topics = ORDINARY_TOPICS.map((_, t) => t).filter((t) => (interests[a]! & (1 << t)) !== 0);
    const count = Math.max(MIN_TOPIC_POSTS * topics.length, Math.min(400, Math.floor(3 / (1 - random.next()) ** 0.7)));
    for (let i = 0; i < count; i++) {
      const followee = builder.following[a]!.length > 0 && random.chance(0.1) ? random.pick(builder.following[a]!) : -1;
      const mentions = followee >= 0 && builder.reactions(a, followee) < REACTION_CAP ? [followee] : [];
      const topic = i < MIN_TOPIC_POSTS * topics.length ? topics[i % topics.length]! : random.pick(topics);
      originals.push(builder.original(a, START + random.next() * YEAR, topic, mentions));
    }
  }
  for (const root of originals) cascade(builder, root, interests);
  for (let a = 0; a < ordinary; a++) {
    if (!random.chance(0.3) || builder.following[a]!.length === 0) continue;
    const target = random.pick(builder.following[a]!);
    // Endorsers vouch for topics both they and the endorsed account write on (retweets do not count: they name no
    // topic for the retweeter), so no ordinary endorsement looks like a burst or is endorsement_only.
    const shared = builder.wroteTopics[a]! & builder.wroteTopics[target]!;
    const topics = ORDINARY_TOPICS.map((_, t) => t).filter((t) => (shared & (1 << t)) !== 0);
    if (topics.length > 0) builder.endorse(a, target, TOPICS[random.pick(topics)]!.name, START + random.next() * YEAR);
  }
}

/** Preferential attachment: a target is drawn from a pool holding every account once plus once per follower. */
function follows(builder: WorldBuilder, ordinary: number): void {
  const { random } = builder;
  const pool = Array.from({ length: ordinary }, (_, a) => a);
  // Within the year like everything else: a detector's first window is then where every account's activity starts.
  const followTime = () => START + random.next() * YEAR;
  for (let a = 0; a < ordinary; a++) {
    const want = Math.min(MAX_FOLLOWS - 5, MIN_FOLLOWS + Math.floor(-8 * Math.log(1 - random.next())), ordinary - 1);
    const chosen = new Set(builder.following[a]);
    for (let tries = 0; chosen.size < want && tries < want * 20; tries++) {
      const target = pool[random.int(pool.length)]!;
      if (target === a || chosen.has(target)) continue;
      chosen.add(target);
      builder.follow(a, target, followTime());
      pool.push(target);
      const back = builder.following[target]!;
      if (random.chance(FOLLOW_BACK) && back.length < MAX_FOLLOWS && !back.includes(a)) builder.follow(target, a, followTime());
    }
  }
}

/** Independent Cascade from the root's author over followers; every activated account reacts to the root. */
function cascade(builder: WorldBuilder, root: number, interests: Uint16Array): void {
  const { random } = builder;
  const post = builder.world.posts[root]!;
  const author = post.author;
  const topicBit = 1 << post.topic;
  const active = new Set([author]);
  const frontier = [{ account: author, time: post.time }];
  for (let at = 0; at < frontier.length && active.size <= MAX_CASCADE; at++) {
    const { account, time } = frontier[at]!;
    for (const follower of builder.followers[account]!) {
      if (active.has(follower) || follower >= builder.ordinary) continue;
      if (!random.chance((interests[follower]! & topicBit) !== 0 ? P_INTERESTED : P_OTHER)) continue;
      active.add(follower);
      const roll = random.next();
      // Only followers who share the topic write about it (quote or reply); the others just retweet. So nobody's
      // own posts stray into a topic they do not otherwise post on.
      const interested = (interests[follower]! & topicBit) !== 0;
      const kind = roll < 0.85 || !interested ? 'retweet' : roll < 0.93 ? 'quote' : 'reply';
      if (builder.reactions(follower, author) + (kind === 'reply' ? 2 : 1) > REACTION_CAP) continue;
      // Log-normal delays: most reactions within the hour, a long tail over days.
      const reacted = time + Math.exp(3 + 1.5 * random.normal()) * 60_000;
      builder.react(follower, root, kind, reacted);
      frontier.push({ account: follower, time: reacted });
    }
  }
}
