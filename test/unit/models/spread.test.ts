import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom, zipfPick } from '../../../bench/random';
import { csrFromEdges, type Csr } from '../../../src/main/scoring/graph/csr';
import { makeScoringGraph } from '../../../src/main/scoring/graph/scoring-graph';
import { spreadModel } from '../../../src/shared/models/spread';
import { spreadImplementation } from '../../../src/main/scoring/models/spread';
import { CascadeSimulator } from '../../../src/main/scoring/parallel/spread-kernel';
import {
  spreadParallel,
  spreadSingleThread,
  type SpreadProblem,
} from '../../../src/main/scoring/parallel/spread-solver';
import { CancelledError } from '../../../src/main/scoring/model';
import { inputFromEdges, testContext } from '../../scoring-helpers';

type Edges = ReadonlyArray<readonly [string, string, number?]>;

async function spread(names: string[], edges: Edges, params: object, seed = 1) {
  const parsed = spreadModel.params.parse(params);
  const input = inputFromEdges(names, edges);
  const context = testContext(names, seed);
  const result = await spreadImplementation.score(input, parsed, context);
  return { input, parsed, context, result, score: [...result.outputs.score!], stderr: [...result.outputs.stderr!] };
}

/** Within four standard errors of the exact expectation, using the error the model reports. */
function expectNear(score: number[], stderr: number[], exact: number[]) {
  exact.forEach((value, i) => expect(Math.abs(score[i]! - value)).toBeLessThanOrEqual(4 * stderr[i]! + 1e-12));
}

/**
 * The exact mean and variance of the cascade size from `source`, by enumerating every live-edge world (Kempe et
 * al. 2003, claim 2.3: Independent Cascade activates exactly the accounts reachable over edges that are live, each
 * live with its probability, independently). Edges are [actor, target, probability]: influence runs target -> actor.
 */
function liveEdgeMoments(names: string[], edges: ReadonlyArray<readonly [string, string, number]>, source: number) {
  let mean = 0;
  let square = 0;
  for (let world = 0; world < 2 ** edges.length; world++) {
    let probability = 1;
    const live = edges.filter(([, , p], e) => {
      const on = (world >> e) & 1;
      probability *= on ? p : 1 - p;
      return on === 1;
    });
    const reached = new Set([names[source]!]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [actor, target] of live) if (reached.has(target) && !reached.has(actor)) grew = Boolean(reached.add(actor));
    }
    mean += probability * reached.size;
    square += probability * reached.size ** 2;
  }
  return { mean, variance: square - mean * mean };
}

// Attention runs c -> b -> a, so influence runs a -> b -> c.
const pathNames = ['a', 'b', 'c'];
const path: Edges = [
  ['b', 'a'],
  ['c', 'b'],
];
// b and c give a attention, d gives b and c attention: d is reached from a by either of two routes.
const diamondNames = ['a', 'b', 'c', 'd'];
const diamond: Edges = [
  ['b', 'a'],
  ['c', 'a'],
  ['d', 'b'],
  ['d', 'c'],
];

