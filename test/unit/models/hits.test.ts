import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hitsImplementation } from '../../../src/main/scoring/models/hits';
import { hitsModel } from '../../../src/shared/models/hits';
import { referenceDir } from '../../helpers';
import { inputFromEdges, testContext } from '../../scoring-helpers';

interface HitsCase {
  id: string;
  measure: string;
  edges: [number, number][];
  params: { normalization: 'sum' | 'max' };
  expected_authorities: Record<string, number>;
  expected_hubs: Record<string, number>;
  abs_tolerance: number;
}

const cases = (
  JSON.parse(fs.readFileSync(path.join(referenceDir, 'peer-values.json'), 'utf8')) as { cases: HitsCase[] }
).cases.filter((c) => c.measure === 'hits');

async function run(names: string[], edges: [string, string, number?][], params: Record<string, unknown> = {}) {
  const parsed = hitsModel.params.parse(params);
  const input = inputFromEdges(names, edges);
  const context = testContext(names);
  const result = await hitsImplementation.score(input, parsed, context);
  return { input, parsed, context, result, authority: result.outputs.score!, hub: result.outputs.hub! };
}

describe('hits against the peers\' published values', () => {
  it('covers every hits case of the reference file', () => expect(cases.length).toBe(1));

  for (const c of cases) {
    it(c.id, async () => {
      const names = Object.keys(c.expected_authorities);
      const edges = c.edges.map(([from, to]) => [String(from), String(to)] as [string, string]);
      const { authority, hub, result } = await run(names, edges, c.params);
      expect(result.stats.converged).toBe(true);
      names.forEach((name, i) => {
        expect(Math.abs(authority[i]! - c.expected_authorities[name]!)).toBeLessThan(c.abs_tolerance);
        expect(Math.abs(hub[i]! - c.expected_hubs[name]!)).toBeLessThan(c.abs_tolerance);
      });
    });
  }
});

describe('hits', () => {
  const names = ['a', 'b', 'c', 'd'];
  const weightedEdges: [string, string, number][] = [
    ['a', 'c', 3],
    ['b', 'c', 1],
    ['b', 'd', 1],
    ['a', 'd', 1],
  ];

  it('leaves both vectors with maximum 1 under max normalization, and sums 1 under sum', async () => {
    const max = await run(names, weightedEdges, { normalization: 'max' });
    expect(Math.max(...max.authority)).toBeCloseTo(1, 15);
    expect(Math.max(...max.hub)).toBeCloseTo(1, 15);
    const sum = await run(names, weightedEdges);
    expect(sum.authority.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(sum.hub.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // The same ranking either way: the two differ by a constant factor per vector.
    const ratio = max.authority[2]! / sum.authority[2]!;
    expect(max.authority[3]! / sum.authority[3]!).toBeCloseTo(ratio, 10);
  });

  it('uses edge weights unless told not to', async () => {
    // Weighted, A = [[0,0,3,1],[0,0,1,1]]: A^T A has principal eigenvector along (c, d) ~ (0.9239, 0.3827).
    const weighted = await run(names, weightedEdges);
    expect(weighted.authority[2]! / weighted.authority[3]!).toBeCloseTo(0.92388 / 0.38268, 4);
    const unweighted = await run(names, weightedEdges, { weighted: false });
    const ones = await run(
      names,
      weightedEdges.map(([from, to]) => [from, to]),
    );
    expect([...unweighted.authority]).toEqual([...ones.authority]);
    expect(unweighted.authority[2]).toBeCloseTo(unweighted.authority[3]!, 12);
  });

  it('scores a graph without edges, and an empty graph, with zeros and no NaN', async () => {
    const { authority, hub } = await run(names, []);
    expect([...authority, ...hub]).toEqual(new Array(8).fill(0));
    const empty = await run([], []);
    expect(empty.authority.length).toBe(0);
    expect(empty.hub.length).toBe(0);
  });

  it('reports an unconverged run instead of failing it', async () => {
    const { result, context } = await run(names, weightedEdges, { max_iterations: 2, tolerance: 1e-15 });
    expect(result.stats).toMatchObject({ iterations: 2, converged: false });
    expect(result.stats.notes![0]).toMatch(/^did not converge/);
    expect(context.phases).toEqual(['iteration 1', 'iteration 2']);
  });

  it('explains an authority by the hubs giving it attention, shares summing to 1', async () => {
    const { input, parsed, result, authority } = await run(names, weightedEdges);
    const explanation = await hitsImplementation.explain(input, parsed, result.outputs, 2, testContext(names), 10);
    const shares = explanation.contributions.map((c) => c.share!);
    expect(explanation.contributions.map((c) => c.node)).toEqual([0, 1]);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(explanation.contributions.reduce((s, c) => s + c.value, 0)).toBeCloseTo(authority[2]!, 12);
    expect(explanation.factors.find((f) => f.label === 'hub')!.value).toBe(0);
    expect(explanation.factors.find((f) => f.label === 'in-degree')!.value).toBe(2);
  });
});
