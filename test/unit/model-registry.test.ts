import { describe, expect, it } from 'vitest';
import { modelDescriptors } from '../../src/shared/models';
import { modelImplementations } from '../../src/main/scoring/models';

describe('model registry', () => {
  it('every descriptor has exactly one worker implementation and the other way round, in the same order', () => {
    expect(modelImplementations.map((m) => m.id)).toEqual(modelDescriptors.map((m) => m.id));
    expect(new Set(modelDescriptors.map((m) => m.id)).size).toBe(modelDescriptors.length);
  });

  it('registers the models the SPEC names', () => {
    expect(modelDescriptors.map((m) => m.id).sort()).toEqual(
      ['followers', 'hits', 'indegree', 'kcore', 'klout', 'kred', 'pagerank', 'peerindex', 'spread', 'tunkrank', 'tweetlevel', 'twitterrank'],
    );
  });

  it.each(modelDescriptors.map((m) => [m.id, m] as const))('%s: describes itself fully, and its defaults parse', (_, model) => {
    expect(model.version).toMatch(/^\d+$/);
    expect(model.label.length).toBeGreaterThan(2);
    expect(model.description.length).toBeGreaterThan(80);
    expect(model.citation).toMatch(/\d{4}/);
    expect(model.outputs[0]?.name).toBe('score');
    const params = model.params.parse({}) as Record<string, unknown>;
    expect(params.include_minors).toBe(false);
    expect(() => model.params.parse({ no_such_parameter: 1 })).toThrow(/no_such_parameter/);
  });
});
