import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS, type InteractionKind } from '../../../src/shared/domain';
import { kredModel } from '../../../src/shared/models/kred';
import type { ModelInput } from '../../../src/main/scoring/model';
import {
  kredImplementation,
  kredOutreachLevel,
  kredOutreachThreshold,
} from '../../../src/main/scoring/models/kred';
import { inputFromEdges, testContext } from '../../scoring-helpers';

type Action = readonly [actor: string, target: string, kind: InteractionKind, weight?: number, time?: number];

/** A model input whose interactions are `actions`; `followers` names the known follower counts. */
function build(
  names: readonly string[],
  actions: readonly Action[],
  followers: Record<string, number> = {},
): ModelInput {
  const node = (name: string) => names.indexOf(name);
  return inputFromEdges(
    names,
    actions.map(([actor, target]) => [actor, target] as const),
    {
      followers: Float64Array.from(names, (name) => followers[name] ?? Number.NaN),
      interactions: {
        count: actions.length,
        actor: Int32Array.from(actions, ([actor]) => node(actor)),
        target: Int32Array.from(actions, ([, target]) => node(target)),
        kind: Uint8Array.from(actions, ([, , kind]) => INTERACTION_KINDS.indexOf(kind)),
        weight: Float64Array.from(actions, ([, , , weight]) => weight ?? 1),
        time: Float64Array.from(actions, ([, , , , time]) => time ?? Number.NaN),
      },
    },
  );
}

const params = (overrides: Record<string, unknown> = {}) => kredModel.params.parse(overrides);

async function run(names: readonly string[], actions: readonly Action[], followers = {}, overrides = {}) {
  const input = build(names, actions, followers);
  const result = await kredImplementation.score(input, params(overrides), testContext(names));
  const at = (output: string) => Object.fromEntries(names.map((name, i) => [name, result.outputs[output]![i]]));
  return {
    result,
    score: at('score'),
    points: at('influence_points'),
    outreach: at('outreach_points'),
    level: at('outreach_level'),
  };
}

const names = ['star', 'fan', 'small', 'idle'];
const example: Action[] = [
  ['fan', 'star', 'retweet'],
  ['fan', 'star', 'retweet'],
  ['fan', 'star', 'retweet'],
  ['fan', 'star', 'follow'],
  ['small', 'fan', 'mention'],
];

describe('kred influence points', () => {
  it('gives 10 points per action plus 1 per 1,000 followers of the actor above 10,000', async () => {
    const { points, score } = await run(names, example, { fan: 25_000 });
    // 3 retweets + 1 follow from 25,000 followers: 4 x (10 + 15); a mention from an unknown audience: 10.
    expect(points).toEqual({ star: 100, fan: 10, small: 0, idle: 0 });
    expect(score.star).toBe(1000);
    expect(score.fan).toBeCloseTo(1 + (999 * 10) / 100, 12);
    expect(score.small).toBe(1);
    expect(score.idle).toBe(1);
  });

  it('counts only whole thousands strictly above the threshold', async () => {
    const actors = ['at10000', 'at10999', 'at11000', 'at12500', 'unknown'];
    const actions = actors.map((actor) => [actor, 'star', 'retweet'] as const);
    const followers = { at10000: 10_000, at10999: 10_999, at11000: 11_000, at12500: 12_500 };
    const { points } = await run(['star', ...actors], actions, followers);
    expect(points.star).toBe(10 + 10 + 11 + 12 + 10);
    const tuned = await run(['star', ...actors], actions, followers, {
      bonus_threshold: 0,
      bonus_points_per_thousand: 2,
      points_per_action: 1,
    });
    expect(tuned.points.star).toBe(1 + 20 + 1 + 20 + 1 + 22 + 1 + 24 + 1);
  });

  it('treats a weight as a number of actions and ignores interactions with oneself', async () => {
    const { points } = await run(names, [
      ['fan', 'star', 'reply', 3],
      ['star', 'star', 'mention', 5],
    ]);
    expect(points.star).toBe(30);
  });

  it('counts quotes like retweets, endorsements and edges only when listed in kinds', async () => {
    const actions: Action[] = [
      ['fan', 'star', 'quote'],
      ['fan', 'small', 'endorse'],
      ['fan', 'idle', 'edge'],
      ['small', 'idle', 'follow'],
    ];
    const byDefault = await run(names, actions);
    expect(byDefault.points).toEqual({ star: 10, fan: 0, small: 0, idle: 10 });
    const listed = await run(names, actions, {}, { kinds: ['endorse', 'edge'] });
    expect(listed.points).toEqual({ star: 0, fan: 0, small: 10, idle: 10 });
    expect(listed.outreach.fan).toBe(20);
  });

  it('scores everyone 1 when nobody has points', async () => {
    const { score, result } = await run(names, [['fan', 'star', 'endorse']]);
    expect(Object.values(score)).toEqual([1, 1, 1, 1]);
    expect(result.stats.max_points).toBe(0);
  });
});

