import type { z } from 'zod';
import type { spreadModel } from '../../../shared/models/spread';
import type { Csr } from '../graph/csr';

export type SpreadParams = z.infer<typeof spreadModel.params>;
/** What a simulator needs beyond the graph: small enough to hand to the helper thread as it is. */
export type CascadeSettings = Pick<SpreadParams, 'probability' | 'edge_probability' | 'runs'>;

const TWO_32 = 4294967296;
const GOLDEN = 0x9e3779b9;

/** lowbias32 from Wellons' hash prospector: a bijection on 32-bit words with very low avalanche bias. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Independent Cascade simulations over `rows`, where row u lists the accounts u can activate (the accounts giving
 * u attention). The coin of edge e in cascade (source, run) is mix32(key(source, run) ^ e * GOLDEN), a pure
 * function of those counters: no cascade depends on which ran before it, so estimates are independent of
 * iteration order (and of the thread that ran them), and an explanation replays a run's cascades exactly.
 */
export class CascadeSimulator {
  /** Accounts activated by the last cascade in activation order, the source first: queue[0 .. size). */
  readonly queue: Int32Array;
  private readonly stamp: Int32Array;
  private mark = 0;
  /** The key of the last source: every run of an account comes in a row, so it is mixed once per account. */
  private lastSource = -1;
  private sourceKey = 0;
  private readonly rows: Csr;
  private readonly seedKey: number;
  private readonly byWeight: boolean;
  private readonly certain: boolean;
  /** 1 / ln(1 - p): turns a uniform draw into the number of failed edges before the next success. */
  private readonly gapScale: number;
  /** (1 - p)^(row length) x 2^32: a first draw at or below it means no success in the row, without a logarithm. */
  private readonly quietBelow: Float64Array;

  constructor(rows: Csr, params: Omit<CascadeSettings, 'runs'>, seed: number) {
    this.rows = rows;
    this.queue = new Int32Array(rows.nodeCount);
    this.stamp = new Int32Array(rows.nodeCount);
    this.seedKey = mix32(mix32(seed >>> 0) ^ (Math.floor(seed / TWO_32) >>> 0));
    this.byWeight = params.edge_probability === 'weight';
    this.certain = !this.byWeight && params.probability >= 1;
    this.gapScale = 1 / Math.log1p(-params.probability);
    this.quietBelow = new Float64Array(rows.nodeCount);
    if (this.byWeight || this.certain) return;
    for (let u = 0; u < rows.nodeCount; u++) {
      this.quietBelow[u] = (1 - params.probability) ** (rows.offsets[u + 1]! - rows.offsets[u]!) * TWO_32;
    }
  }

