import { describe, expect, it } from 'vitest';
import { tunkrankModel } from '../../../src/shared/models/tunkrank';
import { tunkrankImplementation } from '../../../src/main/scoring/models/tunkrank';
import { inputFromEdges, testContext } from '../../scoring-helpers';

async function tunkrank(
  names: string[],
  edges: ReadonlyArray<readonly [string, string]>,
  params: object = {},
  following?: Float64Array,
) {
  const parsed = tunkrankModel.params.parse(params);
  const input = { ...inputFromEdges(names, edges), ...(following && { following }) };
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
    expect(tunkrankModel.params.parse({})).toMatchObject({ p: 0.05, following_from: 'profile', tolerance: 1e-10, max_iterations: 1000 });
    expect(tunkrankModel.params.safeParse({ following_from: 'followers' }).success).toBe(false);
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

  // The triangle again, with profiles: a follows 4 accounts (2 of them here), b has no profile count, and c's
  // profile says 0 though it gives a attention (fetched at another time), so c keeps the graph's 1. With p = 1/2:
  //   A = (1 + C/2) / 1,  B = (1 + A/2) / 4,  C = (1 + A/2) / 4 + (1 + B/2) / 1
  // B = 1/4 + A/8 and C = 11/8 + 3A/16, so A = 1 + 11/16 + 3A/32, A = 54/29, B = 14/29, C = 50/29.
  const profiles = Float64Array.of(4, Number.NaN, 0);

  it("divides by the profile's following count where known, else by the graph's, never by less than the graph's", async () => {
    const { score, result } = await tunkrank(triangleNames, triangle, { p: 0.5, tolerance: 1e-15 }, profiles);
    expect(score[0]).toBeCloseTo(54 / 29, 12);
    expect(score[1]).toBeCloseTo(14 / 29, 12);
    expect(score[2]).toBeCloseTo(50 / 29, 12);
    expect(result.stats.following_from).toEqual({ profile: 1, graph: 1, profile_below_graph: 1 });
  });

  it('counts the graph when asked to, or when the data has no following counts', async () => {
    const graph = await tunkrank(triangleNames, triangle, { p: 0.5, tolerance: 1e-15, following_from: 'graph' }, profiles);
    expect(graph.score[0]).toBeCloseTo(30 / 13, 12);
    expect(graph.score[2]).toBeCloseTo(34 / 13, 12);
    expect(graph.result.stats.following_from).toEqual({ profile: 0, graph: 3, profile_below_graph: 0 });
    const unknown = await tunkrank(triangleNames, triangle, { p: 0.5, tolerance: 1e-15 });
    expect(unknown.score).toEqual(graph.score);
  });

  it('names, for each reader, which following count divided its share', async () => {
    const { input, parsed, context, result } = await tunkrank(triangleNames, triangle, { p: 0.5, tolerance: 1e-15 }, profiles);
    const onC = await tunkrankImplementation.explain(input, parsed, result.outputs, 2, context, 10);
    const [fromB, fromA] = onC.contributions;
    // b: (1 + 14/58) / 1 = 36/29 from the graph; a: (1 + 27/29) / 4 = 14/29 from its profile.
    expect(fromB!.value).toBeCloseTo(36 / 29, 12);
    expect(fromB!.label).toBe('(1 + 0.5 x 0.482759) / 1 account it gives attention to (graph: no profile count)');
    expect(fromA!.value).toBeCloseTo(14 / 29, 12);
    expect(fromA!.label).toBe('(1 + 0.5 x 1.86207) / 4 accounts it follows (profile)');
    expect(onC.summary).toContain('following count from its profile for 1 of them and by the accounts it gives attention to in the data for 1.');
    const onA = await tunkrankImplementation.explain(input, parsed, result.outputs, 0, context, 10);
    expect(onA.contributions[0]!.label).toContain('1 account it gives attention to (graph: its profile count is smaller)');
    expect(onA.summary).toContain('(1 of these because the profile\'s count was smaller)');
    expect(onA.factors).toContainEqual(expect.objectContaining({ label: 'following from graph', value: 1 }));
  });
});
