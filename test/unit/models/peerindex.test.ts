import { describe, expect, it } from 'vitest';
import { peerindexModel } from '../../../src/shared/models/peerindex';
import type { ModelInput } from '../../../src/main/scoring/model';
import { peerindexImplementation } from '../../../src/main/scoring/models/peerindex';
import { activityInput as build, T0, testContext, type Act, type Post } from '../../scoring-helpers';

const DAY = 86_400_000;

const params = (overrides: Record<string, unknown> = {}) => peerindexModel.params.parse(overrides);

async function run(input: ModelInput, names: readonly string[], overrides = {}) {
  const result = await peerindexImplementation.score(input, params(overrides), testContext(names));
  const at = (output: string) => Object.fromEntries(names.map((name, i) => [name, result.outputs[output]![i]!]));
  return { result, score: at('score'), authority: at('authority'), audience: at('audience'), activity: at('activity') };
}

const names = ['a', 'b', 'c', 'x', 'z'];
const acts: Act[] = [
  ['x', 'a', 'retweet'],
  ['c', 'a', 'reply'],
  ['x', 'a', 'quote'],
  ['x', 'b', 'retweet'],
  ['c', 'b', 'mention'],
  ['a', 'x', 'follow'],
  ['a', 'a', 'reply'],
];
const posts: Post[] = [['a', 'original'], ['a', 'retweet'], ['a', 'reply'], ['b', 'original'], ['c', 'quote']];

describe('peerindex components', () => {
  it('follows by hand on a small dataset', async () => {
    const { score, authority, audience, activity } = await run(build(names, acts, posts, { c: 7 }), names);
    // Reactions: a 3 (self-reply ignored), b 1 (a mention is no reaction); highest 3.
    expect(authority.a).toBe(100);
    expect(authority.b).toBeCloseTo((100 * Math.log(2)) / Math.log(4), 12);
    expect(authority.x).toBe(0);
    // Reach: c's 7 followers; a and b 2 distinct interactors (x, c), x 1 (a); highest 7.
    expect(audience.c).toBe(100);
    expect(audience.a).toBeCloseTo((100 * Math.log(3)) / Math.log(8), 12);
    expect(audience.b).toBe(audience.a);
    expect(audience.x).toBeCloseTo((100 * Math.log(2)) / Math.log(8), 12);
    // Posts: a 3, b 1, c 1: posters [1, 1, 3].
    expect(activity).toMatchObject({ a: 100, x: 0, z: 0 });
    expect(activity.b).toBeCloseTo(200 / 3, 12);
    expect(activity.c).toBe(activity.b);
    expect(score.a).toBeCloseTo(0.5 * 100 + 0.3 * audience.a! + 0.2 * 100, 12);
    expect(score.x).toBeCloseTo(0.3 * audience.x!, 12);
  });

  it('scores 0 an account with no activity, and everyone 0 in an empty dataset', async () => {
    const { score, authority, audience, activity } = await run(build(names, acts, posts), names);
    expect([score.z, authority.z, audience.z, activity.z]).toEqual([0, 0, 0, 0]);
    const empty = await run(build(['p', 'q'], [], []), ['p', 'q']);
    expect(Array.from(empty.result.outputs.score!)).toEqual([0, 0]);
  });

  it('keeps every score in [0, 100] with large weights and follower counts', async () => {
    const input = build(names, [...acts, ['z', 'b', 'retweet', T0, 1e6]], posts, { a: 1e9, x: 0 });
    const { result } = await run(input, names, { authority_weight: 1, audience_weight: 1, activity_weight: 1 });
    for (const column of Object.values(result.outputs)) {
      for (const value of column) expect(Number.isFinite(value) && value >= 0 && value <= 100).toBe(true);
    }
    expect(result.outputs.authority![1]).toBe(100);
    expect(result.outputs.audience![0]).toBe(100);
  });

  it('weights the components by the parameters', async () => {
    const { score, audience } = await run(build(names, acts, posts), names, {
      authority_weight: 0,
      audience_weight: 1,
      activity_weight: 0,
    });
    expect(score).toEqual(audience);
    expect(peerindexModel.params.safeParse({ authority_weight: 0, audience_weight: 0, activity_weight: 0 }).success).toBe(
      false,
    );
  });
});

