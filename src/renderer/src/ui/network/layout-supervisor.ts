import type Graph from 'graphology';
import { spiralPositions, type Communities, type StopReason } from './layout-core';
import type { LayoutReply, LayoutRequest } from './layout-messages';

export type LayoutStatus = { state: 'running' | 'stopped' | StopReason; iterations: number; error?: string };

/**
 * Iterations at most. Small graphs converge long before (the karate club in about 150); a 10,000-node graph needs
 * a few hundred, at 40-250 ms each on a busy two-core machine (measured: test/unit/network/layout-core.test.ts).
 */
const MAX_ITERATIONS = 1000;
/** Past this the layout stops and says so; the user can continue it. */
const BUDGET_MS = 20_000;

/**
 * Positions reach the graph (and sigma redraws) at most this often. Re-indexing 100,000 edges costs sigma tens of
 * milliseconds, so big graphs are updated 4 times a second rather than every frame, keeping each task short.
 */
const applyInterval = (edges: number) => (edges > 20_000 ? 250 : edges > 2_000 ? 60 : 0);

const startWorker = () => new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });

export interface IndexedGraph {
  nodes: string[];
  sources: Uint32Array;
  targets: Uint32Array;
}

/** The graph as index arrays in graphology's node order (which is insertion order, hence stable). */
export function indexGraph(graph: Graph): IndexedGraph {
  const nodes = graph.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const sources = new Uint32Array(graph.size);
  const targets = new Uint32Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    sources[e] = index.get(source) ?? 0;
    targets[e] = index.get(target) ?? 0;
    e++;
  });
  return { nodes, sources, targets };
}

/** Gives every node a start on a sunflower spiral (layout-core.ts), in node order. */
export function placeOnSpiral(graph: Graph): void {
  const positions = spiralPositions(graph.order);
  let i = 0;
  graph.updateEachNodeAttributes(
    (_node, attributes) => ({ ...attributes, x: positions[2 * i]!, y: positions[2 * i++ + 1]! }),
    { attributes: ['x', 'y'] },
  );
}

function writePositions(graph: Graph, positions: Float32Array): void {
  let i = 0;
  graph.updateEachNodeAttributes(
    (_node, attributes) => {
      attributes.x = positions[2 * i]!;
      attributes.y = positions[2 * i + 1]!;
      i++;
      return attributes;
    },
    { attributes: ['x', 'y'] },
  );
}

/**
 * Runs ForceAtlas2 in a web worker on the graph's current positions and writes the positions back as they come,
 * as gephi-lite supervises its layout: the page only starts, stops and reads.
 */
export function runLayout(graph: Graph, onStatus: (status: LayoutStatus) => void): { stop: () => void } {
  const { sources, targets } = indexGraph(graph);
  const positions = new Float32Array(graph.order * 2);
  const sizes = new Float32Array(graph.order);
  let i = 0;
  graph.forEachNode((_node, attributes) => {
    positions[2 * i] = attributes.x as number;
    positions[2 * i + 1] = attributes.y as number;
    sizes[i++] = (attributes.size as number) || 1;
  });
  const worker = startWorker();
  const interval = applyInterval(graph.size);
  let lastApplied = -Infinity;
  let pending: Float32Array | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending) writePositions(graph, pending);
    pending = null;
    lastApplied = performance.now();
  };
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    const message = event.data;
    if (message.type === 'error') return onStatus({ state: 'stopped', iterations: 0, error: message.message });
    if (message.type !== 'positions') return;
    pending = message.positions;
    if (message.done) {
      if (timer) clearTimeout(timer);
      flush();
      worker.terminate();
    } else if (!timer) {
      timer = setTimeout(flush, Math.max(0, lastApplied + interval - performance.now()));
    }
    onStatus({ state: message.done ?? 'running', iterations: message.iterations });
  };
  worker.onerror = (event) => onStatus({ state: 'stopped', iterations: 0, error: event.message || 'the layout worker failed' });
  const request: LayoutRequest = { type: 'layout', positions, sizes, sources, targets, maxIterations: MAX_ITERATIONS, budgetMs: BUDGET_MS };
  worker.postMessage(request, [positions.buffer, sizes.buffer, sources.buffer, targets.buffer]);
  onStatus({ state: 'running', iterations: 0 });
  return {
    stop: () => {
      worker.terminate();
      if (timer) clearTimeout(timer);
      if (pending) flush();
    },
  };
}

/** Louvain communities in a worker of their own (1.8 s for 10,000 nodes and 100,000 edges on a loaded two-core machine). */
export function findCommunities(graph: Graph, seed = 1): { result: Promise<Communities>; cancel: () => void } {
  const { sources, targets } = indexGraph(graph);
  const worker = startWorker();
  const result = new Promise<Communities>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      worker.terminate();
      const message = event.data;
      if (message.type === 'communities') resolve(message);
      else reject(new Error(message.type === 'error' ? message.message : 'the community worker answered out of turn'));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the community worker failed'));
  });
  const request: LayoutRequest = { type: 'communities', order: graph.order, sources, targets, seed };
  worker.postMessage(request, [sources.buffer, targets.buffer]);
  return { result, cancel: () => worker.terminate() };
}
