import Graph from 'graphology';
import { scaleSymlog, type ScaleSymLog } from 'd3';
import { accountName } from '../../ui/account-link';
import type { NetworkEdge, NetworkNode } from '../../ui/network/sigma-view';
import type { CascadeNode } from './cascade-nodes';

/** Graph units across the time axis; the height is set from the view's aspect so the tree fills it. */
export const TIME_SPAN = 1000;

/**
 * Each node's time: its delay, or for a node without one (a reconstructed tree can miss a timestamp) its parent's,
 * since a reply cannot come before what it answers. The root is at 0.
 */
export function resolvedTimes(nodes: CascadeNode[]): number[] {
  const times: number[] = new Array(nodes.length).fill(Number.NaN);
  const resolve = (i: number, guard: number): number => {
    const node = nodes[i];
    if (!node) return 0;
    if (!Number.isNaN(times[i]!)) return times[i]!;
    const own = node.delay_minutes;
    const time = Number.isFinite(own) ? own : node.parent >= 0 && guard < nodes.length ? resolve(node.parent, guard + 1) : 0;
    times[i] = time;
    return time;
  };
  nodes.forEach((_, i) => resolve(i, 0));
  return times;
}

/** Minutes after the root post to graph x: symlog, since most reactions come in the first minutes and a few days later. */
export const timeScale = (maxTime: number): ScaleSymLog<number, number> => scaleSymlog().domain([0, Math.max(1, maxTime)]).range([0, TIME_SPAN]);

/**
 * Depth-first order from the root, children by time and then post id: row i of the tree is the i-th node met, so a
 * parent sits just above its first reply and no two nodes share a row.
 */
export function treeOrder(nodes: CascadeNode[], times: number[]): number[] {
  const children: number[][] = nodes.map(() => []);
  const roots: number[] = [];
  nodes.forEach((node, i) => (node.parent >= 0 && node.parent < nodes.length && node.parent !== i ? children[node.parent]!.push(i) : roots.push(i)));
  const byTime = (a: number, b: number) => times[a]! - times[b]! || (nodes[a]!.post_id < nodes[b]!.post_id ? -1 : 1);
  const order: number[] = [];
  const seen = new Uint8Array(nodes.length);
  const stack = roots.sort(byTime).reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    order.push(i);
    stack.push(...[...children[i]!].sort(byTime).reverse());
  }
  return order;
}

/**
 * The cascade as a directed graph with a time layout: x = time since the root post (symlog), y = tree order; edges
 * run parent -> child. `aspect` is the view's height over its width.
 */
export function buildCascadeGraph(nodes: CascadeNode[], aspect: number): Graph<NetworkNode, NetworkEdge> {
  const times = resolvedTimes(nodes);
  const x = timeScale(Math.max(0, ...times));
  const order = treeOrder(nodes, times);
  const rowHeight = (TIME_SPAN * aspect) / Math.max(1, order.length - 1);
  const graph = new Graph<NetworkNode, NetworkEdge>({ type: 'directed' });
  order.forEach((i, row) => {
    const node = nodes[i]!;
    const label = node.account ? accountName(node.account) : node.post_id;
    graph.addNode(String(i), { x: x(times[i]!), y: -row * rowHeight, size: i === order[0] ? 8 : 4, color: i === order[0] ? '#d08a2f' : '#2f5fd0', label, time: times[i]! });
  });
  nodes.forEach((node, i) => {
    if (node.parent >= 0 && node.parent !== i && graph.hasNode(String(node.parent))) graph.addEdge(String(node.parent), String(i), { time: times[i]! });
  });
  return graph;
}

/** Times in replay order (ascending): the replay's k-th step shows the first k + 1 of them. */
export const replaySteps = (nodes: CascadeNode[]): number[] => resolvedTimes(nodes).sort((a, b) => a - b);

/**
 * The replay clock: a fraction of the play time to minutes, on the same symlog footing as the axis so the early
 * burst is not over in a blink. The end is the last node's time exactly (expm1(log1p(t)) can land just below it).
 */
export function clockTime(fraction: number, maxTime: number): number {
  return fraction >= 1 ? maxTime : Math.min(maxTime, Math.expm1(fraction * Math.log1p(maxTime)));
}

/** The last replay step whose time has come by `time` (-1 before the first). */
export function stepAt(steps: number[], time: number): number {
  let low = 0, high = steps.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (steps[mid]! <= time) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
