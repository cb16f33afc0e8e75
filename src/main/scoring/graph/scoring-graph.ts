import type { ScoringGraph } from '../model';
import { edgeCount, transpose, type Csr } from './csr';

/**
 * The graph as models see it, from its incoming form (row v lists who gives attention to v): the form PageRank,
 * TunkRank and cascades read, and the one the cache stores. The forward form is built only for models that ask.
 */
export function makeScoringGraph(accountIds: Int32Array, incoming: Csr): ScoringGraph {
  const outWeight = new Float64Array(incoming.nodeCount);
  const outDegree = new Int32Array(incoming.nodeCount);
  const total = edgeCount(incoming);
  for (let e = 0; e < total; e++) {
    const source = incoming.targets[e]!;
    outWeight[source]! += incoming.weights[e]!;
    outDegree[source]!++;
  }
  let out: Csr | null = null;
  return {
    nodeCount: incoming.nodeCount,
    accountIds,
    edgeCount: total,
    get out() {
      return (out ??= transpose(incoming));
    },
    incoming: () => incoming,
    outWeight,
    outDegree,
  };
}
