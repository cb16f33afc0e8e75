import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCascadeGraph, clockTime, replaySteps, stepAt } from '../../../src/renderer/src/features/propagation/cascade-graph';
import type { Cascade, CascadeNode } from '../../../src/renderer/src/features/propagation/cascade-nodes';
import { rumourLabel, sortCascades } from '../../../src/renderer/src/features/propagation/cascade-table';

const release = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets', 'cascades-twitter15');

/** A Twitter15 tree file read as SPEC.md says: a node is the (uid, tweet, delay) triple; repeated lines count once. */
function readTree(id: string): CascadeNode[] {
  const nodes: CascadeNode[] = [];
  const index = new Map<string, number>();
  const node = (triple: string[], parent: number) => {
    const key = triple.join('|');
    if (!index.has(key)) {
      index.set(key, nodes.length);
      nodes.push({ post_id: triple[1]!, parent, account: { accountId: triple[0]!, handle: null }, delay_minutes: Number(triple[2]) });
    }
    return index.get(key)!;
  };
  for (const line of fs.readFileSync(path.join(release, 'tree', `${id}.txt`), 'utf8').trim().split('\n')) {
    const [from, to] = line.split('->').map((part) => [...part.matchAll(/'([^']*)'/g)].map((m) => m[1]!));
    const parent = from![0] === 'ROOT' ? -1 : node(from!, -1);
    node(to!, parent);
  }
  return nodes;
}

describe('the cascade tree of a real Twitter15 cascade', () => {
  const nodes = readTree('265953285247209472');

  it('draws every node once with an arrow from each parent to its child, x growing with time', () => {
    const graph = buildCascadeGraph(nodes, 0.5);
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(nodes.filter((n) => n.parent >= 0).length);
    const later = nodes.findIndex((n, i) => i > 0 && n.delay_minutes > 60);
    expect(graph.getNodeAttribute(String(later), 'x')).toBeGreaterThan(graph.getNodeAttribute('0', 'x'));
    graph.forEachEdge((_e, _a, source, target) => expect(graph.getNodeAttribute(target, 'time')).toBeGreaterThanOrEqual(graph.getNodeAttribute(source, 'time')!));
    const rows = new Set(graph.mapNodes((_n, a) => a.y));
    expect(rows.size).toBe(nodes.length);
  });

  it('replays to the last node: the end of the clock shows all of them', () => {
    const steps = replaySteps(nodes);
    const maxTime = Math.max(...nodes.map((n) => n.delay_minutes));
    expect(clockTime(1, maxTime)).toBe(maxTime);
    expect(stepAt(steps, clockTime(1, maxTime)) + 1).toBe(nodes.length);
    expect(stepAt(steps, -1)).toBe(-1);
    // Halfway through the play time (symlog clock) part of the cascade is shown, not none and not all.
    const half = stepAt(steps, clockTime(0.5, maxTime)) + 1;
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(nodes.length);
  });
});

describe('the cascade table', () => {
  const labels = Object.fromEntries(
    fs.readFileSync(path.join(release, 'label.txt'), 'utf8').trim().split('\n').map((line) => line.split(':').reverse() as [string, string]),
  );
  const distinct = [...new Set(Object.values(labels))].sort();

  it('names the four Twitter15 labels in words', () => {
    expect(distinct).toEqual(['false', 'non-rumor', 'true', 'unverified']);
    expect(distinct.map(rumourLabel)).toEqual(['false rumour', 'non-rumour', 'true rumour', 'unverified rumour']);
    expect(rumourLabel(null)).toBeNull();
  });

  it('sorts by a column both ways, missing values last and ties by root post', () => {
    const cascade = (id: string, size: number, virality: number | null): Cascade => ({
      cascade_id: null, root_post_id: id, root_account: { accountId: id, handle: null }, label: labels[id] ?? null, source: 'tree', parents: 'given',
      size, depth: 1, max_breadth: 1, structural_virality: virality, structural_virality_note: null, half_size_minutes: null, top_spreaders: [],
    });
    const list = [cascade('3', 5, 2.1), cascade('1', 9, null), cascade('2', 5, 3.4)];
    expect(sortCascades(list, { column: 'size', descending: true }).map((r) => r.cascade.root_post_id)).toEqual(['1', '2', '3']);
    expect(sortCascades(list, { column: 'size', descending: false }).map((r) => r.index)).toEqual([2, 0, 1]);
    expect(sortCascades(list, { column: 'virality', descending: true }).map((r) => r.cascade.root_post_id)).toEqual(['2', '3', '1']);
    expect(sortCascades(list, { column: 'virality', descending: false }).map((r) => r.cascade.root_post_id)).toEqual(['3', '2', '1']);
  });
});
