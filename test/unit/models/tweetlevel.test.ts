import { describe, expect, it } from 'vitest';
import { tweetlevelModel } from '../../../src/shared/models/tweetlevel';
import type { ModelInput } from '../../../src/main/scoring/model';
import { tweetlevelImplementation } from '../../../src/main/scoring/models/tweetlevel';
import { activityInput as build, T0, testContext, type Act, type Post } from '../../scoring-helpers';


const params = (overrides: Record<string, unknown> = {}) => tweetlevelModel.params.parse(overrides);
const COLUMNS = ['score', 'popularity', 'influence', 'engagement', 'trust'] as const;

async function run(input: ModelInput, names: readonly string[], overrides = {}) {
  const result = await tweetlevelImplementation.score(input, params(overrides), testContext(names));
  const at = (output: string) => Object.fromEntries(names.map((name, i) => [name, result.outputs[output]![i]!]));
  return { result, ...Object.fromEntries(COLUMNS.map((column) => [column, at(column)])) } as {
    result: typeof result;
  } & Record<(typeof COLUMNS)[number], Record<string, number>>;
}

const names = ['a', 'b', 'c', 'd', 'z'];
const acts: Act[] = [
  ['c', 'b', 'follow'],
  ['d', 'b', 'follow'],
  ['c', 'b', 'follow'],
  ['b', 'a', 'retweet'],
  ['c', 'a', 'retweet'],
  ['c', 'a', 'quote'],
  ['d', 'a', 'mention', T0 + 5000],
  ['a', 'a', 'mention', T0 + 1000],
  ['a', 'b', 'mention', T0],
];
const posts: Post[] = [
  ['a', 'original', T0],
  ['a', 'original', T0 + 1000],
  ['a', 'reply', T0 + 2000],
  ['a', 'retweet', T0 + 3000],
  ['d', 'original', T0 + 5000],
];

describe('tweetlevel components', () => {
  it('follows by hand on a small dataset', async () => {
    const { score, popularity, influence, engagement, trust } = await run(build(names, acts, posts, { a: 100 }), names);
    // Followers: a 100 imported, b 2 distinct follow interactions (c twice, d); highest 100.
    expect(popularity.a).toBe(100);
    expect(popularity.b).toBeCloseTo((100 * Math.log(3)) / Math.log(101), 12);
    expect(popularity.c).toBe(0);
    // Received: a 4 (2 retweets, quote, mention; the self-mention ignored) over 3 own posts, b 1 mention over none.
    expect(influence.a).toBe(100);
    expect(influence.b).toBeCloseTo((100 * Math.log(2)) / Math.log(1 + 4 / 3), 12);
    // a: the original at T0 names b and the reply converses; the original at T0 + 1000 names only a itself.
    expect(engagement).toMatchObject({ b: 0, c: 0, d: 100 });
    expect(engagement.a).toBeCloseTo(200 / 3, 12);
    // Trust: a was retweeted or quoted by b and c.
    expect(trust).toMatchObject({ a: 100, b: 0, d: 0 });
    expect(score.a).toBeCloseTo(0.1 * 100 + 0.4 * 100 + 0.2 * (200 / 3) + 0.3 * 100, 12);
    expect(score.d).toBeCloseTo(0.2 * 100, 12);
  });

  it('scores 0 an account with no activity, and everyone 0 in an empty dataset', async () => {
    const { result } = await run(build(names, acts, posts), names);
    for (const column of COLUMNS) expect(result.outputs[column]![4]).toBe(0);
    const empty = await run(build(['p', 'q'], [], []), ['p', 'q']);
    expect(Array.from(empty.result.outputs.score!)).toEqual([0, 0]);
  });

  it('counts a post of unknown time only as a reply', async () => {
    const untimed: Act[] = [['a', 'b', 'mention', Number.NaN]];
    const unknown: Post[] = [['a', 'original', Number.NaN], ['a', 'reply', Number.NaN]];
    const { engagement } = await run(build(['a', 'b'], untimed, unknown), ['a', 'b']);
    expect(engagement.a).toBe(50);
  });

  it('keeps every score in [0, 100], and post_exponent 0 counts raw reactions', async () => {
    const heavy: Act[] = [...acts, ['z', 'b', 'mention', T0, 1e6]];
    const { result } = await run(build(names, heavy, posts, { c: 1e9, d: 0 }), names, { post_exponent: 0 });
    for (const column of Object.values(result.outputs)) {
      for (const value of column) expect(Number.isFinite(value) && value >= 0 && value <= 100).toBe(true);
    }
    expect(result.outputs.influence![1]).toBe(100);
    expect(result.outputs.popularity![2]).toBe(100);
  });
});

describe('tweetlevel explanation and parameters', () => {
  it('explains each component with its raw figures and the top contributors', async () => {
    const input = build(names, acts, posts, { a: 100 });
    const outputs = (await tweetlevelImplementation.score(input, params(), testContext(names))).outputs;
    const explained = await tweetlevelImplementation.explain(input, params(), outputs, 0, testContext(names), 2);
    const factor = (label: string) => explained.factors.find((f) => f.label === label);
    expect(factor('followers')?.value).toBe(100);
    expect(factor('reactions received')?.value).toBe(4);
    expect(factor('own posts')?.value).toBe(3);
    expect(factor('influence raw')?.note).toBe('4 / 3');
    expect(factor('conversational posts')?.value).toBe(2);
    expect(factor('engagement')?.note).toBe('100 x 2 / 3');
    expect(factor('distinct trusting accounts')?.value).toBe(2);
    expect(factor('overall')?.value).toBe(outputs.score![0]);
    expect(explained.contributions).toEqual([
      { node: 2, label: '1 retweet, 1 quote (counts for Trust)', value: 2, share: 0.5 },
      { node: 1, label: '1 retweet (counts for Trust)', value: 1, share: 0.25 },
    ]);
    const b = await tweetlevelImplementation.explain(input, params(), outputs, 1, testContext(names), 5);
    expect(b.factors.find((f) => f.label === 'followers (distinct follow interactions)')?.value).toBe(2);
  });

  it('has the documented defaults', () => {
    expect(params()).toEqual({
      include_minors: false,
      edge_direction: 'attention',
      influence_kinds: ['retweet', 'quote', 'mention'],
      trust_kinds: ['retweet', 'quote'],
      post_exponent: 1,
      popularity_weight: 0.1,
      influence_weight: 0.4,
      engagement_weight: 0.2,
      trust_weight: 0.3,
    });
    expect(tweetlevelModel.params.safeParse({ trust_kinds: [] }).success).toBe(false);
    const zero = { popularity_weight: 0, influence_weight: 0, engagement_weight: 0, trust_weight: 0 };
    expect(tweetlevelModel.params.safeParse(zero).success).toBe(false);
  });
});
