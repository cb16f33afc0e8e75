import { adultBioWithNumbers, minorBio } from './bios';
import { postAll, silentEndorsers } from './plant-gaming';
import { AMBIGUOUS_WORDS, sensePost } from './senses';
import { nearMiss, rejection, SPEECH } from './speech';
import { TOPIC } from './vocabulary';
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

/** Share of the posts naming the topic that reject it, in a negated case (the definition needs about half). */
const REJECTED_SHARE = { min: 7, max: 10, of: 10 };

/**
 * negated: 7 to 10 of 10 posts naming the topic (bacon, or kpop in odd copies) reject it in the first person, in
 * composed phrasings (speech.ts); the others are ordinary posts on it. Control: 10 posts naming the topic, 6 to 8
 * of them with a negation word that praises it ("can't get enough of") or is about something else, none a rejection.
 */
export function plantNegated(builder: WorldBuilder, copy: number): void {
  const { random } = builder;
  const topic = copy % 2 === 0 ? 'bacon' : 'kpop';
  const speech = SPEECH[topic];
  const plant = (special: number, write: () => string) => {
    const subject = builder.take(1)[0]!;
    for (const [i, time] of builder.times(REJECTED_SHARE.of, 0, 360).entries()) {
      if (i < special) builder.written(subject, time, write(), TOPIC[topic]!);
      else builder.original(subject, time, TOPIC[topic]!);
    }
    postAll(builder, subject, 'music', builder.times(5, 0, 360));
    return subject;
  };
  const rejecter = plant(random.between(REJECTED_SHARE.min, REJECTED_SHARE.max), () => rejection(speech, random));
  builder.world.cases.push({ kind: 'negated', accounts: [rejecter], topic });
  const fan = plant(random.between(6, 8), () => nearMiss(speech, random));
  builder.world.controls.push({ kind: 'negated', accounts: [fan], topic });
}

/** Posts a sense account writes on its word, each with one or more of its sense's signature words. */
const SENSE_POSTS = 8;

/**
 * sense_conflict, for every ambiguous word of senses.ts: one account per sense, whose bio and 8 posts (composed
 * from that sense's signature words beside the bare word) make the sense plain. The bare word names both topics,
 * so each account is assigned both: a case on the other sense's topic, a control on its own (it means the main
 * sense there, and must not be flagged). Bacon's "Bacon" names the food only: the film fan is its case.
 */
export function plantSenseConflict(builder: WorldBuilder): void {
  const { random } = builder;
  for (const word of AMBIGUOUS_WORDS) {
    for (const voice of word.voices) {
      const subject = builder.take(1)[0]!;
      builder.world.accounts[subject]!.bio = random.pick(voice.bios);
      for (const time of builder.times(SENSE_POSTS, 0, 360)) builder.written(subject, time, sensePost(voice, random), TOPIC[voice.topic]!);
      for (const topic of word.names) {
        (topic === voice.topic ? builder.world.controls : builder.world.cases).push({ kind: 'sense_conflict', accounts: [subject], topic });
      }
    }
  }
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

/** Adult bios with numbers per copy: the near misses are many and varied, the minors one. */
const ADULT_CONTROLS = 3;

/**
 * minor: a bio stating its author's age, 13 to 17, in one of many composed forms (bios.ts). Controls: adult bios
 * with numbers that are not the author's age (heights, others' and things' ages, experience, counts, dates).
 */
export function plantMinor(builder: WorldBuilder): void {
  const plant = (bio: string) => {
    const subject = builder.take(1)[0]!;
    builder.world.accounts[subject]!.bio = bio;
    postAll(builder, subject, 'kpop', builder.times(10, 0, 360));
    return subject;
  };
  builder.world.cases.push({ kind: 'minor', accounts: [plant(minorBio(builder.random).bio)] });
  for (let i = 0; i < ADULT_CONTROLS; i++) builder.world.controls.push({ kind: 'minor', accounts: [plant(adultBioWithNumbers(builder.random))] });
}