  /** Runs cascade number `run` from `source` and returns its size. */
  run(source: number, run: number): number {
    if (this.mark === 0x7fffffff) {
      this.stamp.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    const { offsets, targets, weights } = this.rows;
    const { stamp, queue, byWeight, certain, gapScale, quietBelow } = this;
    if (source !== this.lastSource) {
      this.lastSource = source;
      this.sourceKey = mix32(this.seedKey ^ Math.imul(source, GOLDEN));
    }
    const key = mix32((this.sourceKey + run) | 0);
    stamp[source] = mark;
    queue[0] = source;
    let size = 1;
    for (let head = 0; head < size; head++) {
      const u = queue[head]!;
      const end = offsets[u + 1]!;
      let e = offsets[u]!;
      if (byWeight) {
        for (; e < end; e++) {
          const v = targets[e]!;
          // Comparing against weight x 2^32 caps the probability at 1 without a min().
          if (stamp[v] !== mark && mix32(key ^ Math.imul(e, GOLDEN)) < weights[e]! * TWO_32) {
            stamp[v] = mark;
            queue[size++] = v;
          }
        }
        continue;
      }
      if (!certain) {
        if (e === end) continue;
        // Geometric skipping: a draw gives the number of failed edges before the next success, so a row costs one
        // draw per success instead of one coin per edge; the draw made at edge e is e's coin.
        const first = mix32(key ^ Math.imul(e, GOLDEN)) + 1;
        if (first <= quietBelow[u]!) continue;
        e += Math.floor(Math.log(first / TWO_32) * gapScale);
      }
      while (e < end) {
        const v = targets[e]!;
        if (stamp[v] !== mark) {
          stamp[v] = mark;
          queue[size++] = v;
        }
        if (++e < end && !certain) e += Math.floor(Math.log((mix32(key ^ Math.imul(e, GOLDEN)) + 1) / TWO_32) * gapScale);
      }
    }
    return size;
  }
}

/**
 * The accounts cut into CHUNKS ranges, STEPS steps of CHUNKS_PER_STEP consecutive ranges each. The cut depends on
 * the graph alone; the results do not depend on it at all (every account's cascades are its own), only how
 * evenly the threads share the work does. Many small chunks keep the wait at the end of a step short (under a
 * millisecond each on a 1M-account graph at the default 100 runs); the steps are where the scoring thread
 * reports progress, and polls within a chunk cover the chunks that take long.
 */
export const CHUNKS_PER_STEP = 64;
export const STEPS = 64;
export const CHUNKS = CHUNKS_PER_STEP * STEPS;

/** The chunk that is number `chunk` of step `step` (1, 2, ...). */
export function chunkOf(step: number, chunk: number): number {
  return (step - 1) * CHUNKS_PER_STEP + chunk;
}

/** Both threads' views of one run; everything but `bounds` is written chunk by chunk, each by one thread. */
export interface SpreadArrays {
  rows: Csr;
  /** CHUNKS + 1 node indices: chunk c is bounds[c] .. bounds[c + 1]. */
  bounds: Int32Array;
  score: Float64Array;
  stderr: Float64Array;
  /** Activations (sum of cascade sizes) per chunk, added in chunk order by the scoring thread. */
  activations: Float64Array;
}

/**
 * Chunk boundaries with about as many rows plus edges in each: at small probabilities an account costs about
 * the same whatever its row, at large ones its row's length matters, and neither is known from the graph alone.
 */
export function chunkBounds(offsets: Int32Array, nodeCount: number): Int32Array {
  const bounds = new Int32Array(CHUNKS + 1);
  const total = offsets[nodeCount]! + nodeCount;
  let v = 0;
  for (let c = 1; c < CHUNKS; c++) {
    const goal = (total * c) / CHUNKS;
    while (v < nodeCount && offsets[v]! + v < goal) v++;
    bounds[c] = v;
  }
  bounds[CHUNKS] = nodeCount;
  return bounds;
}

/**
 * Activations between two polls within a chunk: a few milliseconds of work at small probabilities, tens at large
 * ones, where each activation tries more edges.
 */
const WORK_PER_POLL = 1 << 18;

/**
 * Simulates `runs` cascades from every account of chunk `chunk`. `poll`, given only on the scoring thread, is
 * called with the current account every WORK_PER_POLL activations, so that it can check for cancellation: one
 * account may take seconds (many runs over a densely connected graph).
 */
export function simulateChunk(
  arrays: SpreadArrays,
  simulator: CascadeSimulator,
  runs: number,
  chunk: number,
  poll: ((account: number) => void) | null,
): void {
  const { bounds, score, stderr } = arrays;
  let activations = 0;
  let work = 0;
  for (let v = bounds[chunk]!; v < bounds[chunk + 1]!; v++) {
    let sum = 0;
    let sumOfSquares = 0;
    for (let r = 0; r < runs; r++) {
      const size = simulator.run(v, r);
      sum += size;
      sumOfSquares += size * size;
      if (poll !== null && (work += size) >= WORK_PER_POLL) {
        work = 0;
        poll(v);
      }
    }
    const mean = sum / runs;
    score[v] = mean;
    stderr[v] = runs > 1 ? Math.sqrt(Math.max(0, (sumOfSquares - sum * mean) / (runs - 1)) / runs) : Number.NaN;
    activations += sum;
  }
  arrays.activations[chunk] = activations;
}

/** The helper thread's part: its own simulator over the shared rows, running whichever chunks it claims. */
export function spreadHelper(
  arrays: SpreadArrays,
  settings: CascadeSettings,
  seed: number,
): (chunk: number, step: number) => void {
  const simulator = new CascadeSimulator(arrays.rows, settings, seed);
  return (chunk, step) => simulateChunk(arrays, simulator, settings.runs, chunkOf(step, chunk), null);
}
