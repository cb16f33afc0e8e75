import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLayoutRun, detectCommunities, spiralPositions, type LayoutGraph } from '../../../src/renderer/src/ui/network/layout-core';

const datasets = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets');

/** Zachary's karate club from the real file: 34 members (0 to 33; 0 the instructor, 33 the president), 78 ties. */
function karate(): LayoutGraph & { ids: string[] } {
  const rows = fs.readFileSync(path.join(datasets, 'karate', 'karate_club_weighted.csv'), 'utf8').trim().split('\n').slice(1);
  const pairs = rows.map((row) => row.split(',').slice(0, 2));
  const ids = [...new Set(pairs.flat())].sort((a, b) => Number(a) - Number(b));
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ids,
    positions: spiralPositions(ids.length),
    sizes: new Float32Array(ids.length).fill(1),
    sources: Uint32Array.from(pairs, ([s]) => index.get(s!)!),
    targets: Uint32Array.from(pairs, ([, t]) => index.get(t!)!),
  };
}

function runToEnd(graph: LayoutGraph, maxIterations: number) {
  const run = createLayoutRun(graph, { maxIterations, budgetMs: 60_000 });
  for (;;) {
    const step = run.step();
    if (step.done) return step;
  }
}

describe('ForceAtlas2 in batches', () => {
  it('lays out the karate club the same way twice and stops when it converges', () => {
    const graph = karate();
    expect(graph.ids).toHaveLength(34);
    expect(graph.sources).toHaveLength(78);
    const first = runToEnd(graph, 2000);
    const second = runToEnd(karate(), 2000);
    expect(first.done).toBe('converged');
    expect(first.iterations).toBeLessThan(2000);
    expect(Array.from(second.positions)).toEqual(Array.from(first.positions));
    // The two leaders whose quarrel split the club (0 the instructor, 33 the president) end further apart than 0 and 1.
    const at = (id: string) => graph.ids.indexOf(id);
    const dist = (a: number, b: number) => Math.hypot(first.positions[2 * a]! - first.positions[2 * b]!, first.positions[2 * a + 1]! - first.positions[2 * b + 1]!);
    expect(dist(at('0'), at('33'))).toBeGreaterThan(dist(at('0'), at('1')));
  });

  it('stops at the iteration cap when a graph does not converge in time', () => {
    const step = runToEnd(karate(), 20);
    expect(step.iterations).toBe(20);
    expect(step.done === 'iterations' || step.done === 'converged').toBe(true);
  });

  it('reports an edgeless graph as empty rather than iterating on nothing', () => {
    const graph = { positions: spiralPositions(3), sizes: new Float32Array(3), sources: new Uint32Array(), targets: new Uint32Array() };
    expect(createLayoutRun(graph, { maxIterations: 10, budgetMs: 1000 }).step().done).toBe('empty');
  });
});

describe('Louvain communities', () => {
  it('splits the karate club into the same numbered communities whatever the run', () => {
    const graph = karate();
    const a = detectCommunities(34, graph.sources, graph.targets, 1);
    const b = detectCommunities(34, graph.sources, graph.targets, 1);
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
    // Published Louvain results on this graph: 4 communities, modularity about 0.42 (Blondel et al. 2008's method).
    expect(a.count).toBeGreaterThanOrEqual(3);
    expect(a.count).toBeLessThanOrEqual(5);
    expect(a.modularity).toBeGreaterThan(0.38);
    // Community 0 is the largest.
    const sizes = Array.from({ length: a.count }, (_, c) => a.membership.filter((m) => m === c).length);
    expect(sizes[0]).toBe(Math.max(...sizes));
    // The two leaders are in different communities.
    expect(a.membership[graph.ids.indexOf('0')]).not.toBe(a.membership[graph.ids.indexOf('33')]);
  });
});