describe('peerindex window', () => {
  const windowNames = ['a', 'old', 'x'];
  const windowActs: Act[] = [
    ['x', 'a', 'retweet', T0 - 119 * DAY],
    ['x', 'old', 'retweet', T0 - 121 * DAY],
  ];
  const windowPosts: Post[] = [['a', 'original', T0 - 119 * DAY], ['old', 'original', T0 - 121 * DAY]];

  it('counts the 120 days ending at as_of, start exclusive', async () => {
    const input = build(windowNames, windowActs, windowPosts);
    const { authority, activity, result } = await run(input, windowNames, { as_of: '2012-03-31' });
    expect(authority).toEqual({ a: 100, old: 0, x: 0 });
    expect(activity).toEqual({ a: 100, old: 0, x: 0 });
    expect(result.stats.as_of).toBe('2012-03-31T23:59:59.999Z');
    // Exactly 120 days after the reaction it has left the window.
    const edge = await run(input, windowNames, { as_of: new Date(T0 + DAY).toISOString() });
    expect(edge.authority.a).toBe(0);
    const wider = await run(input, windowNames, { as_of: '2012-03-31', window_days: 122 });
    expect(wider.authority.old).toBe(100);
  });

  it('applies no window and says so when the dataset has no times', async () => {
    const untimed = build(
      windowNames,
      windowActs.map(([actor, target, kind]) => [actor, target, kind, Number.NaN] as const),
      windowPosts.map(([author, kind]) => [author, kind, Number.NaN] as const),
    );
    const { authority, result } = await run(untimed, windowNames);
    expect(authority).toEqual({ a: 100, old: 100, x: 0 });
    expect(result.stats.notes).toEqual(['the dataset has no times: every interaction and post counts, no window applies']);
  });
});

describe('peerindex explanation and parameters', () => {
  it('explains each component with its raw figures and the top reactors', async () => {
    const input = build(names, acts, posts, { c: 7 });
    const outputs = (await peerindexImplementation.score(input, params(), testContext(names))).outputs;
    const explained = await peerindexImplementation.explain(input, params(), outputs, 0, testContext(names), 1);
    const factor = (label: string) => explained.factors.find((f) => f.label === label);
    expect(factor('reactions received')?.value).toBe(3);
    expect(factor('authority')?.note).toBe('100 x ln(1 + 3) / ln(1 + 3)');
    expect(factor('reach (distinct interactors in the window)')?.value).toBe(2);
    expect(factor('posts in window')?.value).toBe(3);
    expect(factor('activity')?.note).toBe('100 x 3 of 3 posters have at most 3 posts');
    expect(factor('overall')?.value).toBe(outputs.score![0]);
    expect(explained.contributions).toEqual([
      { node: 3, label: '2 reactions (retweet, quote, reply) in the window', value: 2, share: 2 / 3 },
    ]);
    expect(explained.summary).toMatch(/^PeerIndex \d+\.\d of 100: Authority 100\.0/);
    const c = await peerindexImplementation.explain(input, params(), outputs, 2, testContext(names), 5);
    expect(c.factors.find((f) => f.label === 'reach (followers)')?.value).toBe(7);
  });

  it('has the documented defaults', () => {
    expect(params()).toEqual({
      include_minors: false,
      edge_direction: 'attention',
      window_days: 120,
      kinds: ['retweet', 'quote', 'reply'],
      authority_weight: 0.5,
      audience_weight: 0.3,
      activity_weight: 0.2,
    });
    expect(peerindexModel.params.safeParse({ as_of: 'soon' }).success).toBe(false);
    expect(peerindexModel.params.safeParse({ audience_weight: 2 }).success).toBe(false);
  });
});
