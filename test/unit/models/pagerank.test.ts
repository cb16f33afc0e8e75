import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom, zipfPick } from '../../../bench/random';
import { csrFromEdges, rowWeightSums, transpose } from '../../../src/main/scoring/graph/csr';
import { makeScoringGraph } from '../../../src/main/scoring/graph/scoring-graph';
import { CancelledError, ModelInputError, type ModelInput, type ScoreContext } from '../../../src/main/scoring/model';
import { pagerankImplementation } from '../../../src/main/scoring/models/pagerank';
import {
  pagerankParallel,
  pagerankSingleThread,
  type PagerankProblem,
} from '../../../src/main/scoring/parallel/pagerank-solver';
import { pagerankModel } from '../../../src/shared/models/pagerank';
import { referenceDir } from '../../helpers';
import { inputFromEdges, testContext } from '../../scoring-helpers';

interface PagerankCase {
  id: string;
  measure: string;
  edges?: [number, number][];
  weighted_edges?: [string, string, number][];
  params: { alpha?: number; weighted?: boolean; dangling_weights?: Record<string, number> };
  expected: Record<string, number>;
  unweighted_expected?: Record<string, number>;
  abs_tolerance: number;
}

const cases = (
  JSON.parse(fs.readFileSync(path.join(referenceDir, 'peer-values.json'), 'utf8')) as { cases: PagerankCase[] }
).cases.filter((c) => c.measure === 'pagerank');

function score(input: ModelInput, params: Record<string, unknown>, context: ScoreContext) {
  return pagerankImplementation.score(input, pagerankModel.params.parse(params), context);
}

async function scoreNamed(
  names: string[],
  edges: [string, string, number?][],
  params: Record<string, unknown> = {},
): Promise<Record<string, number>> {
  const result = await score(inputFromEdges(names, edges), params, testContext(names));
  return Object.fromEntries(names.map((name, i) => [name, result.outputs.score![i]!]));
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>, tolerance: number) {
  for (const [name, value] of Object.entries(expected)) expect(Math.abs(actual[name]! - value)).toBeLessThan(tolerance);
}

describe('pagerank against the peers\' published values', () => {
  it('covers every pagerank case of the reference file', () => expect(cases.length).toBe(3));

  for (const c of cases) {
    const names = Object.keys(c.expected);
    const edges: [string, string, number?][] =
      c.weighted_edges ?? c.edges!.map(([from, to]) => [String(from), String(to)] as [string, string]);
    const params = { alpha: c.params.alpha, dangling_weights: c.params.dangling_weights };

    it(c.id, async () => expectClose(await scoreNamed(names, edges, params), c.expected, c.abs_tolerance));
    if (c.unweighted_expected) {
      const unweighted = c.unweighted_expected;
      it(`${c.id}, unweighted`, async () =>
        expectClose(await scoreNamed(names, edges, { ...params, weighted: false }), unweighted, c.abs_tolerance));
    }
  }
});

describe('pagerank parameters and failures', () => {
  const cycle: [string, string][] = [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
  ];

  it('teleports only to the personalization accounts', async () => {
    // x_a = .5 x_c + .5, x_b = .5 x_a, x_c = .5 x_b  =>  x = (4/7, 2/7, 1/7).
    const scores = await scoreNamed(['a', 'b', 'c'], cycle, {
      alpha: 0.5,
      personalization: { accounts: ['a'] },
      tolerance: 1e-14,
    });
    expectClose(scores, { a: 4 / 7, b: 2 / 7, c: 1 / 7 }, 1e-12);
    expectClose(await scoreNamed(['a', 'b', 'c'], cycle, { alpha: 0.5 }), { a: 1 / 3, b: 1 / 3, c: 1 / 3 }, 1e-12);
  });

  it('teleports by topic strength, and sends dangling mass the same way', async () => {
    // b is dangling; p = d = (0, 1): x_a = 0, x_b = .5 (x_a + x_b) + .5  =>  x = (0, 1).
    const input = inputFromEdges(['a', 'b'], [['a', 'b']]);
    const context = { ...testContext(['a', 'b']), topicStrength: () => Float64Array.of(0, 3) };
    const result = await score(input, { alpha: 0.5, personalization: { topic: 'x' } }, context);
    expect([...result.outputs.score!]).toEqual([0, 1]);
  });

  it('names an unknown account and refuses weights that sum to 0', async () => {
    const names = ['a', 'b', 'c'];
    const input = inputFromEdges(names, cycle);
    await expect(score(input, { personalization: { accounts: ['a', 'nobody'] } }, testContext(names))).rejects.toThrow(
      new ModelInputError('no account "nobody"'),
    );
    await expect(score(input, { dangling_weights: { ghost: 1 } }, testContext(names))).rejects.toThrow(/ghost/);
    await expect(score(input, { dangling_weights: { a: 0 } }, testContext(names))).rejects.toBeInstanceOf(
      ModelInputError,
    );
    await expect(score(input, { personalization: { topic: 'none' } }, testContext(names))).rejects.toBeInstanceOf(
      ModelInputError,
    );
  });

  it('reports an unconverged run instead of failing it, with progress per iteration', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const context = testContext(names);
    const input = inputFromEdges(names, [...cycle, ['d', 'a']]);
    const result = await score(input, { max_iterations: 3, tolerance: 1e-15 }, context);
    expect(result.stats).toMatchObject({ iterations: 3, converged: false });
    expect(result.stats.residual).toBeGreaterThan(1e-15);
    expect(result.stats.notes![0]).toMatch(/^did not converge/);
    expect(context.phases).toEqual(['iteration 1', 'iteration 2', 'iteration 3']);
  });

  it('scores an empty graph with empty outputs', async () => {
    const result = await score(inputFromEdges([], []), {}, testContext());
    expect(result.outputs.score).toEqual(new Float64Array(0));
  });

  it('refuses alpha outside (0, 1) and a personalization with both accounts and topic', () => {
    expect(pagerankModel.params.safeParse({ alpha: 1 }).success).toBe(false);
    expect(pagerankModel.params.safeParse({ personalization: { accounts: ['a'], topic: 't' } }).success).toBe(false);
    expect(pagerankModel.params.parse({})).toMatchObject({ alpha: 0.85, weighted: true, max_iterations: 100 });
  });

  it('explains a score by in-neighbours, teleport and dangling mass whose shares sum to 1', async () => {
    const names = ['1', '2', '3', '4', '5', '6'];
    const c = cases.find((entry) => entry.id === 'pagerank-langville-meyer')!;
    const input = inputFromEdges(names, c.edges!.map(([from, to]) => [String(from), String(to)]));
    const params = pagerankModel.params.parse({ alpha: 0.9 });
    const { outputs } = await pagerankImplementation.score(input, params, testContext(names));
    const explanation = await pagerankImplementation.explain(input, params, outputs, 3, testContext(names), 10);
    const shares = explanation.contributions.map((contribution) => contribution.share!);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
    expect(new Set(explanation.contributions.map((contribution) => contribution.node))).toEqual(new Set([4, 5, null]));
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(explanation.factors.find((factor) => factor.label === 'in-degree')!.value).toBe(2);
  });
});

