import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kcoreModel } from '../../../src/shared/models/kcore';
import { kcoreImplementation } from '../../../src/main/scoring/models/kcore';
import { datasetsDir, referenceDir } from '../../helpers';
import { inputFromEdges, testContext } from '../../scoring-helpers';

interface PeerCase {
  id: string;
  edges?: Array<[number, number]>;
  expected?: Record<string, number>;
  then_add_edges?: Array<[number, number]>;
  expected_after?: Record<string, number>;
  expected_by_node_0_to_33?: number[];
}
const peers = JSON.parse(fs.readFileSync(path.join(referenceDir, 'peer-values.json'), 'utf8')) as { cases: PeerCase[] };
const peerCase = (id: string) => peers.cases.find((c) => c.id === id)!;

const params = kcoreModel.params.parse({});

async function coreness(names: string[], edges: ReadonlyArray<readonly [string, string]>): Promise<Record<string, number>> {
  const result = await kcoreImplementation.score(inputFromEdges(names, edges), params, testContext(names));
  return Object.fromEntries(names.map((name, i) => [name, result.outputs.score![i]!]));
}

describe('kcore model', () => {
  it('matches igraph coreness on the karate club, read as directed source -> target edges', async () => {
    const lines = fs.readFileSync(path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'), 'utf8').trim().split('\n');
    const edges = lines.slice(1).map((line) => line.split(',') as [string, string, string]);
    const names = Array.from({ length: 34 }, (_, i) => String(i));
    const result = await coreness(
      names,
      edges.map(([source, target]) => [source, target] as const),
    );
    expect(Object.values(result)).toEqual(peerCase('coreness-karate').expected_by_node_0_to_33);
  });

  it('counts in-degree plus out-degree, as networkx does on a directed graph', async () => {
    const peer = peerCase('coreness-directed');
    const names = ['1', '2', '3', '4', '5', '6'];
    const asEdges = (list: Array<[number, number]>) => list.map(([s, t]) => [String(s), String(t)] as const);
    const before = await coreness(names.slice(0, 4), asEdges(peer.edges!));
    expect(before).toEqual(peer.expected);
    const after = await coreness(names, asEdges([...peer.edges!, ...peer.then_add_edges!]));
    expect(after).toEqual(peer.expected_after);
  });

  it('ignores self-loops and weights', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const triangle = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
    ] as const;
    expect(await coreness(names, triangle)).toEqual({ a: 2, b: 2, c: 2, d: 1 });
    expect(await coreness(names, [...triangle, ['a', 'a'], ['d', 'd'], ['d', 'a']])).toEqual({ a: 2, b: 2, c: 2, d: 1 });
    const weighted = inputFromEdges(names, [...triangle.map(([s, t]) => [s, t, 50] as const)]);
    const result = await kcoreImplementation.score(weighted, params, testContext(names));
    expect([...result.outputs.score!]).toEqual([2, 2, 2, 1]);
    expect(result.stats).toEqual({ max_core: 2 });
  });

  it('explains coreness, degree and the neighbours in the same or a higher core', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const input = inputFromEdges(names, [
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
      ['a', 'e'],
    ]);
    const context = testContext(names);
    const { outputs } = await kcoreImplementation.score(input, params, context);
    expect([...outputs.score!]).toEqual([2, 2, 2, 1, 1]);
    const explanation = await kcoreImplementation.explain(input, params, outputs, 0, context, 10);
    expect(explanation.factors).toContainEqual(expect.objectContaining({ label: 'degree', value: 5 }));
    expect(explanation.factors).toContainEqual(expect.objectContaining({ label: 'in-degree', value: 3 }));
    expect(explanation.factors).toContainEqual(expect.objectContaining({ label: 'out-degree', value: 2 }));
    expect(explanation.factors).toContainEqual({ label: 'links into the same or a higher core', value: 3 });
    expect(explanation.contributions).toEqual([
      { node: 1, label: 'attention both ways', value: 2, share: null },
      { node: 2, label: 'gives it attention', value: 2, share: null },
    ]);
    expect(explanation.summary).toMatch(/^Coreness 2/);
  });
});
