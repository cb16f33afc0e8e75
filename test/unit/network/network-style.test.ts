import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EgoOutput } from '../../../src/shared/analysis';
import { buildEgoGraph, styleEgoGraph } from '../../../src/renderer/src/features/propagation/ego-graph';
import { detectCommunities } from '../../../src/renderer/src/ui/network/layout-core';
import { CASE_COLOUR, communityColour, MAX_NODE_SIZE, MIN_NODE_SIZE, NO_CASE_COLOUR, sizesByValue } from '../../../src/renderer/src/ui/network/palette';
import { searchNodes } from '../../../src/renderer/src/ui/network/search';

const datasets = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets');

describe('sizesByValue', () => {
  it('maps values to radius by the square root, so four times the value is twice the radius above the minimum', () => {
    const [zero, one, four, missing, broken] = sizesByValue([0, 1, 4, null, Number.NaN]);
    expect(zero).toBe(MIN_NODE_SIZE);
    expect(four).toBe(MAX_NODE_SIZE);
    expect(one! - MIN_NODE_SIZE).toBeCloseTo((four! - MIN_NODE_SIZE) / 2, 10);
    expect(missing).toBe(MIN_NODE_SIZE);
    expect(broken).toBe(MIN_NODE_SIZE);
  });

  it('starts negative values at the lowest one and keeps every size within the bounds', () => {
    const sizes = sizesByValue([-4, 0, 5]);
    expect(sizes[0]).toBe(MIN_NODE_SIZE);
    expect(sizes[1]).toBeCloseTo(MIN_NODE_SIZE + ((MAX_NODE_SIZE - MIN_NODE_SIZE) * 2) / 3, 10);
    expect(sizes[2]).toBe(MAX_NODE_SIZE);
  });

  it('gives the smallest size to every node when no value is known', () => {
    expect(sizesByValue([null, null])).toEqual([MIN_NODE_SIZE, MIN_NODE_SIZE]);
    expect(sizesByValue([])).toEqual([]);
  });
});

/** Les Misérables' characters from the real GEXF: id, label and their co-appearance degree as the size. */
function lesMiserables(): Graph {
  const text = fs.readFileSync(path.join(datasets, 'lesmis', 'les_miserables.gexf'), 'utf8');
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const [, id, label] of text.matchAll(/<node id="([^"]+)" label="([^"]+)"/g)) graph.addNode(id!, { label, size: 0 });
  for (const [, source, target] of text.matchAll(/<edge id="[^"]+" source="([^"]+)" target="([^"]+)"/g)) graph.mergeEdge(source!, target!);
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', graph.degree(node)));
  return graph;
}

describe('searchNodes on Les Misérables', () => {
  const graph = lesMiserables();

  it('reads the real file: 77 characters, 254 co-appearances', () => {
    expect(graph.order).toBe(77);
    expect(graph.size).toBe(254);
  });

  it('puts an exact name first, ignoring case and a leading @', () => {
    expect(searchNodes(graph, '@valjean')[0]?.label).toBe('Valjean');
    expect(searchNodes(graph, 'MYRIEL')[0]).toEqual({ node: '0.0', label: 'Myriel' });
  });

  it('lists prefix matches before matches inside a name, each group biggest first', () => {
    const hits = searchNodes(graph, 'mme', 20);
    const labels = hits.map((h) => h.label);
    const prefix = labels.filter((l) => l.toLowerCase().startsWith('mme'));
    expect(labels.slice(0, prefix.length)).toEqual(prefix);
    const degrees = prefix.map((l) => graph.degree(hits.find((h) => h.label === l)!.node));
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    // Every character whose name holds "mme" anywhere is listed (20 is above their count).
    expect(labels.length).toBe(graph.filterNodes((_n, a) => String(a.label).toLowerCase().includes('mme')).length);
  });

  it('answers the same list whatever order the nodes were added in, and respects the limit', () => {
    const reversed = new Graph({ type: 'undirected' });
    [...graph.nodes()].reverse().forEach((node) => reversed.addNode(node, graph.getNodeAttributes(node)));
    expect(searchNodes(reversed, 'e', 8)).toEqual(searchNodes(graph, 'e', 8));
    expect(searchNodes(graph, 'e', 8)).toHaveLength(8);
    expect(searchNodes(graph, '   ')).toEqual([]);
  });
});

