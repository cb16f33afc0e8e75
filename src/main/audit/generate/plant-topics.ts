import { postAll, silentEndorsers } from './plant-gaming';
import { BASEBALL_TWINS, KEVIN_BACON, MINOR_BIOS, MINOR_CONTROL_BIOS, NEGATED_BACON, TOPIC } from './vocabulary';
import { DAY, START, type WorldBuilder } from './world';

const HOUR = 3_600_000;
/** Pairs of an account's own topic and the topic a case is about, from different groups so they never overlap. */
const TOPIC_PAIRS: readonly [string, string][] = [
  ['food', 'kpop'], ['music', 'brexit'], ['technology', 'sports'], ['us-politics', 'apple'], ['twins', 'technology'],
];

/**
 * single_post: 15 posts on one topic and a single post on another that 12 accounts retweet (strength 7, all from
 * that post). Control: 5 posts on the topic with 2 retweets each (the largest gives 20%).
 */
export function plantSinglePost(builder: WorldBuilder, copy: number): void {
  const [own, topic] = TOPIC_PAIRS[copy % TOPIC_PAIRS.length]!;
  const subject = builder.take(1)[0]!;
  postAll(builder, subject, own, builder.times(15, 0, 360));
  retweeted(builder, postAll(builder, subject, topic, builder.times(1, 100, 250)), 12);
  builder.world.cases.push({ kind: 'single_post', accounts: [subject], topic });
  const control = builder.take(1)[0]!;
  retweeted(builder, postAll(builder, control, topic, builder.times(5, 0, 360)), 2);
  builder.world.controls.push({ kind: 'single_post', accounts: [control], topic });
}

function retweeted(builder: WorldBuilder, posts: number[], each: number): void {
  for (const post of posts) {
    for (const fan of builder.someOrdinary(each)) builder.react(fan, post, 'retweet', builder.world.posts[post]!.time + builder.random.between(1, 72) * HOUR);
  }
}

/** negated: 8 of 10 posts naming bacon negate it. Control: 2 of 10. */
export function plantNegated(builder: WorldBuilder): void {
  const plant = (negated: number) => {
    const subject = builder.take(1)[0]!;
    for (const [i, time] of builder.times(10, 0, 360).entries()) {
      if (i < negated) builder.written(subject, time, builder.random.pick(NEGATED_BACON), TOPIC.bacon!);
      else builder.original(subject, time, TOPIC.bacon!);
    }
    postAll(builder, subject, 'music', builder.times(5, 0, 360));
    return subject;
  };
  builder.world.cases.push({ kind: 'negated', accounts: [plant(8)], topic: 'bacon' });
  builder.world.controls.push({ kind: 'negated', accounts: [plant(2)], topic: 'bacon' });
}

/**
 * sense_conflict: 8 of 10 posts naming twins carry baseball cues (Minnesota, MLB, game), or, in odd copies, 8 of 10
 * naming bacon carry Kevin Bacon cues. Control: 2 of 10.
 */
export function plantSenseConflict(builder: WorldBuilder, copy: number): void {
  const topic = copy % 2 === 0 ? 'twins' : 'bacon';
  const texts = topic === 'twins' ? BASEBALL_TWINS : KEVIN_BACON;
  const plant = (conflicting: number) => {
    const subject = builder.take(1)[0]!;
    for (const [i, time] of builder.times(10, 0, 360).entries()) {
      if (i < conflicting) builder.written(subject, time, builder.random.pick(texts), TOPIC[topic]!);
      else builder.original(subject, time, TOPIC[topic]!);
    }
    return subject;
  };
  builder.world.cases.push({ kind: 'sense_conflict', accounts: [plant(8)], topic });
  builder.world.controls.push({ kind: 'sense_conflict', accounts: [plant(2)], topic });
}

/**
 * endorsement_only: 12 endorsements on a topic, one per 8 days (no burst), by accounts silent on it, to an account
 * that never posts on it. Control: 6 endorsements by accounts posting on the topic to one posting 10 times on it.
 */
export function plantEndorsementOnly(builder: WorldBuilder, copy: number): void {
  const { topic, endorsers } = silentEndorsers(builder, TOPIC_PAIRS.map(([, about]) => about), copy + 2, 12, 12);
  const own = TOPIC_PAIRS.find(([, about]) => about === topic)![0];
  const subject = builder.take(1)[0]!;
  postAll(builder, subject, own, builder.times(20, 0, 360));
  for (const [i, endorser] of endorsers.entries()) builder.endorse(endorser, subject, topic, START + (40 + 8 * i) * DAY);
  builder.world.cases.push({ kind: 'endorsement_only', accounts: [subject, ...endorsers], topic });
  const control = builder.take(1)[0]!;
  postAll(builder, control, own, builder.times(10, 0, 360));
  postAll(builder, control, topic, builder.times(10, 0, 360));
  endorsedByPosters(builder, control, topic, 6);
  builder.world.controls.push({ kind: 'endorsement_only', accounts: [control], topic });
}

function endorsedByPosters(builder: WorldBuilder, subject: number, topic: string, count: number): void {
  const posters = builder.someOrdinary(count, (a) => (builder.wroteTopics[a]! & (1 << TOPIC[topic]!)) !== 0);
  for (const [i, poster] of posters.entries()) builder.endorse(poster, subject, topic, START + (30 + 40 * i) * DAY);
}

/**
 * low_share: 44 posts on one topic and 1 on another, on which 4 of its posters endorse it, so it is assigned that
 * topic on 2% of its posts. Control: 6 of 46 posts (13%).
 */
export function plantLowShare(builder: WorldBuilder, copy: number): void {
  const [own, topic] = TOPIC_PAIRS[(copy + 1) % TOPIC_PAIRS.length]!;
  const plant = (onTopic: number) => {
    const subject = builder.take(1)[0]!;
    postAll(builder, subject, own, builder.times(46 - onTopic, 0, 360));
    postAll(builder, subject, topic, builder.times(onTopic, 0, 360));
    endorsedByPosters(builder, subject, topic, 4);
    return subject;
  };
  builder.world.cases.push({ kind: 'low_share', accounts: [plant(1)], topic });
  builder.world.controls.push({ kind: 'low_share', accounts: [plant(6)], topic });
}

/** minor: a bio stating an age under 18. Control: a bio with an age that is someone else's or no age at all. */
export function plantMinor(builder: WorldBuilder, copy: number): void {
  const plant = (bio: string) => {
    const subject = builder.take(1)[0]!;
    builder.world.accounts[subject]!.bio = bio;
    postAll(builder, subject, 'kpop', builder.times(10, 0, 360));
    return subject;
  };
  builder.world.cases.push({ kind: 'minor', accounts: [plant(MINOR_BIOS[copy % MINOR_BIOS.length]!)] });
  builder.world.controls.push({ kind: 'minor', accounts: [plant(MINOR_CONTROL_BIOS[copy % MINOR_CONTROL_BIOS.length]!)] });
}
