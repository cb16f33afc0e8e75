import { describe, expect, it } from 'vitest';
import { findModel } from '../../../src/shared/models';
import { paramWords } from '../../../src/renderer/src/ui/run-label';

/** The parameters a run of the model stores when scored with its defaults, as the score task parses them. */
const defaults = (model: string): Record<string, unknown> => findModel(model)!.params.parse({}) as Record<string, unknown>;

describe('paramWords: a run\'s parameters in words for its row and detail', () => {
  it('names every parameter of PageRank\'s defaults, none as JSON', () => {
    const params = defaults('pagerank');
    const words = paramWords(params);
    expect(words.length).toBeGreaterThanOrEqual(Object.keys(params).length);
    for (const phrase of words) expect(phrase).not.toMatch(/[{}"]|_/);
    expect(words).toContain(`alpha ${params.alpha}`);
  });

  it('names nested weights by their dotted key and lists kinds joined by +', () => {
    const words = paramWords({ weights: { retweet: 2, mention: 0.5 }, kinds: ['retweet', 'follow'], weighted: false, edge_direction: 'influence' });
    expect(words).toEqual(['weights.retweet 2', 'weights.mention 0.5', 'kinds retweet+follow', 'not weighted', 'influence direction']);
  });

  it('gives an empty list for a model without parameters', () => {
    expect(paramWords({})).toEqual([]);
  });
});
