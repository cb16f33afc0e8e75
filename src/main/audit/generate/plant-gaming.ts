import { DAY, START, type WorldBuilder } from './world';
import { ORDINARY_TOPICS, TOPIC, TOPIC_GROUPS } from './vocabulary';

const HOUR = 3_600_000;
/** Ordinary accounts stay below follow_back's 50 follows even after planted cases add a follow or two to them. */
const ORDINARY_FOLLOW_LIMIT = 45;

/** Topic indexes of the group a topic belongs to (see TOPIC_GROUPS). */
export function groupOf(topic: string): number[] {
  return TOPIC_GROUPS.find((group) => group.includes(topic))!.map((name) => TOPIC[name]!);
}

/**
 * Up to `count` ordinary accounts silent on a topic's group, for the first topic (from `first` on, cyclically) that
 * has at least `min` of them: in a small world cascades reach most accounts, and some topics have too few silent ones.
 */
export function silentEndorsers(builder: WorldBuilder, topics: readonly string[], first: number, count: number, min: number) {
  let best = { topic: topics[first % topics.length]!, endorsers: [] as number[] };
  for (let i = 0; i < topics.length && best.endorsers.length < min; i++) {
    const topic = topics[(first + i) % topics.length]!;
    const endorsers = builder.someOrdinary(count, (account) => builder.silentOn(account, groupOf(topic)));
    if (endorsers.length > best.endorsers.length) best = { topic, endorsers };
  }
  return best;
}

/** Originals by `author` on `topic` at the given times; returns their post indexes. */
export function postAll(builder: WorldBuilder, author: number, topic: string, times: number[]): number[] {
  return times.map((time) => builder.original(author, time, TOPIC[topic]!));
}

/**
 * reciprocity_ring: 3-6 accounts following each other and reacting only to each other (one follow outside), so
 * each gives ~90% of >= 8 interactions to the ring. Control: a mutual trio whose members also follow 15 others.
 */
export function plantRing(builder: WorldBuilder, copy: number): void {
  const { random } = builder;
  const topic = ORDINARY_TOPICS[copy % ORDINARY_TOPICS.length]!.name;
  const ring = (members: number[], outside: number, reactions: number) => {
    const posts = members.map((member) => postAll(builder, member, topic, builder.times(8, 0, 330)));
    for (const a of members) for (const b of members) if (a !== b) builder.follow(a, b, START + random.next() * 10 * DAY);
    for (const [i, member] of members.entries()) {
      for (const target of builder.someOrdinary(outside)) builder.follow(member, target, START + random.next() * 300 * DAY);
      for (let r = 0; r < reactions; r++) {
        const other = random.pick(members.filter((m) => m !== member));
        const post = random.pick(posts[members.indexOf(other)]!);
        builder.react(member, post, random.chance(0.7) ? 'retweet' : 'reply', builder.world.posts[post]!.time + (1 + i) * HOUR);
      }
    }
  };
  const members = builder.take(random.between(3, 6));
  ring(members, 1, 7);
  builder.world.cases.push({ kind: 'reciprocity_ring', accounts: members });
  const control = builder.take(3);
  ring(control, 15, 3);
  builder.world.controls.push({ kind: 'reciprocity_ring', accounts: control });
}

/**
 * concentrated_engagement: 2-3 accounts give >= 34 reactions to one account's 25 posts, two passers-by one each
 * (>= 94% from the top reactors). Control: 30 reactions from 10 accounts (top 3: 30%).
 */
export function plantConcentrated(builder: WorldBuilder, copy: number): void {
  const { random } = builder;
  const topic = ORDINARY_TOPICS[(copy + 3) % ORDINARY_TOPICS.length]!.name;
  const subject = builder.take(1)[0]!;
  const posts = postAll(builder, subject, topic, builder.times(25, 0, 350));
  const reactors = builder.take(random.between(2, 3));
  let given = 0;
  for (let r = 0; given < 34; r = (r + 1) % reactors.length) {
    const post = random.pick(posts);
    const kind = random.chance(0.75) ? 'retweet' : 'reply';
    builder.react(reactors[r]!, post, kind, builder.world.posts[post]!.time + random.between(1, 30) * HOUR);
    // One reaction each: a reply's "@name" is part of its reply interaction, not a second mention (SPEC).
    given += 1;
  }
  for (const passerBy of builder.someOrdinary(2)) builder.react(passerBy, random.pick(posts), 'retweet', START + 355 * DAY);
  builder.world.cases.push({ kind: 'concentrated_engagement', accounts: [subject, ...reactors], topic });
  const control = builder.take(1)[0]!;
  const controlPosts = postAll(builder, control, topic, builder.times(25, 0, 350));
  for (const reactor of builder.someOrdinary(10)) {
    for (const post of random.sample(controlPosts, 3)) builder.react(reactor, post, 'retweet', builder.world.posts[post]!.time + HOUR);
  }
  builder.world.controls.push({ kind: 'concentrated_engagement', accounts: [control], topic });
}

