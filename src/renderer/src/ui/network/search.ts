import type Graph from 'graphology';

export interface SearchHit {
  node: string;
  label: string;
}

/**
 * Nodes whose label or key matches the query, best first: exact, then prefix, then anywhere, each group by size
 * (the bigger node is the likelier one meant) and then by key, so the same query always lists the same nodes.
 */
export function searchNodes(graph: Graph, query: string, limit = 8): SearchHit[] {
  const wanted = query.trim().toLowerCase().replace(/^@/, '');
  if (!wanted) return [];
  const hits: { node: string; label: string; rank: number; size: number }[] = [];
  graph.forEachNode((node, attributes) => {
    const label = String(attributes.label ?? node);
    const texts = [label.toLowerCase().replace(/^@/, ''), node.toLowerCase()];
    const rank = texts.some((t) => t === wanted) ? 0 : texts.some((t) => t.startsWith(wanted)) ? 1 : texts.some((t) => t.includes(wanted)) ? 2 : -1;
    if (rank >= 0) hits.push({ node, label, rank, size: Number(attributes.size) || 0 });
  });
  hits.sort((a, b) => a.rank - b.rank || b.size - a.size || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return hits.slice(0, limit).map(({ node, label }) => ({ node, label }));
}