describe('spread model', () => {
  it('has bounded parameters with defaults', () => {
    expect(spreadModel.params.parse({})).toMatchObject({ probability: 0.01, edge_probability: 'constant', runs: 100 });
    expect(spreadModel.stochastic).toBe(true);
    for (const bad of [{ probability: 0 }, { probability: 1.5 }, { runs: 0 }, { runs: 2.5 }, { runs: 100_001 }]) {
      expect(spreadModel.params.safeParse(bad).success).toBe(false);
    }
    expect(spreadModel.params.safeParse({ edge_probability: 'degree' }).success).toBe(false);
  });

  it('counts exactly the accounts each one reaches when every activation succeeds', async () => {
    const { score, stderr } = await spread(diamondNames, [...diamond, ['a', 'd']], { probability: 1, runs: 3 });
    expect(score).toEqual([4, 4, 4, 4]);
    expect(stderr).toEqual([0, 0, 0, 0]);
    const chain = await spread(pathNames, path, { probability: 1, runs: 2 });
    expect(chain.score).toEqual([3, 2, 1]);
  });

  it('estimates the exact expected spread of a path, a diamond and a star', async () => {
    const runs = 20_000;
    const chain = await spread(pathNames, path, { probability: 0.5, runs });
    expectNear(chain.score, chain.stderr, [1.75, 1.5, 1]);
    // Size 1, 2 or 3 with probabilities 1/2, 1/4, 1/4: standard deviation sqrt(11/16).
    expect(chain.stderr[0]).toBeCloseTo(Math.sqrt(11 / 16 / runs), 3);

    const twoRoutes = await spread(diamondNames, diamond, { probability: 0.5, runs });
    expectNear(twoRoutes.score, twoRoutes.stderr, [1 + 0.5 + 0.5 + (1 - 0.75 ** 2), 1.5, 1.5, 1]);

    // 500 followers of a hub at p = 0.01 exercise the geometric skipping over long rows.
    const leaves = Array.from({ length: 500 }, (_, i) => `l${i}`);
    const star = await spread(['hub', ...leaves], leaves.map((leaf) => [leaf, 'hub'] as const), { probability: 0.01, runs });
    expectNear(star.score.slice(0, 1), star.stderr, [1 + 500 * 0.01]);
    expect(star.score.slice(1).every((value) => value === 1)).toBe(true);
  });

  it("reports each account's standard error as the exact sd over live-edge worlds / sqrt(runs)", async () => {
    // Influence runs a -> b, a -> c, b -> d, c -> d, d -> e, e -> a: two routes to d and a cycle back to a.
    const names = ['a', 'b', 'c', 'd', 'e'];
    const weighted = [['b', 'a', 0.5], ['c', 'a', 0.3], ['d', 'b', 0.6], ['d', 'c', 0.8], ['e', 'd', 0.4], ['a', 'e', 0.7]] as const;
    const runs = 40_000;
    for (const [params, edges] of [
      [{ probability: 0.3 }, weighted.map(([actor, target]) => [actor, target, 0.3] as const)],
      [{ edge_probability: 'weight' }, weighted],
    ] as const) {
      const exact = names.map((_, source) => liveEdgeMoments(names, edges, source));
      const { score, stderr } = await spread(names, edges, { ...params, runs });
      exact.forEach(({ mean, variance }, i) => {
        const exactStderr = Math.sqrt(variance / runs);
        expect(Math.abs(score[i]! - mean)).toBeLessThanOrEqual(4 * exactStderr);
        // The sample sd of 40,000 cascade sizes is within about 1% of the true one; 5% is four of its errors.
        expect(Math.abs(stderr[i]! / exactStderr - 1)).toBeLessThan(0.05);
      });
    }
  });

  it('reads activation probabilities from edge weights, capped at 1', async () => {
    const weighted = [
      ['b', 'a', 0.5],
      ['c', 'b', 2],
    ] as const;
    const { score, stderr } = await spread(pathNames, [...weighted], { edge_probability: 'weight', runs: 20_000 });
    expectNear(score, stderr, [2, 2, 1]);
    expect(score.slice(1)).toEqual([2, 1]);
  });

  it('gives byte-identical results for the same seed and different ones for another', async () => {
    const params = { probability: 0.3, runs: 50 };
    const bytes = (values: Float64Array) => Buffer.from(values.buffer).toString('hex');
    const first = await spread(diamondNames, diamond, params, 7);
    const again = await spread(diamondNames, diamond, params, 7);
    const other = await spread(diamondNames, diamond, params, 8);
    expect(bytes(again.result.outputs.score!)).toBe(bytes(first.result.outputs.score!));
    expect(bytes(again.result.outputs.stderr!)).toBe(bytes(first.result.outputs.stderr!));
    expect(bytes(other.result.outputs.score!)).not.toBe(bytes(first.result.outputs.score!));
    // Too small to be worth a second thread.
    expect(first.result.stats.threads).toBe(1);
  });

  it("makes each account's cascades independent of which ran before them", () => {
    const input = inputFromEdges(diamondNames, diamond);
    const params = spreadModel.params.parse({ probability: 0.5 });
    const sizes = (simulator: CascadeSimulator) => Array.from({ length: 20 }, (_, r) => simulator.run(0, r));
    const fresh = new CascadeSimulator(input.graph.incoming(), params, 3);
    const used = new CascadeSimulator(input.graph.incoming(), params, 3);
    for (let r = 0; r < 30; r++) used.run(1 + (r % 3), r);
    expect(sizes(used)).toEqual(sizes(fresh));
  });

  it('leaves the standard error unknown for a single run', async () => {
    const { score, stderr } = await spread(pathNames, path, { probability: 1, runs: 1 });
    expect(score).toEqual([3, 2, 1]);
    expect(stderr.every(Number.isNaN)).toBe(true);
  });

  it('explains with the same coins: the accounts reached most often', async () => {
    const { input, parsed, context, result, score } = await spread(pathNames, path, { probability: 0.5, runs: 4000 });
    const explanation = await spreadImplementation.explain(input, parsed, result.outputs, 0, context, 10);
    expect(explanation.factors[0]).toMatchObject({ label: 'expected cascade size', value: score[0] });
    const [b, c] = explanation.contributions;
    expect(b!.node).toBe(1);
    expect(b!.value).toBeCloseTo(0.5, 1);
    expect(c!.node).toBe(2);
    expect(c!.value).toBeCloseTo(0.25, 1);
    expect(b!.share! + c!.share!).toBeCloseTo(1 - 1 / score[0]!, 12);
    const top = await spreadImplementation.explain(input, parsed, result.outputs, 0, context, 1);
    expect(top.contributions).toHaveLength(1);
  });

  it('stops when the job is cancelled', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `n${i}`);
    const ring = names.map((name, i) => [name, names[(i + 1) % names.length]!] as const);
    const input = inputFromEdges(names, ring);
    const context = testContext(names);
    context.checkCancelled = () => {
      throw new CancelledError();
    };
    const params = spreadModel.params.parse({ probability: 1, runs: 1 });
    await expect(spreadImplementation.score(input, params, context)).rejects.toBeInstanceOf(CancelledError);
  });
});

