import type { Csr } from './csr';

/**
 * The graph without some nodes: kept nodes are renumbered in their original order and every edge touching a
 * dropped node goes. `newIndex[old]` is the new index, or -1 for a dropped node.
 */
export function keepNodes(csr: Csr, keep: Uint8Array): { csr: Csr; newIndex: Int32Array } {
  const newIndex = new Int32Array(csr.nodeCount).fill(-1);
  let nodeCount = 0;
  for (let v = 0; v < csr.nodeCount; v++) if (keep[v]) newIndex[v] = nodeCount++;
  const offsets = new Int32Array(nodeCount + 1);
  let edges = 0;
  for (let v = 0; v < csr.nodeCount; v++) {
    if (!keep[v]) continue;
    for (let e = csr.offsets[v]!; e < csr.offsets[v + 1]!; e++) if (keep[csr.targets[e]!]) edges++;
  }
  const targets = new Int32Array(edges);
  const weights = new Float64Array(edges);
  let write = 0;
  for (let v = 0; v < csr.nodeCount; v++) {
    if (!keep[v]) continue;
    for (let e = csr.offsets[v]!; e < csr.offsets[v + 1]!; e++) {
      const target = newIndex[csr.targets[e]!]!;
      if (target < 0) continue;
      targets[write] = target;
      weights[write++] = csr.weights[e]!;
    }
    offsets[newIndex[v]! + 1] = write;
  }
  return { csr: { nodeCount, offsets, targets, weights }, newIndex };
}
