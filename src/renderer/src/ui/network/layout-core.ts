import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { inferSettings, type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { seededRandom } from '../../../../shared/random';

/**
 * The layout's arithmetic, free of the DOM so the web worker (fa2.worker.ts) runs it and unit tests call it directly.
 * The graph travels as typed arrays indexed by node position: positions [x0, y0, x1, y1, ...], edges as two index
 * arrays. The matrices are the ones graphology-layout-forceatlas2's own worker uses (10 floats a node, 3 an edge).
 */

const PER_NODE = 10;
const PER_EDGE = 3;

export interface LayoutGraph {
  positions: Float32Array;
  sizes: Float32Array;
  sources: Uint32Array;
  targets: Uint32Array;
}

export interface LayoutLimits {
  /** Iterations at most: a fixed count, not the clock, decides where an unconverged layout stops on any machine. */
  maxIterations: number;
  /** A safety net for a slow machine; reaching it is reported, since the picture then depends on the machine. */
  budgetMs: number;
}

export type StopReason = 'converged' | 'iterations' | 'budget' | 'empty';

/** ForceAtlas2's defaults with the package's own size-based inference (Barnes-Hut past 2,000 nodes). */
export function layoutSettings(order: number): Required<ForceAtlas2Settings> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 1,
    strongGravityMode: false,
    gravity: 1,
    slowDown: 1,
    barnesHutOptimize: false,
    barnesHutTheta: 0.5,
    ...inferSettings(order),
  };
}

/**
 * Where nodes start: a sunflower spiral in index order (golden angle), so the start, and therefore the layout, is the
 * same on every run, and no two nodes share a point (FA2's repulsion is undefined at distance 0).
 */
export function spiralPositions(order: number): Float32Array {
  const positions = new Float32Array(order * 2);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < order; i++) {
    const radius = 10 * Math.sqrt(i + 0.5);
    positions[2 * i] = radius * Math.cos(i * golden);
    positions[2 * i + 1] = radius * Math.sin(i * golden);
  }
  return positions;
}

export function toMatrices(graph: LayoutGraph): { nodes: Float32Array; edges: Float32Array } {
  const order = graph.sizes.length;
  const nodes = new Float32Array(order * PER_NODE);
  for (let i = 0; i < order; i++) {
    const j = i * PER_NODE;
    nodes[j] = graph.positions[2 * i] ?? 0;
    nodes[j + 1] = graph.positions[2 * i + 1] ?? 0;
    nodes[j + 6] = 1; // mass: 1 + degree, as the package computes it
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = graph.sizes[i] ?? 1;
  }
  const edges = new Float32Array(graph.sources.length * PER_EDGE);
  graph.sources.forEach((source, e) => {
    const target = graph.targets[e] ?? 0;
    nodes[source * PER_NODE + 6]! += 1;
    nodes[target * PER_NODE + 6]! += 1;
    edges[e * PER_EDGE] = source * PER_NODE;
    edges[e * PER_EDGE + 1] = target * PER_NODE;
    edges[e * PER_EDGE + 2] = 1;
  });
  return { nodes, edges };
}

export function readPositions(nodes: Float32Array): Float32Array {
  const order = nodes.length / PER_NODE;
  const positions = new Float32Array(order * 2);
  for (let i = 0; i < order; i++) {
    positions[2 * i] = nodes[i * PER_NODE]!;
    positions[2 * i + 1] = nodes[i * PER_NODE + 1]!;
  }
  return positions;
}

/**
 * How far nodes moved in one iteration, as a share of the layout's span: the mean displacement over the diagonal of
 * the bounding box. Scale-free, so one threshold serves a 30-node ego network and a 10,000-node one.
 */
export function relativeMovement(before: Float32Array, after: Float32Array, iterations: number): number {
  const order = after.length / 2;
  if (order === 0) return 0;
  let moved = 0;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < order; i++) {
    const x = after[2 * i]!, y = after[2 * i + 1]!;
    moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const span = Math.hypot(maxX - minX, maxY - minY) || 1;
  return moved / order / iterations / span;
}

/**
 * Below this mean movement per iteration (0.05% of the span; about half a pixel a second at 60 iterations a second on
 * a 600 px view) the picture no longer changes to the eye, so the layout stops there.
 */
export const CONVERGED_BELOW = 0.0005;

/** Iterations between two looks at convergence (and two position updates to the page). */
export const BATCH = 10;

export interface LayoutStep {
  positions: Float32Array;
  iterations: number;
  movement: number;
  done: StopReason | null;
}

/** A ForceAtlas2 run in batches; `step` advances one batch and says whether, and why, the layout is finished. */
export function createLayoutRun(graph: LayoutGraph, limits: LayoutLimits, now: () => number = () => performance.now()) {
  const order = graph.sizes.length;
  const settings = layoutSettings(order);
  const matrices = toMatrices(graph);
  const started = now();
  let iterations = 0;
  return {
    step(): LayoutStep {
      const before = readPositions(matrices.nodes);
      if (order === 0 || graph.sources.length === 0) return { positions: before, iterations, movement: 0, done: 'empty' };
      const count = Math.min(BATCH, limits.maxIterations - iterations);
      for (let i = 0; i < count; i++) iterate(settings, matrices.nodes, matrices.edges);
      iterations += count;
      const positions = readPositions(matrices.nodes);
      const movement = relativeMovement(before, positions, count);
      const done: StopReason | null =
        movement < CONVERGED_BELOW ? 'converged' : iterations >= limits.maxIterations ? 'iterations' : now() - started > limits.budgetMs ? 'budget' : null;
      return { positions, iterations, movement, done };
    },
  };
}


export interface Communities {
  /** Community of each node by index: 0 is the largest, ties by their lowest node index. */
  membership: Int32Array;
  count: number;
  modularity: number;
}

/**
 * Louvain communities (Blondel et al. 2008) over the graph read as undirected (who talks with whom), with a seeded
 * random order. Numbered by size, so "community 0" is the same group whatever order Louvain met them in.
 */
export function detectCommunities(order: number, sources: Uint32Array, targets: Uint32Array, seed = 1): Communities {
  const graph = new UndirectedGraph();
  for (let i = 0; i < order; i++) graph.addNode(String(i));
  sources.forEach((source, e) => {
    const target = targets[e] ?? 0;
    if (source !== target) graph.mergeEdge(String(source), String(target));
  });
  // Seeded, so Louvain's random choices, and the communities, repeat.
  const detailed = louvain.detailed(graph, { rng: seededRandom(seed) });
  const raw = Int32Array.from({ length: order }, (_, i) => detailed.communities[String(i)] ?? -1);
  const groups = new Map<number, { size: number; first: number }>();
  raw.forEach((community, i) => {
    const group = groups.get(community);
    if (group) group.size++;
    else groups.set(community, { size: 1, first: i });
  });
  const ranked = [...groups.entries()].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const rank = new Map(ranked.map(([community], index) => [community, index]));
  return { membership: raw.map((community) => rank.get(community) ?? 0), count: ranked.length, modularity: detailed.modularity };
}
