import { describe, expect, it } from 'vitest';
import { ModelInputError, type ModelInput, type PostColumns } from '../../../src/main/scoring/model';
import { twitterrankImplementation } from '../../../src/main/scoring/models/twitterrank';
import { twitterrankModel } from '../../../src/shared/models/twitterrank';
import { inputFromEdges, testContext } from '../../scoring-helpers';

type Edge = readonly [string, string, number?];

/** Every post is an original of unknown time; only the count per author matters to TwitterRank. */
function postColumns(names: readonly string[], counts: Record<string, number>): PostColumns {
  const author = names.flatMap((name, node) => Array<number>(counts[name] ?? 0).fill(node));
  return {
    count: author.length,
    author: Int32Array.from(author),
    createdAt: new Float64Array(author.length).fill(Number.NaN),
    kind: new Uint8Array(author.length),
  };
}

function build(names: readonly string[], edges: readonly Edge[], posts: Record<string, number>): ModelInput {
  return inputFromEdges(names, edges, { posts: postColumns(names, posts) });
}

function contextWith(names: readonly string[], strengths: Record<string, Record<string, number>>) {
  return {
    ...testContext(names),
    topicStrength: (topic: string) => Float64Array.from(names, (name) => strengths[topic]?.[name] ?? 0),
  };
}

/**
 * Weng et al.'s equation literally, on a dense matrix: TR_t = gamma P_t^T TR_t + (1 - gamma) E_t, whose rows leak
 * (dissimilarity, accounts giving no attention), then scaled to sum 1. Self-attention is ignored; a row none of
 * whose targets has posts is split by edge weight.
 */
function denseTwitterrank(
  names: readonly string[],
  edges: readonly Edge[],
  posts: Record<string, number>,
  gamma: number,
  share: (name: string) => number,
  teleport: (name: string) => number,
): number[] {
  const n = names.length;
  const index = (name: string) => names.indexOf(name);
  const out = names.map((u) => edges.filter(([from, to]) => from === u && to !== u));
  const activity = (edge: Edge) => posts[edge[1]] ?? 0;
  const P = names.map((u, i) => {
    const row = new Array<number>(n).fill(0);
    const byPosts = out[i]!.some((edge) => activity(edge) > 0);
    const amount = (edge: Edge) => (byPosts ? activity(edge) : (edge[2] ?? 1));
    const total = out[i]!.reduce((sum, edge) => sum + amount(edge), 0);
    for (const edge of out[i]!) {
      row[index(edge[1])]! += (amount(edge) / total) * (1 - Math.abs(share(u) - share(edge[1])));
    }
    return row;
  });
  let x = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 2000; iteration++) {
    x = names.map((v, j) => gamma * x.reduce((sum, xu, i) => sum + xu * P[i]![j]!, 0) + (1 - gamma) * teleport(v));
  }
  const total = x.reduce((sum, value) => sum + value, 0);
  return x.map((value) => value / total);
}

async function run(input: ModelInput, params: Record<string, unknown>, context = testContext()) {
  return twitterrankImplementation.score(input, twitterrankModel.params.parse(params), context);
}

function expectClose(actual: Float64Array, expected: readonly number[], tolerance = 1e-12) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(tolerance));
}

const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);

// f gives no attention; e gives it only to d, who has no posts, so e splits it by edge weight; b attends to itself.
const names = ['a', 'b', 'c', 'd', 'e', 'f'];
const edges: Edge[] = [
  ['a', 'b'],
  ['a', 'c'],
  ['a', 'd'],
  ['b', 'c'],
  ['b', 'b', 5],
  ['c', 'a'],
  ['c', 'f'],
  ['d', 'a'],
  ['d', 'b', 3],
  ['e', 'd', 2],
];
const posts = { a: 2, b: 1, c: 3 };
const strengths = { x: { a: 2, b: 1, c: 1, e: 1 }, y: { a: 1, b: 1, c: 3, d: 1 } };