const BURST_TOPICS = ['us-politics', 'music', 'technology', 'food', 'sports'];

/**
 * endorsement_burst: 15-30 endorsements on one topic within 3 days from accounts silent on it. The subject posts 30
 * times on the topic, so endorsements stay under half its strength (not endorsement_only). Control: 12 such
 * endorsements spread one per 5 days.
 */
export function plantBurst(builder: WorldBuilder, copy: number): void {
  const { random } = builder;
  const { topic, endorsers } = silentEndorsers(builder, BURST_TOPICS, copy, random.between(15, 30), 15);
  const silent = (account: number) => builder.silentOn(account, groupOf(topic));
  const subject = builder.take(1)[0]!;
  postAll(builder, subject, topic, builder.times(30, 0, 360));
  const day = random.between(60, 300);
  for (const endorser of endorsers) builder.endorse(endorser, subject, topic, START + (day + random.next() * 3) * DAY);
  builder.world.cases.push({ kind: 'endorsement_burst', accounts: [subject, ...endorsers], topic });
  const control = builder.take(1)[0]!;
  postAll(builder, control, topic, builder.times(30, 0, 360));
  for (const [i, endorser] of builder.someOrdinary(12, silent).entries()) builder.endorse(endorser, control, topic, START + (100 + 5 * i) * DAY);
  builder.world.controls.push({ kind: 'endorsement_burst', accounts: [control], topic });
}

/**
 * score_jump: 4 posts per 30 days all year with 1-3 reactions per 30 days, then 45 in one 30-day month, each from a
 * different account. Control: 8 per month, then 22 (>= 20 but under 5x the mean).
 */
export function plantScoreJump(builder: WorldBuilder, copy: number): void {
  const { random } = builder;
  const topic = ORDINARY_TOPICS[(copy + 6) % ORDINARY_TOPICS.length]!.name;
  const jumpMonth = random.between(6, 10);
  const plant = (usual: () => number, jump: number) => {
    const subject = builder.take(1)[0]!;
    for (let month = 0; month < 12; month++) {
      const posts = postAll(builder, subject, topic, builder.times(4, month * 30, month * 30 + 20));
      const reactors = builder.someOrdinary(month === jumpMonth ? jump : usual());
      for (const reactor of reactors) {
        const post = random.pick(posts);
        builder.react(reactor, post, 'retweet', builder.world.posts[post]!.time + random.between(1, 48) * HOUR);
      }
    }
    return subject;
  };
  builder.world.cases.push({ kind: 'score_jump', accounts: [plant(() => random.between(1, 3), 45)], topic });
  builder.world.controls.push({ kind: 'score_jump', accounts: [plant(() => 8, 22)], topic });
}

/**
 * follow_back: an account follows 50 accounts, is followed by 40 more and follows each back within hours (90 follows,
 * 100% back). Control: the same but follows back only 20 of the 40.
 */
export function plantFollowBack(builder: WorldBuilder): void {
  const { random } = builder;
  const plant = (backs: number) => {
    const subject = builder.take(1)[0]!;
    postAll(builder, subject, 'technology', builder.times(10, 0, 360));
    const followed = builder.someOrdinary(50);
    for (const target of followed) builder.follow(subject, target, START + random.next() * 100 * DAY);
    const fans = builder.someOrdinary(40, (a) => !followed.includes(a) && builder.following[a]!.length < ORDINARY_FOLLOW_LIMIT);
    for (const [i, fan] of fans.entries()) {
      const time = START + (120 + random.next() * 200) * DAY;
      builder.follow(fan, subject, time);
      if (i < backs) builder.follow(subject, fan, time + random.between(1, 12) * HOUR);
    }
    return subject;
  };
  builder.world.cases.push({ kind: 'follow_back', accounts: [plant(40)] });
  builder.world.controls.push({ kind: 'follow_back', accounts: [plant(20)] });
}

/** bot_like_timing: 40 posts every 6 hours +-1% (CV ~0.01). Control: every 3-9 hours (CV ~0.29). */
export function plantBot(builder: WorldBuilder, copy: number): void {
  const { random } = builder;
  const topic = copy % 2 === 0 ? 'technology' : 'us-politics';
  const plant = (interval: () => number) => {
    const subject = builder.take(1)[0]!;
    let time = START + random.between(20, 300) * DAY;
    for (let i = 0; i < 40; i++, time += interval()) builder.original(subject, time, TOPIC[topic]!);
    return subject;
  };
  builder.world.cases.push({ kind: 'bot_like_timing', accounts: [plant(() => 6 * HOUR * (1 + 0.01 * random.normal()))] });
  builder.world.controls.push({ kind: 'bot_like_timing', accounts: [plant(() => 6 * HOUR * (0.5 + random.next()))] });
}
