import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS } from '../../../src/shared/domain';
import { indegreeModel } from '../../../src/shared/models/indegree';
import { indegreeImplementation } from '../../../src/main/scoring/models/indegree';
import { inputFromEdges, interactionColumns, testContext } from '../../scoring-helpers';

const names = ['a', 'b', 'c', 'd'];
const input = inputFromEdges(names, [], {
  interactions: interactionColumns(names, [
    ['b', 'a', 'retweet', 1],
    ['b', 'a', 'retweet', 1],
    ['c', 'a', 'retweet', 3],
    ['c', 'a', 'mention', 1],
    ['d', 'a', 'follow', 1],
    ['a', 'a', 'retweet', 1],
    ['a', 'b', 'mention', 2],
    ['c', 'b', 'reply', 1],
  ]),
});

const score = async (params: unknown) =>
  [...(await indegreeImplementation.score(input, indegreeModel.params.parse(params), testContext(names))).outputs.score!];

describe('indegree model', () => {
  it('counts every kind by default and validates the kinds', () => {
    expect(indegreeModel.params.parse({})).toEqual({
      include_minors: false,
      edge_direction: 'attention',
      kinds: [...INTERACTION_KINDS],
      weighted: false,
    });
    expect(indegreeModel.params.safeParse({ kinds: [] }).success).toBe(false);
    expect(indegreeModel.params.safeParse({ kinds: ['retweet', 'retweet'] }).success).toBe(false);
    expect(indegreeModel.params.safeParse({ kinds: ['like'] }).success).toBe(false);
    expect(indegreeModel.params.safeParse({ weighted: 1 }).success).toBe(false);
  });

  it('counts interactions received from others, of the chosen kinds, or sums their weight', async () => {
    expect(await score({})).toEqual([5, 2, 0, 0]);
    expect(await score({ kinds: ['retweet'] })).toEqual([3, 0, 0, 0]);
    expect(await score({ kinds: ['mention', 'reply'] })).toEqual([1, 2, 0, 0]);
    expect(await score({ kinds: ['retweet'], weighted: true })).toEqual([5, 0, 0, 0]);
    expect(await score({ weighted: true })).toEqual([7, 3, 0, 0]);
  });

  it('explains the count by kind and the top actors', async () => {
    const params = indegreeModel.params.parse({ kinds: ['retweet', 'mention'] });
    const context = testContext(names);
    const { outputs } = await indegreeImplementation.score(input, params, context);
    const explanation = await indegreeImplementation.explain(input, params, outputs, 0, context, 2);
    expect(explanation.factors.map((f) => [f.label, f.value])).toEqual([
      ['retweet received', 3],
      ['mention received', 1],
    ]);
    expect(explanation.contributions).toEqual([
      { node: 1, kind: 'retweet', label: '2 x retweet', value: 2, share: 0.5 },
      { node: 2, kind: 'mention', label: '1 x mention', value: 1, share: 0.25 },
    ]);
    expect(explanation.summary).toBe('4 interactions received from 2 accounts, counting retweet, mention.');
  });
});
