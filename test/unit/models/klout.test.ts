import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS, POST_KINDS, type InteractionKind, type PostKind } from '../../../src/shared/domain';
import { kloutModel } from '../../../src/shared/models/klout';
import type { ModelInput } from '../../../src/main/scoring/model';
import { kloutImplementation } from '../../../src/main/scoring/models/klout';
import { inputFromEdges, testContext } from '../../scoring-helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2015, 5, 30, 12);

type Reaction = readonly [actor: string, target: string, kind: InteractionKind, time?: number, weight?: number];
type Post = readonly [author: string, kind: PostKind, time?: number];

/** A model input from reactions and posts; times default to T0. */
function build(names: readonly string[], reactions: readonly Reaction[], posts: readonly Post[] = []): ModelInput {
  const node = (name: string) => {
    const found = names.indexOf(name);
    if (found < 0) throw new Error(`unknown ${name}`);
    return found;
  };
  return inputFromEdges(
    names,
    reactions.map(([actor, target]) => [actor, target] as const),
    {
      interactions: {
        count: reactions.length,
        actor: Int32Array.from(reactions, ([actor]) => node(actor)),
        target: Int32Array.from(reactions, ([, target]) => node(target)),
        kind: Uint8Array.from(reactions, ([, , kind]) => INTERACTION_KINDS.indexOf(kind)),
        weight: Float64Array.from(reactions, ([, , , , weight]) => weight ?? 1),
        time: Float64Array.from(reactions, ([, , , time]) => time ?? T0),
      },
      posts: {
        count: posts.length,
        author: Int32Array.from(posts, ([author]) => node(author)),
        createdAt: Float64Array.from(posts, ([, , time]) => time ?? T0),
        kind: Uint8Array.from(posts, ([, kind]) => POST_KINDS.indexOf(kind)),
      },
    },
  );
}

const params = (overrides: Record<string, unknown> = {}) => kloutModel.params.parse(overrides);

async function run(
  names: readonly string[],
  reactions: readonly Reaction[],
  posts: readonly Post[] = [],
  overrides = {},
) {
  const result = await kloutImplementation.score(build(names, reactions, posts), params(overrides), testContext(names));
  const at = (output: string) => Object.fromEntries(names.map((name, i) => [name, result.outputs[output]![i]!]));
  return { result, score: at('score'), reactions: at('reactions'), posts: at('posts'), reactors: at('reactors') };
}

const people = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const repeat = <T>(count: number, item: (i: number) => T) => Array.from({ length: count }, (_, i) => item(i));

function expectInRange(scores: Record<string, number>) {
  const values = Object.values(scores);
  for (const value of values) expect(value >= 1 && value <= 100).toBe(true);
  expect(Math.max(...values)).toBe(100);
}

