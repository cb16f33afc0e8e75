import { describe, expect, it } from 'vitest';
import { tunkrankModel } from '../../../src/shared/models/tunkrank';
import { tunkrankImplementation } from '../../../src/main/scoring/models/tunkrank';
import { inputFromEdges, testContext } from '../../scoring-helpers';

async function tunkrank(names: string[], edges: ReadonlyArray<readonly [string, string]>, params: object = {}) {
  const parsed = tunkrankModel.params.parse(params);
  const input = inputFromEdges(names, edges);
  const context = testContext(names);
  const result = await tunkrankImplementation.score(input, parsed, context);
  return { input, parsed, context, result, score: [...result.outputs.score!] };
}

// a follows b and c, b follows c, c follows a. With p = 1/2 the system
//   A = 1 + C/2,  B = (1 + A/2) / 2,  C = (1 + A/2) / 2 + 1 + B/2
// solves to A = 30/13, B = 14/13, C = 34/13.
const triangleNames = ['a', 'b', 'c'];
const triangle = [
  ['a', 'b'],
  ['a', 'c'],
  ['b', 'c'],
  ['c', 'a'],
] as const;

describe('tunkrank model', () => {
  it('has bounded parameters with defaults', () => {
    expect(tunkrankModel.params.parse({})).toMatchObject({ p: 0.05, tolerance: 1e-10, max_iterations: 1000 });
    expect(tunkrankModel.params.safeParse({ p: 1 }).success).toBe(false);
    expect(tunkrankModel.params.safeParse({ p: -0.1 }).success).toBe(false);
    expect(tunkrankModel.params.safeParse({ tolerance: 0 }).success).toBe(false);
    expect(tunkrankModel.params.safeParse({ max_iterations: 2.5 }).success).toBe(false);
  });

  it('solves a small graph to its closed form', async () => {
    // The default tolerance leaves an error of about tolerance x p / (1 - p); a tight one shows the fixed point.
    const { score, result } = await tunkrank(triangleNames, triangle, { p: 0.5, tolerance: 1e-15 });
    expect(score[0]).toBeCloseTo(30 / 13, 12);
    expect(score[1]).toBeCloseTo(14 / 13, 12);
    expect(score[2]).toBeCloseTo(34 / 13, 12);
    expect(result.stats.converged).toBe(true);
    expect(result.stats.residual).toBeLessThanOrEqual(1e-15);
    const loose = await tunkrank(triangleNames, triangle, { p: 0.5 });
    expect(loose.result.stats.residual).toBeLessThanOrEqual(1e-10);
    expect(loose.score[0]).toBeCloseTo(30 / 13, 9);
  });

  it('passes reach down a chain and adds it up at the centre of a star', async () => {
    const p = 0.05;
    const chain = await tunkrank(['a', 'b', 'c', 'd'], [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    expect(chain.score).toEqual([0, 1, 1 + p, 1 + p * (1 + p)]);

    // Four followers of the hub; l4 also follows l1, so it gives each of them half its attention and l1 has a
    // TunkRank of 1/2 to pass on.
    const star = await tunkrank(['hub', 'l1', 'l2', 'l3', 'l4'], [
      ['l1', 'hub'],
      ['l2', 'hub'],
      ['l3', 'hub'],
      ['l4', 'hub'],
      ['l4', 'l1'],
    ]);
    expect(star.score[0]).toBeCloseTo(2 + (1 + p * 0.5) + 0.5, 12);
    expect(star.score.slice(1)).toEqual([0.5, 0, 0, 0]);
  });

  it('ignores the attention an account gives itself', async () => {
    const looped = await tunkrank(triangleNames, [...triangle, ['a', 'a'], ['c', 'c']], { p: 0.5 });
    const plain = await tunkrank(triangleNames, triangle, { p: 0.5 });
    expect(looped.score).toEqual(plain.score);
  });

  it('reports, without throwing, a run stopped before converging', async () => {
    const { result, score } = await tunkrank(triangleNames, triangle, { p: 0.5, max_iterations: 2 });
    expect(result.stats).toMatchObject({ iterations: 2, converged: false });
    expect(result.stats.residual).toBeGreaterThan(1e-10);
    expect(result.stats.notes).toHaveLength(1);
    // Two Jacobi steps from 0: (1, 0.5, 1.5) then (1.75, 0.75, 2).
    expect(score).toEqual([1.75, 0.75, 2]);
  });

  it('explains the score by the contribution of each follower', async () => {
    const { input, parsed, context, result } = await tunkrank(triangleNames, triangle, { p: 0.5, tolerance: 1e-15 });
    const explanation = await tunkrankImplementation.explain(input, parsed, result.outputs, 2, context, 10);
    const [fromB, fromA] = explanation.contributions;
    expect(fromB!.node).toBe(1);
    expect(fromB!.value).toBeCloseTo(20 / 13, 12);
    expect(fromB!.share).toBeCloseTo(20 / 34, 12);
    expect(fromA!.node).toBe(0);
    expect(fromA!.value).toBeCloseTo(14 / 13, 12);
    expect(fromA!.share).toBeCloseTo(14 / 34, 12);
    expect(explanation.factors).toContainEqual(expect.objectContaining({ label: 'followers', value: 2 }));
    const top = await tunkrankImplementation.explain(input, parsed, result.outputs, 2, context, 1);
    expect(top.contributions).toHaveLength(1);
  });
});
