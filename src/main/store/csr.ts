/**
 * Compressed sparse rows: row `v` holds the edges `targets[offsets[v] .. offsets[v + 1])` with their weights.
 * Rows are sorted by target and hold each target once (parallel edges are merged by summing their weights), so
 * the same set of edges always gives the same arrays, whatever order they were read in.
 * The shape lives in the store because the graph cache persists it; scoring/graph/csr.ts builds and reads it.
 */
export interface Csr {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}
