import { describe, expect, it } from 'vitest';
import { followersModel } from '../../../src/shared/models/followers';
import { followersImplementation } from '../../../src/main/scoring/models/followers';
import { inputFromEdges, interactionColumns, testContext } from '../../scoring-helpers';

const names = ['a', 'b', 'c', 'd'];
const input = inputFromEdges(names, [], {
  followers: Float64Array.of(100, Number.NaN, Number.NaN, 0),
  interactions: interactionColumns(names, [
    ['b', 'a', 'follow'],
    ['c', 'b', 'follow'],
    ['d', 'b', 'follow'],
    ['c', 'b', 'follow'],
    ['b', 'b', 'follow'],
    ['a', 'b', 'mention'],
    ['a', 'c', 'retweet'],
  ]),
});
const params = followersModel.params.parse({});

describe('followers model', () => {
  it('takes only the common parameters', () => {
    expect(params).toEqual({ include_minors: false, edge_direction: 'attention' });
    expect(followersModel.params.safeParse({ kinds: ['follow'] }).success).toBe(false);
    expect(followersImplementation.needs.interactions).toBe(true);
  });

  it('scores the imported count, else distinct other followers in the data, else 0', async () => {
    const result = await followersImplementation.score(input, params, testContext(names));
    // a: imported 100 wins over its one follow; b: c and d (c twice, itself and a mention not counted).
    expect([...result.outputs.score!]).toEqual([100, 2, 0, 0]);
    expect(result.stats).toMatchObject({ imported: 2, counted_from_follows: 1, unknown: 1 });
  });

  it('explains the figure and where it comes from', async () => {
    const context = testContext(names);
    const { outputs } = await followersImplementation.score(input, params, context);
    const imported = await followersImplementation.explain(input, params, outputs, 0, context, 10);
    expect(imported.factors).toContainEqual({ label: 'source', value: 'imported follower count' });
    expect(imported.summary).toMatch(/^100 followers/);

    const counted = await followersImplementation.explain(input, params, outputs, 1, context, 10);
    expect(counted.factors).toContainEqual({ label: 'source', value: 'follow interactions in the dataset' });
    expect(counted.contributions.map((c) => [c.node, c.kind, c.share])).toEqual([
      [2, 'follow', 0.5],
      [3, 'follow', 0.5],
    ]);
    const first = await followersImplementation.explain(input, params, outputs, 1, context, 1);
    expect(first.contributions).toHaveLength(1);

    const unknown = await followersImplementation.explain(input, params, outputs, 2, context, 10);
    expect(unknown.summary).toMatch(/unknown/);
    expect(unknown.factors).toContainEqual({ label: 'source', value: 'unknown' });
    expect(unknown.contributions).toEqual([]);

    const importedZero = await followersImplementation.explain(input, params, outputs, 3, context, 10);
    expect(importedZero.factors).toContainEqual({ label: 'followers', value: 0 });
    expect(importedZero.factors).toContainEqual({ label: 'source', value: 'imported follower count' });
  });
});