/** Rows of who each account can activate: heavy-tailed, weights in (0, 0.2) for edge_probability "weight". */
function randomRows(nodeCount: number, edgeCount: number, seed: number): Csr {
  const random = seededRandom(seed);
  const edges = Array.from(
    { length: edgeCount },
    () => [zipfPick(random, nodeCount), Math.floor(random() * nodeCount), 0.2 * random()] as const,
  );
  return csrFromEdges(nodeCount, edges);
}

const bytes = (array: Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('spread on two threads', () => {
  const rows = randomRows(20_000, 100_000, 11);
  const problem = (params: object, seed = 5): SpreadProblem => ({
    rows,
    settings: spreadModel.params.parse(params),
    seed,
    onProgress: () => undefined,
  });

  afterEach(() => void vi.restoreAllMocks());

  it('gives the same bytes on one thread and on two, however the chunks fall', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    for (const params of [{ probability: 0.05, runs: 20 }, { edge_probability: 'weight', runs: 20 }]) {
      const single = spreadSingleThread(problem(params));
      const parallel = await spreadParallel(problem(params));
      expect(single).toMatchObject({ threads: 1, helperShare: 0 });
      expect(parallel.threads).toBe(2);
      expect(parallel.helperShare).toBeGreaterThan(0);
      expect(parallel.activations).toBe(single.activations);
      expect(bytes(parallel.score).equals(bytes(single.score))).toBe(true);
      expect(bytes(parallel.stderr).equals(bytes(single.stderr))).toBe(true);
      // The helper joins whenever it has started, so the chunks split differently.
      const lateJoin = await spreadParallel(problem(params), { waitForHelper: false });
      expect(bytes(lateJoin.score).equals(bytes(single.score))).toBe(true);
      expect(bytes(lateJoin.stderr).equals(bytes(single.stderr))).toBe(true);
    }
    expect(terminate).toHaveBeenCalledTimes(4);
  });

  it('agrees with simulating every account in turn, and the model uses two threads on a large graph', async () => {
    const params = spreadModel.params.parse({ probability: 0.05, runs: 50 });
    const simulator = new CascadeSimulator(rows, params, 5);
    const plain = Float64Array.from({ length: rows.nodeCount }, (_, v) => {
      let sum = 0;
      for (let r = 0; r < params.runs; r++) sum += simulator.run(v, r);
      return sum / params.runs;
    });
    const input = {
      graph: makeScoringGraph(Int32Array.from({ length: rows.nodeCount }, (_, i) => i + 1), rows),
      followers: new Float64Array(0),
      interactions: null,
      posts: null,
    };
    const result = await spreadImplementation.score(input, params, testContext([], 5));
    expect(result.stats.threads).toBe(2);
    expect(bytes(result.outputs.score!).equals(bytes(plain))).toBe(true);
    expect(result.stats.activations).toBe(plain.reduce((sum, mean) => sum + mean * params.runs, 0));
  });

  it('stops and terminates the helper thread when the run is cancelled', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    let calls = 0;
    const cancelling: SpreadProblem = {
      ...problem({ probability: 0.05, runs: 20 }),
      onProgress: () => {
        if (++calls === 3) throw new CancelledError();
      },
    };
    await expect(spreadParallel(cancelling)).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toBe(3);
    expect(terminate).toHaveBeenCalledTimes(1);
    await expect(terminate.mock.results[0]!.value).resolves.toBeTypeOf('number');
  });
});