describe('klout rules', () => {
  it('ratio: 100 retweets over 10 posts beat 100 retweets over 1,000 posts', async () => {
    const fans = people('fan', 100);
    const reactions = fans.flatMap((fan) => [[fan, 'few', 'retweet'], [fan, 'many', 'retweet']] as const);
    const posts: Post[] = [
      ...repeat(10, () => ['few', 'original'] as const),
      ...repeat(1000, () => ['many', 'original'] as const),
    ];
    const { score, reactions: counted, posts: written } = await run(['few', 'many', ...fans], reactions, posts);
    expect(counted.few).toBe(100);
    expect(counted.many).toBe(100);
    expect(written).toMatchObject({ few: 10, many: 1000 });
    expect(score.few).toBe(100);
    expect(score.many).toBeLessThan(score.few!);
    expectInRange(score);
  });

  it('uniqueness: 100 retweets from 100 people beat 100 from one person', async () => {
    const fans = people('fan', 100);
    const reactions: Reaction[] = [
      ...fans.map((fan) => [fan, 'broad', 'retweet'] as const),
      ...repeat(100, () => ['superfan', 'narrow', 'retweet'] as const),
    ];
    const { score, reactors, reactions: counted } = await run(['broad', 'narrow', 'superfan', ...fans], reactions);
    expect(counted).toMatchObject({ broad: 100, narrow: 100 });
    expect(reactors).toMatchObject({ broad: 100, narrow: 1 });
    expect(score.broad).toBe(100);
    expect(score.narrow).toBeLessThan(score.broad!);
    expectInRange(score);
  });

  it('uniqueness alone: repeat reactions have diminishing returns at equal selectivity', async () => {
    // Both reactors give 4 reactions in all, so only how they are spread differs.
    const reactions: Reaction[] = [
      ...['a', 'b', 'c', 'd'].map((target) => ['spreader', target, 'reply'] as const),
      ...repeat(4, () => ['repeater', 'e', 'reply'] as const),
    ];
    const input = build(['a', 'b', 'c', 'd', 'e', 'spreader', 'repeater'], reactions);
    const raw = async (node: number) => {
      const explained = await kloutImplementation.explain(input, params(), {}, node, testContext(), 5);
      return explained.factors.find((f) => f.label === 'raw')!.value;
    };
    const selectivity = 1 / (1 + Math.log(4));
    expect(await raw(0)).toBeCloseTo(selectivity, 12);
    expect(await raw(4)).toBeCloseTo((1 + Math.log(4)) * selectivity, 12);
  });

  it('selectivity: a reaction from a giver who reacts to everyone counts less', async () => {
    const others = people('other', 20);
    const reactions: Reaction[] = [
      ['promiscuous', 'a', 'retweet'],
      ...others.map((other) => ['promiscuous', other, 'retweet'] as const),
      ['choosy', 'b', 'retweet'],
    ];
    const { score, reactions: counted } = await run(['a', 'b', 'promiscuous', 'choosy', ...others], reactions);
    expect(counted).toMatchObject({ a: 1, b: 1 });
    expect(score.b).toBe(100);
    expect(score.a).toBeLessThan(score.b!);
  });

  it('ignores follows, endorsements and self-replies by default, and counts only own posts', async () => {
    const reactions: Reaction[] = [
      ['x', 'a', 'follow'],
      ['x', 'a', 'endorse'],
      ['a', 'a', 'reply'],
      ['x', 'b', 'mention'],
    ];
    const posts: Post[] = [['a', 'original'], ['a', 'retweet'], ['a', 'quote'], ['a', 'reply']];
    const byDefault = await run(['a', 'b', 'x'], reactions, posts);
    expect(byDefault.reactions).toEqual({ a: 0, b: 1, x: 0 });
    expect(byDefault.posts.a).toBe(3);
    expect(byDefault.score).toEqual({ a: 1, b: 100, x: 1 });
    const endorsements = await run(['a', 'b', 'x'], reactions, posts, { kinds: ['endorse'] });
    expect(endorsements.reactions).toEqual({ a: 1, b: 0, x: 0 });
  });

  it('post_exponent 0 ignores the posts, 1 divides by them', async () => {
    const reactions: Reaction[] = [['x', 'a', 'retweet', T0, 4], ['y', 'b', 'retweet', T0, 4]];
    const posts: Post[] = repeat(4, () => ['a', 'original'] as const);
    const flat = await run(['a', 'b', 'x', 'y'], reactions, posts, { post_exponent: 0 });
    expect(flat.score.a).toBe(flat.score.b);
    const input = build(['a', 'b', 'x', 'y'], reactions, posts);
    const explained = await kloutImplementation.explain(input, params({ post_exponent: 1 }), {}, 0, testContext(), 5);
    expect(explained.factors.find((f) => f.label === 'ratio divisor')!.value).toBe(4);
  });
});