describe('twitterrank', () => {
  it('splits attention by the activity of the accounts attended to, worked by hand', async () => {
    // a gives 1/4 to b (1 post) and 3/4 to c (3 posts); alpha .5, uniform jumps:
    // x_a = .5 (x_b + x_c) + 1/6, x_b = .125 x_a + 1/6, x_c = .375 x_a + 1/6  =>  x = (4/9, 2/9, 1/3).
    const small = build(['a', 'b', 'c'], [['a', 'b'], ['a', 'c'], ['b', 'a'], ['c', 'a']], { b: 1, c: 3 });
    const result = await run(small, { alpha: 0.5, tolerance: 1e-15 });
    expectClose(result.outputs.score!, [4 / 9, 2 / 9, 1 / 3]);
  });

  it('without topics equals activity-weighted PageRank with uniform jumps', async () => {
    const result = await run(build(names, edges, posts), { tolerance: 1e-15, max_iterations: 1000 });
    const expected = denseTwitterrank(names, edges, posts, 0.85, () => 0, () => 1 / names.length);
    expectClose(result.outputs.score!, expected);
    expect(sum(result.outputs.score!)).toBeCloseTo(1, 12);
    expect(result.outputs.topic_1!.every((value) => value === 0)).toBe(true);
    expect(result.stats).toMatchObject({ converged: true, accounts_by_edge_weight: 1 });
  });

  it("scores each topic as Weng's TR_t scaled to sum 1, and aggregates them by strength", async () => {
    const params = { topics: ['x', '#y'], tolerance: 1e-15, max_iterations: 1000 };
    const context = contextWith(names, { x: strengths.x, '#y': strengths.y });
    const result = await run(build(names, edges, posts), params, context);
    const own = (name: string) =>
      ((strengths.x as Record<string, number>)[name] ?? 0) + ((strengths.y as Record<string, number>)[name] ?? 0);
    const expected = (['x', 'y'] as const).map((topic) => {
      const strength = strengths[topic] as Record<string, number>;
      const total = Object.values(strength).reduce((a, b) => a + b, 0);
      const share = (name: string) => (own(name) > 0 ? (strength[name] ?? 0) / own(name) : 0);
      return denseTwitterrank(names, edges, posts, 0.85, share, (name) => (strength[name] ?? 0) / total);
    });
    expectClose(result.outputs.topic_1!, expected[0]!);
    expectClose(result.outputs.topic_2!, expected[1]!);
    // x has 5 of the 11 units of strength, y 6.
    const aggregate = expected[0]!.map((value, i) => (5 / 11) * value + (6 / 11) * expected[1]![i]!);
    expectClose(result.outputs.score!, aggregate);
    for (const column of ['score', 'topic_1', 'topic_2']) {
      expect(result.outputs[column]!.every(Number.isFinite)).toBe(true);
      expect(sum(result.outputs[column]!)).toBeCloseTo(1, 12);
    }
    expect(result.outputs.topic_3!.every((value) => value === 0)).toBe(true);
    expect(result.stats).toMatchObject({
      converged: true,
      topic_columns: { topic_1: 'x', topic_2: '#y', topic_3: null },
      topic_weights: { x: 5 / 11, '#y': 6 / 11 },
    });
    expect(Object.keys(result.stats.iterations_per_topic as object)).toEqual(['x', '#y']);
  });

  it('explains the score by topic, in-neighbours and jumps, with shares summing to 1', async () => {
    const params = twitterrankModel.params.parse({ topics: ['x', 'y'], tolerance: 1e-15, max_iterations: 1000 });
    const context = contextWith(names, strengths);
    const input = build(names, edges, posts);
    const { outputs } = await twitterrankImplementation.score(input, params, context);
    const explanation = await twitterrankImplementation.explain(input, params, outputs, 0, context, 20);
    const shares = explanation.contributions.map((contribution) => contribution.share!);
    expect(shares.reduce((total, share) => total + share, 0)).toBeCloseTo(1, 9);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    // c and d give a attention, in both topics.
    expect(new Set(explanation.contributions.map((contribution) => contribution.node))).toEqual(new Set([2, 3, null]));
    expect(explanation.contributions.map((contribution) => contribution.label)).toContain('attention in "y"');
    const topicFactor = explanation.factors.find((factor) => factor.label === 'topic "x" (topic_1)')!;
    expect(topicFactor.value).toBe(outputs.topic_1![0]);
    expect(topicFactor.note).toMatch(/^weight 0\.455 in the score/);
    expect(explanation.summary).toMatch(/^TwitterRank \S+ over 2 topics: /);
  });

  it('refuses topics no account has, and duplicate or too many topics', async () => {
    const input = build(names, edges, posts);
    await expect(run(input, { topics: ['x', 'z'] }, contextWith(names, strengths))).rejects.toThrow(
      new ModelInputError('no account has any strength in the topic "z"'),
    );
    expect(twitterrankModel.params.safeParse({ topics: ['AI', '#ai'] }).success).toBe(false);
    expect(twitterrankModel.params.safeParse({ topics: ['a', 'b', 'c', 'd', 'e', 'f'] }).success).toBe(false);
    expect(twitterrankModel.params.parse({})).toMatchObject({ alpha: 0.85, topics: [], max_iterations: 100 });
  });

  it('reports an unconverged topic and progress per iteration, and scores an empty graph', async () => {
    const context = contextWith(names, strengths);
    const result = await run(build(names, edges, posts), { topics: ['x'], max_iterations: 2 }, context);
    expect(result.stats).toMatchObject({ iterations: 2, converged: false });
    expect(result.stats.notes![0]).toMatch(/^topic "x" did not converge/);
    expect(context.phases).toEqual(['topic "x", iteration 1', 'topic "x", iteration 2']);
    const empty = await run(build([], [], {}), {});
    expect(empty.outputs.score).toEqual(new Float64Array(0));
    expect(Object.keys(empty.outputs)).toEqual(twitterrankModel.outputs.map((output) => output.name));
  });
});
