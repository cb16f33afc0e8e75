import Graph from 'graphology';
import type { EgoOutput } from '../../../../shared/analysis';
import { accountName } from '../../ui/account-link';
import { formatNumber } from '../../ui/format';
import { placeOnSpiral } from '../../ui/network/layout-supervisor';
import { CASE_COLOUR, communityColour, NO_CASE_COLOUR, OTHER_COMMUNITIES, SHOWN_COMMUNITIES, sizesByValue } from '../../ui/network/palette';
import type { NetworkEdge, NetworkNode } from '../../ui/network/sigma-view';

export type ColourBy = 'distance' | 'case' | 'community';

const DISTANCE_COLOURS = ['#d08a2f', '#2f5fd0', '#8fa6d8'];

/**
 * Links added between two yields to the page: graphology adds about 350 a ms on a loaded two-core machine (100,000 in
 * 280 ms, profiled), so 20,000 keep each task near 60 ms and a 100,000-link network builds without a long task.
 */
const EDGES_PER_TASK = 20_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The ego network as a directed graphology graph (actor -> target, one edge per pair), built a slice of links per
 * task. Nodes go in by distance and then id, so the start positions and the layout do not depend on the order the
 * database returned them in. Edges are keyed by their index in the answer (graphology's generated keys cost a
 * quarter of the build). `pause` runs between slices; tests pass one that resolves at once.
 */
export async function buildEgoGraph(ego: EgoOutput, pause: () => Promise<void> = nextTask): Promise<Graph<NetworkNode, NetworkEdge>> {
  const graph = new Graph<NetworkNode, NetworkEdge>({ type: 'directed' });
  const nodes = [...ego.nodes].sort((a, b) => a.distance - b.distance || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  for (const node of nodes) graph.addNode(node.accountId, { x: 0, y: 0, size: 4, color: DISTANCE_COLOURS[2]!, label: accountName(node) });
  for (let from = 0; from < ego.edges.length; from += EDGES_PER_TASK) {
    if (from > 0) await pause();
    ego.edges.slice(from, from + EDGES_PER_TASK).forEach((edge, offset) => {
      if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.source, edge.target)) {
        graph.addEdgeWithKey(String(from + offset), edge.source, edge.target, {});
      }
    });
  }
  placeOnSpiral(graph);
  return graph;
}

export interface EgoStyle {
  colourBy: ColourBy;
  /** A run's score per account id, or null to size by links within the shown network. */
  scores: Map<string, number | null> | null;
  /** Accounts named in the dataset's stored audit cases. */
  caseAccounts: Set<string> | null;
  /** Louvain community per node, in the graph's node order. */
  communities: Int32Array | null;
}

export interface LegendItem {
  label: string;
  color: string;
}

/** Sizes and colours for the chosen run and colouring; returns the legend that explains them. */
export function styleEgoGraph(graph: Graph<NetworkNode, NetworkEdge>, ego: EgoOutput, style: EgoStyle): LegendItem[] {
  const keys = graph.nodes();
  const values = keys.map((key) => (style.scores ? (style.scores.get(key) ?? null) : graph.degree(key)));
  const sizes = sizesByValue(values);
  const distance = new Map(ego.nodes.map((n) => [n.accountId, n.distance]));
  const colour = (key: string, index: number): string => {
    if (style.colourBy === 'case') return style.caseAccounts?.has(key) ? CASE_COLOUR : NO_CASE_COLOUR;
    if (style.colourBy === 'community') return style.communities ? communityColour(style.communities[index] ?? SHOWN_COMMUNITIES) : OTHER_COMMUNITIES;
    return DISTANCE_COLOURS[Math.min(distance.get(key) ?? 2, 2)]!;
  };
  let index = 0;
  graph.updateEachNodeAttributes(
    (key, attributes) => {
      attributes.size = sizes[index]!;
      attributes.color = colour(key, index);
      index++;
      return attributes;
    },
    { attributes: ['size', 'color'] },
  );
  return legend(keys, style);
}

function legend(keys: string[], style: EgoStyle): LegendItem[] {
  if (style.colourBy === 'case') {
    const inCases = style.caseAccounts ? keys.filter((key) => style.caseAccounts!.has(key)).length : 0;
    return [
      { label: `in an audit case (${formatNumber(inCases)})`, color: CASE_COLOUR },
      { label: `no case (${formatNumber(keys.length - inCases)})`, color: NO_CASE_COLOUR },
    ];
  }
  if (style.colourBy === 'community') {
    if (!style.communities) return [{ label: 'finding communities…', color: OTHER_COMMUNITIES }];
    const sizes = new Map<number, number>();
    for (const c of style.communities) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const shown = [...sizes.keys()].filter((c) => c < SHOWN_COMMUNITIES).sort((a, b) => a - b);
    const rest = [...sizes.entries()].filter(([c]) => c >= SHOWN_COMMUNITIES);
    return [
      ...shown.map((c) => ({ label: `community ${c + 1} (${formatNumber(sizes.get(c) ?? 0)})`, color: communityColour(c) })),
      ...(rest.length > 0 ? [{ label: `${rest.length} smaller communities (${formatNumber(rest.reduce((s, [, n]) => s + n, 0))})`, color: OTHER_COMMUNITIES }] : []),
    ];
  }
  return [
    { label: 'the account', color: DISTANCE_COLOURS[0]! },
    { label: 'one step away', color: DISTANCE_COLOURS[1]! },
    { label: 'two steps away', color: DISTANCE_COLOURS[2]! },
  ];
}