describe('klout window', () => {
  const names = ['a', 'old', 'future', 'x'];
  const reactions: Reaction[] = [
    ['x', 'a', 'retweet', T0 - 89 * DAY],
    ['x', 'old', 'retweet', T0 - 91 * DAY],
    ['x', 'future', 'retweet', T0 + DAY],
  ];

  it('counts the 90 days ending at as_of, a date meaning its whole UTC day', async () => {
    const { reactions: counted, result } = await run(names, reactions, [], { as_of: '2015-06-30' });
    expect(counted).toEqual({ a: 1, old: 0, future: 0, x: 0 });
    expect(result.stats.as_of).toBe('2015-06-30T23:59:59.999Z');
    expect(result.stats.window_start).toBe('2015-04-01T23:59:59.999Z');
    // A day later the window has slid past the reaction 89 days before T0: the start is exclusive.
    const later = await run(names, reactions, [], { as_of: '2015-07-01T12:00:00Z' });
    expect(later.reactions).toEqual({ a: 0, old: 0, future: 1, x: 0 });
  });

  it('ends by default at the latest time in the dataset', async () => {
    const { reactions: counted, result } = await run(names, reactions, [['a', 'original', T0 + 2 * DAY]]);
    expect(result.stats.as_of).toBe(new Date(T0 + 2 * DAY).toISOString());
    expect(counted).toEqual({ a: 0, old: 0, future: 1, x: 0 });
  });

  it('leaves out unknown times when the dataset has times, and applies no window when it has none', async () => {
    const unknownTime: Reaction = ['x', 'old', 'mention', Number.NaN];
    const mixed = await run(names, [...reactions, unknownTime], [['a', 'original', Number.NaN]]);
    expect(mixed.reactions.old).toBe(0);
    expect(mixed.posts.a).toBe(0);
    expect(mixed.result.stats.notes).toEqual(['left out for unknown time: 1 interactions, 1 posts']);
    const untimed = await run(
      names,
      reactions.map(([actor, target, kind]) => [actor, target, kind, Number.NaN] as const),
      [['a', 'original', Number.NaN]],
    );
    expect(untimed.reactions).toEqual({ a: 1, old: 1, future: 1, x: 0 });
    expect(untimed.posts.a).toBe(1);
    expect(untimed.result.stats.notes).toEqual([
      'the dataset has no times: every interaction and post counts, no window applies',
    ]);
  });
});

describe('klout scores and explanation', () => {
  it('scores everyone 1 without reactions', async () => {
    const { score } = await run(['a', 'b'], [], [['a', 'original']]);
    expect(score).toEqual({ a: 1, b: 1 });
  });

  it('normalises logarithmically and explains each rule', async () => {
    const names = ['top', 'mid', 'p', 'q', 'r'];
    const reactions: Reaction[] = [
      ['p', 'top', 'retweet'],
      ['q', 'top', 'retweet'],
      ['q', 'top', 'reply'],
      ['q', 'mid', 'reply'],
      ['r', 'top', 'mention'],
      ['r', 'mid', 'retweet'],
    ];
    const posts: Post[] = [['top', 'original'], ['top', 'original'], ['top', 'original'], ['top', 'original']];
    const input = build(names, reactions, posts);
    const { outputs } = await kloutImplementation.score(input, params(), testContext(names));
    // p reacts once in all, q three times, r twice; the top account has 4 posts, mid none.
    const [sp, sq, sr] = [1, 1 / (1 + Math.log(3)), 1 / (1 + Math.log(2))];
    const topRaw = (sp + (1 + Math.log(2)) * sq + sr) / Math.sqrt(4);
    expect(outputs.score![0]).toBe(100);
    expect(outputs.score![1]).toBeCloseTo(1 + (99 * Math.log1p(sq + sr)) / Math.log1p(topRaw), 12);
    expect(Array.from(outputs.reactors!)).toEqual([3, 2, 0, 0, 0]);

    const explained = await kloutImplementation.explain(input, params(), outputs, 0, testContext(names), 2);
    const factor = (label: string) => explained.factors.find((f) => f.label === label)?.value;
    expect(factor('posts in window')).toBe(4);
    expect(factor('reactions in window')).toBe(4);
    expect(factor('unique reactors')).toBe(3);
    expect(factor('ratio divisor')).toBe(2);
    expect(factor('raw')).toBeCloseTo(topRaw, 12);
    expect(factor('selectivity-weighted reach')).toBeCloseTo(2 * topRaw, 12);
    expect(explained.contributions).toHaveLength(2);
    expect(explained.contributions.map((c) => c.node)).toEqual([2, 3]);
    expect(explained.contributions[0]!.value).toBeCloseTo(0.5, 12);
    expect(explained.contributions[0]!.share).toBeCloseTo(0.5 / topRaw, 12);
  });
});

describe('klout parameters', () => {
  it('has the documented defaults and checks as_of', () => {
    expect(params()).toEqual({
      include_minors: false,
      edge_direction: 'attention',
      window_days: 90,
      post_exponent: 0.5,
      kinds: ['retweet', 'quote', 'reply', 'mention'],
    });
    expect(kloutModel.params.safeParse({ as_of: 'yesterday' }).success).toBe(false);
    expect(kloutModel.params.safeParse({ as_of: '2015-06-30T00:00:00+02:00' }).success).toBe(true);
    expect(kloutModel.params.safeParse({ window_days: 0 }).success).toBe(false);
  });
});