describe('kred outreach', () => {
  it('has thresholds at 100, 270 and then 2.7 times the previous, rounded', () => {
    expect([1, 2, 3, 4, 5, 6].map(kredOutreachThreshold)).toEqual([100, 270, 729, 1968, 5314, 14349]);
    expect([0, 99, 100, 269, 270, 728, 729, 14349].map(kredOutreachLevel)).toEqual([0, 0, 1, 1, 2, 2, 3, 6]);
  });

  it('earns points for actions given, follows excepted, whatever their time', async () => {
    const { outreach, level } = await run(names, [
      ['fan', 'star', 'mention', 20, Date.UTC(2010, 0, 1)],
      ['fan', 'small', 'reply', 7, Date.UTC(2015, 0, 1)],
      ['fan', 'idle', 'follow', 100],
      ['small', 'star', 'retweet', 9],
    ]);
    expect(outreach).toEqual({ star: 0, fan: 270, small: 90, idle: 0 });
    expect(level).toEqual({ star: 0, fan: 2, small: 0, idle: 0 });
  });

  it('uses outreach_points_per_action', async () => {
    const { outreach, level } = await run(names, [['fan', 'star', 'retweet']], {}, { outreach_points_per_action: 729 });
    expect(outreach.fan).toBe(729);
    expect(level.fan).toBe(3);
  });
});

describe('kred explanation', () => {
  it('breaks the points down by actor and kind, bonus included', async () => {
    const input = build([...names, 'other'], [...example, ['other', 'star', 'reply']], { fan: 25_000 });
    const explained = await kredImplementation.explain(input, params(), {}, 0, testContext(names), 10);
    expect(explained.contributions).toEqual([
      { node: 1, kind: 'retweet', label: '3 retweets x 25 points (15 bonus)', value: 75, share: 75 / 110 },
      { node: 1, kind: 'follow', label: '1 follow x 25 points (15 bonus)', value: 25, share: 25 / 110 },
      { node: 4, kind: 'reply', label: '1 reply x 10 points', value: 10, share: 10 / 110 },
    ]);
    const factor = (label: string) => explained.factors.find((f) => f.label === label)?.value;
    expect(factor('influence points')).toBe(110);
    expect(factor('most points of any account')).toBe(110);
    expect(factor('points from retweet actions')).toBe(75);
    expect(factor('points from follow actions')).toBe(25);
    expect(factor('outreach level')).toBe(0);
    expect(explained.summary).toContain('1000.0 of 1000');
    const limited = await kredImplementation.explain(input, params(), {}, 0, testContext(names), 1);
    expect(limited.contributions).toHaveLength(1);
  });
});

describe('kred parameters', () => {
  it('has the published defaults and rejects unknown or repeated settings', () => {
    expect(params()).toEqual({
      include_minors: false,
      edge_direction: 'attention',
      points_per_action: 10,
      bonus_threshold: 10_000,
      bonus_points_per_thousand: 1,
      outreach_points_per_action: 10,
      kinds: ['retweet', 'quote', 'reply', 'mention', 'follow'],
    });
    expect(kredModel.params.safeParse({ kinds: ['retweet', 'retweet'] }).success).toBe(false);
    expect(kredModel.params.safeParse({ points_per_action: -1 }).success).toBe(false);
    expect(kredModel.params.safeParse({ window_days: 90 }).success).toBe(false);
    expect(kredModel.outputs.map((o) => o.name)).toEqual([
      'score',
      'influence_points',
      'outreach_points',
      'outreach_level',
    ]);
  });
});
