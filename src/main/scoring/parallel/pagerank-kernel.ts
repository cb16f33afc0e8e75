/**
 * One PageRank iteration in pull form over the incoming CSR, cut into node ranges that either thread may compute:
 *
 *   x'[v] = sum over in-edges (u, v) of contrib[u] w(u, v)  +  teleport[v]  +  danglingCoefficient danglingTarget[v]
 *   contrib'[v] = x'[v] scaledInverseOut[v]            (alpha / out-weight, 0 for dangling nodes)
 *
 * Each range leaves its dangling mass and L1 change in its own slots, and the caller adds the slots in range
 * order: the result is the same to the bit whichever thread computed which range, and with one thread or two.
 */
export interface SweepArrays {
  offsets: Int32Array;
  sources: Int32Array;
  /** null: every edge counts 1, and the specialised loop loads no weights. */
  weights: Float64Array | null;
  scaledInverseOut: Float64Array;
  teleport: Float64Array;
  danglingTarget: Float64Array;
  x: Float64Array;
  /** contrib of the previous iteration is read from one while the next is written to the other. */
  contribEven: Float64Array;
  contribOdd: Float64Array;
  /** RANGES + 1 node indices: range r is bounds[r] .. bounds[r + 1]. */
  bounds: Int32Array;
  /** [dangling coefficient, then per range r: dangling mass at 1 + 2r, L1 change at 2 + 2r] */
  scalars: Float64Array;
}

/**
 * Enough ranges for the two threads to even out (a range is a small slice of an iteration), few enough that
 * claiming them costs nothing. A constant, so that the ranges, and the result, depend on the graph alone.
 */
export const RANGES = 64;
export const SCALAR_SLOTS = 1 + 2 * RANGES;

/** Range boundaries with about as many in-edges plus nodes in each (a node costs a few accesses besides its edges). */
export function rangeBounds(offsets: Int32Array, nodeCount: number): Int32Array {
  const bounds = new Int32Array(RANGES + 1);
  const total = offsets[nodeCount]! + nodeCount;
  let v = 0;
  for (let r = 1; r < RANGES; r++) {
    const goal = (total * r) / RANGES;
    while (v < nodeCount && offsets[v]! + v < goal) v++;
    bounds[r] = v;
  }
  bounds[RANGES] = nodeCount;
  return bounds;
}

/** Computes one range of iteration `iteration` (1, 2, ...): odd iterations read contribEven, even contribOdd. */
export function sweep(arrays: SweepArrays, range: number, iteration: number): void {
  const odd = (iteration & 1) === 1;
  const read = odd ? arrays.contribEven : arrays.contribOdd;
  const write = odd ? arrays.contribOdd : arrays.contribEven;
  const low = arrays.bounds[range]!;
  const high = arrays.bounds[range + 1]!;
  if (arrays.weights) pullWeighted(arrays, arrays.weights, read, write, low, high, 1 + 2 * range);
  else pullUnweighted(arrays, read, write, low, high, 1 + 2 * range);
}

function pullWeighted(
  arrays: SweepArrays,
  weights: Float64Array,
  read: Float64Array,
  write: Float64Array,
  low: number,
  high: number,
  slot: number,
): void {
  const { offsets, sources, scaledInverseOut, teleport, danglingTarget, x, scalars } = arrays;
  const danglingCoefficient = scalars[0]!;
  let dangling = 0;
  let change = 0;
  let e = offsets[low]!;
  for (let v = low; v < high; v++) {
    const end = offsets[v + 1]!;
    let sum = 0;
    for (; e < end; e++) sum += read[sources[e]!]! * weights[e]!;
    const next = sum + teleport[v]! + danglingCoefficient * danglingTarget[v]!;
    change += Math.abs(next - x[v]!);
    x[v] = next;
    const inverse = scaledInverseOut[v]!;
    write[v] = next * inverse;
    if (inverse === 0) dangling += next;
  }
  scalars[slot] = dangling;
  scalars[slot + 1] = change;
}

function pullUnweighted(
  arrays: SweepArrays,
  read: Float64Array,
  write: Float64Array,
  low: number,
  high: number,
  slot: number,
): void {
  const { offsets, sources, scaledInverseOut, teleport, danglingTarget, x, scalars } = arrays;
  const danglingCoefficient = scalars[0]!;
  let dangling = 0;
  let change = 0;
  let e = offsets[low]!;
  for (let v = low; v < high; v++) {
    const end = offsets[v + 1]!;
    let sum = 0;
    for (; e < end; e++) sum += read[sources[e]!]!;
    const next = sum + teleport[v]! + danglingCoefficient * danglingTarget[v]!;
    change += Math.abs(next - x[v]!);
    x[v] = next;
    const inverse = scaledInverseOut[v]!;
    write[v] = next * inverse;
    if (inverse === 0) dangling += next;
  }
  scalars[slot] = dangling;
  scalars[slot + 1] = change;
}
