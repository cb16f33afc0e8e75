import { describe, expect, it } from 'vitest';
import { modelDescriptors } from '../../src/shared/models';
import { modelImplementations } from '../../src/main/scoring/models';
import { Fidelity } from '../../src/shared/models/fidelity';

/** The numeric defaults of a model's parameters: top-level numbers, and objects of numbers (the kind weights). */
function numericDefaults(params: Record<string, unknown>): Array<[name: string, value: number | Record<string, number>]> {
  return Object.entries(params).flatMap(([name, value]): Array<[string, number | Record<string, number>]> => {
    if (typeof value === 'number') return [[name, value] as [string, number]];
    const isNumberRecord =
      typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number');
    return isNumberRecord && Object.keys(value).length > 0 ? [[name, value as Record<string, number>] as [string, Record<string, number>]] : [];
  });
}

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

  it.each(modelDescriptors.map((m) => [m.id, m] as const))('%s: states its fidelity and a source for every numeric default', (_, model) => {
    expect(Fidelity.options).toContain(model.fidelity);
    const constants = new Map(model.constants.map((c) => [c.name, c]));
    expect(constants.size).toBe(model.constants.length);
    for (const constant of model.constants) expect(constant.source.length).toBeGreaterThan(10);
    for (const [name, value] of numericDefaults(model.params.parse({}) as Record<string, unknown>)) {
      const constant = constants.get(name);
      expect(constant, `${model.id}.${name} has no constant with its source`).toBeDefined();
      // A record of numbers (kind weights) is documented by its common value; every entry must have it.
      const values = typeof value === 'number' ? [value] : Object.values(value);
      for (const v of values) expect(v, `${model.id}.${name}`).toBe(constant!.value);
    }
  });

  it('labels the vendor reconstructions as such, and the published algorithms as published', () => {
    const fidelity = Object.fromEntries(modelDescriptors.map((m) => [m.id, m.fidelity]));
    for (const id of ['kred', 'klout', 'peerindex', 'tweetlevel']) expect(fidelity[id]).toBe('reconstructed');
    for (const id of ['followers', 'indegree', 'pagerank', 'hits', 'kcore', 'tunkrank', 'spread']) expect(fidelity[id]).toBe('published');
  });
});