/** The ego network of member 0 (the instructor) in Zachary's karate club, from the real file, as the ego call answers it. */
function karateEgo(): EgoOutput {
  const rows = fs.readFileSync(path.join(datasets, 'karate', 'karate_club_weighted.csv'), 'utf8').trim().split('\n').slice(1);
  const pairs = rows.map((row) => row.split(',').slice(0, 2) as [string, string]);
  const near = new Set(['0', ...pairs.flatMap(([s, t]) => (s === '0' ? [t] : t === '0' ? [s] : []))]);
  const label = (id: string) => ({ accountId: id, handle: null });
  return {
    center: label('0'),
    nodes: [...near].map((id) => ({ ...label(id), distance: id === '0' ? 0 : 1 })),
    edges: pairs.filter(([s, t]) => near.has(s) && near.has(t)).map(([source, target]) => ({ source, target, kinds: { edge: 1 } })),
    truncated: false,
    notice: null,
  };
}

describe('the ego network of the karate club instructor', () => {
  const ego = karateEgo();
  const now = () => Promise.resolve();

  it('holds member 0 and the 16 members tied to him, the same graph whatever order the rows came in', async () => {
    const graph = await buildEgoGraph(ego, now);
    expect(graph.order).toBe(17);
    expect(graph.size).toBe(ego.edges.length);
    const shuffled = await buildEgoGraph({ ...ego, nodes: [...ego.nodes].reverse(), edges: [...ego.edges].reverse() }, now);
    expect(shuffled.nodes()).toEqual(graph.nodes());
    expect(shuffled.mapNodes((_n, a) => [a.x, a.y])).toEqual(graph.mapNodes((_n, a) => [a.x, a.y]));
  });

  it('sizes by links within the network by default: the instructor, tied to all, is the biggest', async () => {
    const graph = await buildEgoGraph(ego, now);
    const legend = styleEgoGraph(graph, ego, { colourBy: 'distance', scores: null, caseAccounts: null, communities: null });
    expect(graph.getNodeAttribute('0', 'size')).toBe(MAX_NODE_SIZE);
    graph.forEachNode((node, a) => expect(a.size).toBeLessThanOrEqual(MAX_NODE_SIZE));
    expect(legend.map((l) => l.label)).toEqual(['the account', 'one step away', 'two steps away']);
    expect(graph.getNodeAttribute('0', 'color')).toBe(legend[0]!.color);
    expect(graph.getNodeAttribute('1', 'color')).toBe(legend[1]!.color);
  });

  it('sizes by a run score, drawing an account without one smallest', async () => {
    const graph = await buildEgoGraph(ego, now);
    const scores = new Map<string, number | null>([['0', 0.5], ['31', 2], ['1', null]]);
    styleEgoGraph(graph, ego, { colourBy: 'distance', scores, caseAccounts: null, communities: null });
    expect(graph.getNodeAttribute('31', 'size')).toBe(MAX_NODE_SIZE);
    expect(graph.getNodeAttribute('0', 'size')).toBeCloseTo(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * 0.5, 10);
    expect(graph.getNodeAttribute('1', 'size')).toBe(MIN_NODE_SIZE);
    expect(graph.getNodeAttribute('2', 'size')).toBe(MIN_NODE_SIZE);
  });

  it('colours audit-case accounts and counts them in the legend', async () => {
    const graph = await buildEgoGraph(ego, now);
    const legend = styleEgoGraph(graph, ego, { colourBy: 'case', scores: null, caseAccounts: new Set(['0', '31', 'not-in-network']), communities: null });
    expect(legend).toEqual([
      { label: 'in an audit case (2)', color: CASE_COLOUR },
      { label: 'no case (15)', color: NO_CASE_COLOUR },
    ]);
    expect(graph.getNodeAttribute('31', 'color')).toBe(CASE_COLOUR);
    expect(graph.getNodeAttribute('1', 'color')).toBe(NO_CASE_COLOUR);
  });

  it('colours Louvain communities in node order, the largest first in the legend', async () => {
    const graph = await buildEgoGraph(ego, now);
    const index = new Map(graph.nodes().map((n, i) => [n, i]));
    const sources = Uint32Array.from(graph.mapEdges((_e, _a, s) => index.get(s)!));
    const targets = Uint32Array.from(graph.mapEdges((_e, _a, _s, t) => index.get(t)!));
    const found = detectCommunities(graph.order, sources, targets, 1);
    const legend = styleEgoGraph(graph, ego, { colourBy: 'community', scores: null, caseAccounts: null, communities: found.membership });
    graph.nodes().forEach((node, i) => expect(graph.getNodeAttribute(node, 'color')).toBe(communityColour(found.membership[i]!)));
    const counts = legend.map((l) => Number(/\((\d+)\)/.exec(l.label)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(17);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
