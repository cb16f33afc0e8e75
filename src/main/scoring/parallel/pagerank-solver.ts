import { sharedCopy, withHelper } from './shared-memory';
import { edgeCount, type Csr } from '../graph/csr';
import { runStep } from './work-sharing';
import { RANGES, rangeBounds, SCALAR_SLOTS, sweep, type SweepArrays } from './pagerank-kernel';

/** A PageRank power iteration, everything model-specific (alpha, personalization, weights) already folded in. */
export interface PagerankProblem {
  /** Row v lists the nodes giving attention to v. */
  incoming: Csr;
  /** false: every edge counts 1 and `incoming.weights` is not read. */
  weighted: boolean;
  /** alpha / out-weight (or out-degree when unweighted) per node; 0 marks a dangling node. */
  scaledInverseOut: Float64Array;
  /** (1 - alpha) p[v]. */
  teleport: Float64Array;
  /** Where dangling mass goes; sums to 1. */
  danglingTarget: Float64Array;
  alpha: number;
  /** Stop once the L1 change of an iteration is below it. */
  tolerance: number;
  maxIterations: number;
  /** Called on the calling thread after every iteration; may throw to cancel. */
  onIteration(iteration: number, residual: number): void;
}

export interface PagerankRun {
  scores: Float64Array;
  iterations: number;
  residual: number;
  converged: boolean;
  threads: 1 | 2;
  /** Fraction of the ranges the helper thread computed. */
  helperShare: number;
}

/**
 * Below this many edges the whole run takes a few milliseconds, less than copying into shared memory and
 * starting a thread cost.
 */
export const PARALLEL_MIN_EDGES = 50_000;

export function solvePagerank(problem: PagerankProblem): PagerankRun | Promise<PagerankRun> {
  return edgeCount(problem.incoming) < PARALLEL_MIN_EDGES
    ? pagerankSingleThread(problem)
    : pagerankParallel(problem, { waitForHelper: false });
}

/** Every range on the calling thread, in order: bit-identical to pagerankParallel. */
export function pagerankSingleThread(problem: PagerankProblem): PagerankRun {
  const arrays = sweepArrays(problem, false);
  return iterate(problem, arrays, 1, (iteration) => {
    for (let range = 0; range < RANGES; range++) sweep(arrays, range, iteration);
    return RANGES;
  });
}

/**
 * The ranges of each iteration shared between the calling thread and a kernel-worker thread through Atomics.
 * The calling thread may block in Atomics.wait at the end of an iteration, which Node allows on its main thread.
 * Without waitForHelper the iterations start at once and the helper joins them when it has started (tens of
 * milliseconds from the bundle, a few hundred through tsx), so a short run never waits for a thread; a benchmark
 * of the steady rate waits.
 */
export async function pagerankParallel(
  problem: PagerankProblem,
  { waitForHelper = true }: { waitForHelper?: boolean } = {},
): Promise<PagerankRun> {
  const arrays = sweepArrays(problem, true);
  const run = await withHelper(
    (control) => ({ kernel: 'pagerank', arrays, control }),
    waitForHelper,
    (control) =>
      iterate(problem, arrays, 2, (iteration) =>
        runStep(control, iteration, RANGES, (range) => sweep(arrays, range, iteration)),
      ),
  );
  return { ...run, scores: run.scores.slice() };
}

/** `step` computes every range of one iteration and returns how many of them the calling thread ran. */
function iterate(
  problem: PagerankProblem,
  arrays: SweepArrays,
  threads: 1 | 2,
  step: (iteration: number) => number,
): PagerankRun {
  const { x, contribEven, scaledInverseOut, scalars } = arrays;
  const nodeCount = x.length;
  let dangling = 0;
  for (let v = 0; v < nodeCount; v++) {
    x[v] = 1 / nodeCount;
    contribEven[v] = x[v]! * scaledInverseOut[v]!;
    if (scaledInverseOut[v] === 0) dangling += x[v]!;
  }
  let residual = Number.POSITIVE_INFINITY;
  let iteration = 0;
  let ranHere = 0;
  while (iteration < problem.maxIterations && !(residual < problem.tolerance)) {
    iteration++;
    scalars[0] = problem.alpha * dangling;
    ranHere += step(iteration);
    dangling = 0;
    residual = 0;
    for (let range = 0; range < RANGES; range++) {
      dangling += scalars[1 + 2 * range]!;
      residual += scalars[2 + 2 * range]!;
    }
    problem.onIteration(iteration, residual);
  }
  const converged = residual < problem.tolerance;
  const helperShare = iteration === 0 ? 0 : 1 - ranHere / (RANGES * iteration);
  return { scores: x, iterations: iteration, residual, converged, threads, helperShare };
}

function sweepArrays(problem: PagerankProblem, shared: boolean): SweepArrays {
  const { incoming } = problem;
  const nodeCount = incoming.nodeCount;
  const floats = (source: Float64Array) => (shared ? sharedCopy(source, Float64Array) : source);
  const ints = (source: Int32Array) => (shared ? sharedCopy(source, Int32Array) : source);
  const scratch = (length: number) =>
    shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
  return {
    offsets: ints(incoming.offsets),
    sources: ints(incoming.targets),
    weights: problem.weighted ? floats(incoming.weights) : null,
    scaledInverseOut: floats(problem.scaledInverseOut),
    teleport: floats(problem.teleport),
    danglingTarget: floats(problem.danglingTarget),
    x: scratch(nodeCount),
    contribEven: scratch(nodeCount),
    contribOdd: scratch(nodeCount),
    bounds: ints(rangeBounds(incoming.offsets, nodeCount)),
    scalars: scratch(SCALAR_SLOTS),
  };
}