/** A heavy-tailed random graph with some dangling nodes, big enough for the two-thread path. */
function randomGraph(nodeCount: number, edgeCount: number, seed: number) {
  const random = seededRandom(seed);
  const edges: [number, number, number][] = [];
  while (edges.length < edgeCount) {
    const from = Math.floor(random() * nodeCount);
    if (from % 10 !== 0) edges.push([from, zipfPick(random, nodeCount), 1 + Math.floor(random() * 4)]);
  }
  return csrFromEdges(nodeCount, edges);
}

function problemOf(graph: ReturnType<typeof randomGraph>, weighted: boolean, alpha = 0.85): PagerankProblem {
  const n = graph.nodeCount;
  const outDegree = (v: number) => graph.offsets[v + 1]! - graph.offsets[v]!;
  const outWeight = weighted ? rowWeightSums(graph) : Float64Array.from({ length: n }, (_, v) => outDegree(v));
  return {
    incoming: transpose(graph),
    weighted,
    scaledInverseOut: outWeight.map((w) => (w > 0 ? alpha / w : 0)),
    teleport: new Float64Array(n).fill((1 - alpha) / n),
    danglingTarget: new Float64Array(n).fill(1 / n),
    alpha,
    tolerance: 1e-12,
    maxIterations: 200,
    onIteration: () => undefined,
  };
}

/** networkx's push loop, written plainly. */
function pushReference(graph: ReturnType<typeof randomGraph>, alpha: number, iterations: number): Float64Array {
  const n = graph.nodeCount;
  const outWeight = rowWeightSums(graph);
  let x = new Float64Array(n).fill(1 / n);
  for (let i = 0; i < iterations; i++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += x[v]!;
    const next = new Float64Array(n).fill((alpha * dangling + 1 - alpha) / n);
    for (let u = 0; u < n; u++) {
      for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
        next[graph.targets[e]!]! += (alpha * x[u]! * graph.weights[e]!) / outWeight[u]!;
      }
    }
    x = next;
  }
  return x;
}

const bytes = (array: Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('pagerank on two threads', () => {
  const graph = randomGraph(20_000, 200_000, 7);

  it('gives the same bytes on one thread and on two, weighted and unweighted, however the ranges fall', async () => {
    for (const weighted of [true, false]) {
      const single = pagerankSingleThread(problemOf(graph, weighted));
      const parallel = await pagerankParallel(problemOf(graph, weighted));
      expect(single.helperShare).toBe(0);
      expect(parallel.threads).toBe(2);
      expect(parallel.helperShare).toBeGreaterThan(0);
      expect(parallel.converged).toBe(true);
      expect(parallel.iterations).toBe(single.iterations);
      expect(parallel.residual).toBe(single.residual);
      expect(bytes(parallel.scores).equals(bytes(single.scores))).toBe(true);
      // The helper joins whenever it has started, so each iteration splits differently.
      const lateJoin = await pagerankParallel(problemOf(graph, weighted), { waitForHelper: false });
      expect(bytes(lateJoin.scores).equals(bytes(single.scores))).toBe(true);
    }
  });

  it('uses two threads in the model and agrees with networkx\'s push loop', async () => {
    const input: ModelInput = {
      graph: makeScoringGraph(Int32Array.from({ length: graph.nodeCount }, (_, i) => i + 1), transpose(graph)),
      followers: new Float64Array(graph.nodeCount),
      interactions: null,
      posts: null,
    };
    const result = await score(input, { tolerance: 1e-13, max_iterations: 500 }, testContext());
    expect(result.stats).toMatchObject({ threads: 2, converged: true });
    const reference = pushReference(graph, 0.85, result.stats.iterations!);
    const scores = result.outputs.score!;
    let largest = 0;
    for (let v = 0; v < graph.nodeCount; v++) largest = Math.max(largest, Math.abs(scores[v]! - reference[v]!));
    expect(largest).toBeLessThan(1e-14);
    expect(result.outputs.score!.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1, 12);
  });

  it('stops the helper thread when the run is cancelled', async () => {
    let checks = 0;
    const cancelling: PagerankProblem = {
      ...problemOf(graph, true),
      onIteration: () => {
        if (++checks === 3) throw new CancelledError();
      },
    };
    await expect(pagerankParallel(cancelling)).rejects.toBeInstanceOf(CancelledError);
    expect(checks).toBe(3);
  });
});
