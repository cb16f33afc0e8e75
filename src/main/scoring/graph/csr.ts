import type { Csr } from '../../store/csr';

export type { Csr };

/** Edges as parallel columns, as read from the store; `count` may be less than the arrays' length. */
export interface EdgeColumns {
  count: number;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export function edgeCount(csr: Csr): number {
  return csr.offsets[csr.nodeCount]!;
}

/**
 * Counting sort by source, then each row deduplicated and sorted by target. O(E + N) memory beyond the input.
 * `shared` puts the arrays in SharedArrayBuffers, where the two-thread kernels use them without a copy.
 */
export function buildCsr(nodeCount: number, edges: EdgeColumns, shared = false): Csr {
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edges.count; e++) offsets[edges.sources[e]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const targets = shared ? new Int32Array(new SharedArrayBuffer(edges.count * 4)) : new Int32Array(edges.count);
  const weights = shared ? new Float64Array(new SharedArrayBuffer(edges.count * 8)) : new Float64Array(edges.count);
  for (let e = 0; e < edges.count; e++) {
    const at = cursor[edges.sources[e]!]!++;
    targets[at] = edges.targets[e]!;
    weights[at] = edges.weights[e]!;
  }
  return mergeRows(nodeCount, offsets, targets, weights);
}

function mergeRows(nodeCount: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array): Csr {
  const seenInRow = new Int32Array(nodeCount).fill(-1);
  const weightOf = new Float64Array(nodeCount);
  const merged = new Int32Array(nodeCount + 1);
  let write = 0;
  for (let v = 0; v < nodeCount; v++) {
    const rowStart = write;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const target = targets[e]!;
      if (seenInRow[target] === v) {
        weightOf[target]! += weights[e]!;
      } else {
        seenInRow[target] = v;
        weightOf[target] = weights[e]!;
        targets[write++] = target;
      }
    }
    if (write - rowStart > 1) targets.subarray(rowStart, write).sort();
    for (let e = rowStart; e < write; e++) weights[e] = weightOf[targets[e]!]!;
    merged[v + 1] = write;
  }
  // Few merged edges: keep the arrays and view their used part rather than hold two copies while trimming.
  const trim = write < targets.length - (targets.length >> 3);
  return {
    nodeCount,
    offsets: merged,
    targets: trim ? targets.slice(0, write) : targets.subarray(0, write),
    weights: trim ? weights.slice(0, write) : weights.subarray(0, write),
  };
}

/** The same graph with every edge reversed; rows come out sorted because the input rows are visited in order. */
export function transpose(csr: Csr): Csr {
  const { nodeCount } = csr;
  const total = edgeCount(csr);
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < total; e++) offsets[csr.targets[e]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  for (let source = 0; source < nodeCount; source++) {
    for (let e = csr.offsets[source]!; e < csr.offsets[source + 1]!; e++) {
      const at = cursor[csr.targets[e]!]!++;
      targets[at] = source;
      weights[at] = csr.weights[e]!;
    }
  }
  return { nodeCount, offsets, targets, weights };
}

/** Sum of each row's weights (a node's total out-weight in a forward graph). */
export function rowWeightSums(csr: Csr): Float64Array {
  const sums = new Float64Array(csr.nodeCount);
  for (let v = 0; v < csr.nodeCount; v++) {
    let sum = 0;
    for (let e = csr.offsets[v]!; e < csr.offsets[v + 1]!; e++) sum += csr.weights[e]!;
    sums[v] = sum;
  }
  return sums;
}

/** A CSR from a plain edge list, for tests and small hand-built graphs. */
export function csrFromEdges(nodeCount: number, edges: ReadonlyArray<readonly [number, number, number?]>): Csr {
  return buildCsr(nodeCount, {
    count: edges.length,
    sources: Int32Array.from(edges, (edge) => edge[0]),
    targets: Int32Array.from(edges, (edge) => edge[1]),
    weights: Float64Array.from(edges, (edge) => edge[2] ?? 1),
  });
}
