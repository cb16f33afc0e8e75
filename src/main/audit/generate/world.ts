import type { CaseKind } from '../case';
import { Random } from './random';
import { TOPICS } from './vocabulary';

export const DAY = 86_400_000;
/** The world's year starts here; every time is a whole second. */
export const START = Date.UTC(2023, 0, 1);
export const YEAR = 365 * DAY;

export interface Account {
  id: string;
  handle: string;
  name: string;
  bio: string;
  location: string;
  createdAt: number;
}

export type PostKind = 'original' | 'retweet' | 'quote' | 'reply';

export interface Post {
  author: number;
  time: number;
  kind: PostKind;
  /** The post this one retweets, quotes or replies to (an index into posts), else -1. */
  ref: number;
  /** Hashtags and @handles are read from the text when it is written. */
  text: string;
  mentions: number[];
  /** The topic the post names (index into TOPICS). */
  topic: number;
  /** Dropped by the guards in tame.ts; not written. */
  removed: boolean;
}

/** What tweets cannot express: follows and endorsements, written to the CSV file. */
export interface Edge {
  source: number;
  target: number;
  kind: 'follow' | 'endorse';
  time: number;
  topic: string | null;
}

/** A planted case or control: accounts[0] is the subject (every member, for a ring). */
export interface Labelled {
  kind: CaseKind;
  accounts: number[];
  topic?: string;
}

export interface World {
  seed: number;
  accounts: Account[];
  posts: Post[];
  edges: Edge[];
  cases: Labelled[];
  controls: Labelled[];
}

/**
 * The world under construction and the bookkeeping the planting code and the guards read: who follows whom, the
 * topics each account has posted on (a bit per topic), how often each account reacted to each other account.
 */
export class WorldBuilder {
  readonly random: Random;
  readonly world: World;
  readonly followers: number[][];
  readonly following: number[][];
  readonly postedTopics: Uint16Array;
  /** Like postedTopics, for the account's own posts only (originals, quotes and replies; not retweets). */
  readonly wroteTopics: Uint16Array;
  private readonly pairs = new Map<number, number>();
  private nextReserved: number;

  /** Accounts [ordinary, count) are reserved for planted cases and controls; the guards leave them alone. */
  constructor(seed: number, count: number, readonly ordinary: number) {
    this.random = new Random(seed);
    this.world = { seed, accounts: [], posts: [], edges: [], cases: [], controls: [] };
    this.followers = Array.from({ length: count }, () => []);
    this.following = Array.from({ length: count }, () => []);
    this.postedTopics = new Uint16Array(count);
    this.wroteTopics = new Uint16Array(count);
    this.nextReserved = ordinary;
  }

  get count(): number {
    return this.followers.length;
  }

  /** Reactions (and mentions) actor has given target so far; ordinary accounts keep it low (see REACTION_CAP). */
  reactions(actor: number, target: number): number {
    return this.pairs.get(actor * this.count + target) ?? 0;
  }

  follow(source: number, target: number, time: number): void {
    this.following[source]!.push(target);
    this.followers[target]!.push(source);
    this.world.edges.push({ source, target, kind: 'follow', time: second(time), topic: null });
  }

  endorse(source: number, target: number, topic: string, time: number): void {
    this.world.edges.push({ source, target, kind: 'endorse', time: second(time), topic });
  }

  /** An original post on a topic from its sentences and hashtags, optionally mentioning accounts. */
  original(author: number, time: number, topic: number, mentions: number[] = []): number {
    const handles = mentions.map((m) => ` @${this.world.accounts[m]!.handle}`).join('');
    const text = `${topicText(this.random, topic)}${handles}`;
    return this.add({ author, time, kind: 'original', ref: -1, text, mentions, topic, removed: false });
  }

  /** A post with a given text (planted wording) that names `topic`. */
  written(author: number, time: number, text: string, topic: number): number {
    return this.add({ author, time, kind: 'original', ref: -1, text, mentions: [], topic, removed: false });
  }

  /** A retweet, quote or reply to `ref` (a retweet repeats the original's text, as the API does). */
  react(actor: number, ref: number, kind: Exclude<PostKind, 'original'>, time: number): number {
    const parent = this.world.posts[ref]!;
    const handle = this.world.accounts[parent.author]!.handle;
    const topic = parent.topic;
    const post: Post = kind === 'retweet'
      ? { author: actor, time, kind, ref, text: `RT @${handle}: ${parent.text}`, mentions: [], topic, removed: false }
      : kind === 'reply'
        ? { author: actor, time, kind, ref, text: `@${handle} ${topicText(this.random, topic)}`, mentions: [parent.author], topic, removed: false }
        : { author: actor, time, kind, ref, text: topicText(this.random, topic), mentions: [], topic, removed: false };
    // A reply names its parent's author, so it yields a reply and a mention: two reactions.
    this.tally(actor, parent.author, kind === 'reply' ? 2 : 1);
    return this.add(post);
  }

  /** The next `k` accounts of the block reserved for planted cases and controls (the top of the index range). */
  take(k: number): number[] {
    const taken = Array.from({ length: k }, (_, i) => this.nextReserved + i);
    this.nextReserved += k;
    if (this.nextReserved > this.count) throw new Error('the planted cases need more reserved accounts than were set aside');
    return taken;
  }

  /** `k` distinct ordinary accounts that pass `ok`, by rejection sampling (fewer if they are too rare to find). */
  someOrdinary(k: number, ok: (account: number) => boolean = () => true): number[] {
    const found = new Set<number>();
    for (let tries = 0; found.size < k && tries < k * 200; tries++) {
      const account = this.random.int(this.ordinary);
      if (ok(account)) found.add(account);
    }
    return [...found];
  }

  /** `count` sorted times between two days of the year. */
  times(count: number, fromDay: number, toDay: number): number[] {
    return Array.from({ length: count }, () => START + (fromDay + this.random.next() * (toDay - fromDay)) * DAY).sort((a, b) => a - b);
  }

  /** True when the account never posted on any topic in `topics`. */
  silentOn(account: number, topics: readonly number[]): boolean {
    return topics.every((topic) => (this.postedTopics[account]! & (1 << topic)) === 0);
  }

  private add(post: Post): number {
    post.time = second(post.time);
    this.postedTopics[post.author]! |= 1 << post.topic;
    if (post.kind !== 'retweet') this.wroteTopics[post.author]! |= 1 << post.topic;
    for (const mention of post.mentions) if (mention !== post.author && post.kind !== 'reply') this.tally(post.author, mention, 1);
    this.world.posts.push(post);
    return this.world.posts.length - 1;
  }

  private tally(actor: number, target: number, by: number): void {
    const key = actor * this.count + target;
    this.pairs.set(key, (this.pairs.get(key) ?? 0) + by);
  }
}

/** A sentence on the topic with one or two of its hashtags (unless the sentence carries its own). */
function topicText(random: Random, topic: number): string {
  const { sentences, hashtags } = TOPICS[topic]!;
  const sentence = random.pick(sentences);
  if (sentence.includes('#')) return sentence;
  return `${sentence} ${random.sample(hashtags, random.between(1, 2)).map((tag) => `#${tag}`).join(' ')}`;
}

const second = (time: number) => Math.round(time / 1000) * 1000;
