import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, referenceDir, tempDb } from '../helpers';
import { importEdges, scoreRun } from '../run-helpers';

interface ReferenceCase {
  id: string;
  measure: string;
  edges?: [number, number][];
  weighted_edges?: [string, string, number][];
  params?: Record<string, unknown>;
  abs_tolerance?: number;
  [key: string]: unknown;
}

const reference = JSON.parse(fs.readFileSync(path.join(referenceDir, 'peer-values.json'), 'utf8')) as { cases: ReferenceCase[] };
const referenceCase = (id: string) => reference.cases.find((c) => c.id === id)!;

function expectClose(actual: Record<string, number | null>, expected: Record<string, number>, tolerance: number) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [node, value] of Object.entries(expected)) {
    expect(Math.abs(actual[node]! - value), `node ${node}: ${actual[node]} vs ${value}`).toBeLessThanOrEqual(tolerance);
  }
}

/** Every case of ../shared/reference/peer-values.json, computed through import, the scoring worker and the store. */
describe('reference values of networkx, graphology and igraph, end to end', () => {
  it('covers every case in peer-values.json', () => {
    expect(reference.cases.map((c) => c.id).sort()).toEqual([
      'congress-toy-weights',
      'coreness-directed',
      'coreness-karate',
      'hits-networkx',
      'pagerank-langville-meyer',
      'pagerank-langville-meyer-dangling-vector',
      'pagerank-weighted-small',
    ]);
  });

  it('pagerank-langville-meyer (alpha 0.9, dangling mass spread uniformly)', async () => {
    const c = referenceCase('pagerank-langville-meyer');
    const { db } = tempDb();
    await importEdges(db, 'lm', c.edges!);
    const { score } = await scoreRun(db, 'lm', 'pagerank', { alpha: c.params!.alpha, tolerance: c.params!.tolerance });
    expectClose(score, c.expected as Record<string, number>, c.abs_tolerance!);
  });

  it('pagerank-langville-meyer-dangling-vector', async () => {
    const c = referenceCase('pagerank-langville-meyer-dangling-vector');
    const { db } = tempDb();
    await importEdges(db, 'lm', c.edges!);
    const { alpha, dangling_weights } = c.params as { alpha: number; dangling_weights: Record<string, number> };
    const { score } = await scoreRun(db, 'lm', 'pagerank', { alpha, dangling_weights });
    expectClose(score, c.expected as Record<string, number>, c.abs_tolerance!);
  });

  it('pagerank-weighted-small, weighted and unweighted', async () => {
    const c = referenceCase('pagerank-weighted-small');
    const { db } = tempDb();
    await importEdges(db, 'small', c.weighted_edges!);
    const weighted = await scoreRun(db, 'small', 'pagerank', { alpha: 0.85 });
    expectClose(weighted.score, c.expected as Record<string, number>, c.abs_tolerance!);
    const unweighted = await scoreRun(db, 'small', 'pagerank', { alpha: 0.85, weighted: false });
    expectClose(unweighted.score, c.unweighted_expected as Record<string, number>, c.abs_tolerance!);
  });

  it('hits-networkx: authorities as the score, hubs as an extra column', async () => {
    const c = referenceCase('hits-networkx');
    const { db } = tempDb();
    await importEdges(db, 'hits', c.edges!);
    const run = await scoreRun(db, 'hits', 'hits', { normalization: 'sum' });
    expectClose(run.score, c.expected_authorities as Record<string, number>, c.abs_tolerance!);
    expectClose(run.column('hub'), c.expected_hubs as Record<string, number>, c.abs_tolerance!);
  });

  it('coreness-karate, from the karate club file as imported', async () => {
    const c = referenceCase('coreness-karate');
    const { db } = tempDb();
    const { callService } = await import('../../src/main/services');
    const file = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
    expect((await callService('datasets.import', { paths: [file], dataset: 'karate' }, { db })).ok).toBe(true);
    const { score } = await scoreRun(db, 'karate', 'kcore');
    const expected = Object.fromEntries((c.expected_by_node_0_to_33 as number[]).map((k, node) => [String(node), k]));
    expectClose(score, expected, 0);
  });

  it('coreness-directed, before and after more edges are imported into the same dataset', async () => {
    const c = referenceCase('coreness-directed');
    const { db } = tempDb();
    await importEdges(db, 'directed', c.edges!);
    expectClose((await scoreRun(db, 'directed', 'kcore')).score, c.expected as Record<string, number>, 0);
    await importEdges(db, 'directed', c.then_add_edges as [number, number][]);
    expectClose((await scoreRun(db, 'directed', 'kcore')).score, c.expected_after as Record<string, number>, 0);
  });
});

describe('congress-toy-weights: the Congress network builder, end to end', () => {
  it("i -> j weight = reactions of j to i / i's tweets, from the authors' toy tweet tables", async () => {
    const c = referenceCase('congress-toy-weights');
    const { db } = tempDb();
    const { callService } = await import('../../src/main/services');
    const { loadModelInput } = await import('../../src/main/scoring/input/load-input');
    const { defaultGraphOptions } = await import('../../src/shared/models/descriptor');
    const paths = [0, 1, 2, 3].map((n) => path.join(datasetsDir, 'congress-twitter', 'test_data', `${n}_tweets.csv`));
    expect((await callService('datasets.import', { paths, dataset: 'toy' }, { db })).ok).toBe(true);
    const loaded = loadModelInput(db, 1, {
      needs: {},
      graph: { ...defaultGraphOptions, perTargetPost: true },
      includeMinors: false,
      progress: () => undefined,
    });
    const { graph } = loaded.input;
    const platformId = db.prepare('SELECT platform_id FROM accounts WHERE id = ?').pluck();
    const name = (node: number) => Number(platformId.get(graph.accountIds[node]!));
    // Attention runs reactor -> author; the authors' graph runs author (influencer) -> reactor.
    const influence: [number, number, number][] = [];
    for (let v = 0; v < graph.nodeCount; v++) {
      for (let e = graph.out.offsets[v]!; e < graph.out.offsets[v + 1]!; e++) {
        influence.push([name(graph.out.targets[e]!), name(v), graph.out.weights[e]!]);
      }
    }
    const expected = c.expected_weighted_edges as [number, number, number][];
    const key = (edge: [number, number, number]) => `${edge[0]}->${edge[1]}`;
    expect(influence.map(key).sort()).toEqual(expected.map(key).sort());
    for (const edge of expected) {
      const found = influence.find((candidate) => key(candidate) === key(edge))!;
      expect(found[2]).toBeCloseTo(edge[2], 7);
    }
  });
});
