import { sharedCopy, withHelper } from './shared-memory';
import { edgeCount, type Csr } from '../graph/csr';
import {
  CascadeSimulator,
  CHUNKS,
  CHUNKS_PER_STEP,
  chunkBounds,
  chunkOf,
  simulateChunk,
  STEPS,
  type CascadeSettings,
  type SpreadArrays,
} from './spread-kernel';
import { runStep } from './work-sharing';

/** Monte Carlo estimates of every account's expected cascade size. */
export interface SpreadProblem {
  /** Row u lists the accounts u can activate. */
  rows: Csr;
  settings: CascadeSettings;
  seed: number;
  /**
   * Called on the calling thread with the account it has reached (accounts are done roughly in order), after
   * every step and every few milliseconds of its own work within a long chunk, even within one account's
   * cascades; may throw to cancel.
   */
  onProgress(accountsDone: number): void;
}

export interface SpreadRun {
  score: Float64Array;
  stderr: Float64Array;
  /** Sum of all cascade sizes. */
  activations: number;
  threads: 1 | 2;
  /** Fraction of the chunks the helper thread ran. */
  helperShare: number;
}

/**
 * Below this many (rows + edges) x runs the whole run takes a few tens of milliseconds, about what copying into
 * shared memory and starting a thread cost: 50,000 rows and edges at the default 100 runs.
 */
const PARALLEL_MIN_WORK = 5_000_000;

export function solveSpread(problem: SpreadProblem): SpreadRun | Promise<SpreadRun> {
  const { rows, settings } = problem;
  return (rows.nodeCount + edgeCount(rows)) * settings.runs < PARALLEL_MIN_WORK
    ? spreadSingleThread(problem)
    : spreadParallel(problem, { waitForHelper: false });
}

/** Every chunk on the calling thread, in order: bit-identical to spreadParallel. */
export function spreadSingleThread(problem: SpreadProblem): SpreadRun {
  const arrays = spreadArrays(problem, false);
  return simulate(problem, arrays, 1, (_step, run) => {
    for (let chunk = 0; chunk < CHUNKS_PER_STEP; chunk++) run(chunk);
    return CHUNKS_PER_STEP;
  });
}

/**
 * The chunks of each step shared between the calling thread and a kernel-worker thread, which joins when it has
 * started unless waitForHelper (for tests and benchmarks of the steady rate). The helper is terminated however
 * the run ends.
 */
export async function spreadParallel(
  problem: SpreadProblem,
  { waitForHelper = true }: { waitForHelper?: boolean } = {},
): Promise<SpreadRun> {
  const arrays = spreadArrays(problem, true);
  // Only these settings: the caller may pass the whole parameter object, weights by kind and all.
  const { probability, edge_probability, runs } = problem.settings;
  const run = await withHelper(
    (control) => ({
      kernel: 'spread',
      arrays,
      settings: { probability, edge_probability, runs },
      seed: problem.seed,
      control,
    }),
    waitForHelper,
    (control) =>
      simulate(problem, arrays, 2, (step, runChunk) => runStep(control, step, CHUNKS_PER_STEP, runChunk)),
  );
  // Plain copies: results are transferred to the host, which a SharedArrayBuffer cannot be.
  return { ...run, score: run.score.slice(), stderr: run.stderr.slice() };
}

/** `step` runs every chunk of one step through `run` and returns how many of them the calling thread ran. */
function simulate(
  problem: SpreadProblem,
  arrays: SpreadArrays,
  threads: 1 | 2,
  step: (step: number, run: (chunk: number) => void) => number,
): SpreadRun {
  const { settings, onProgress } = problem;
  const simulator = new CascadeSimulator(arrays.rows, settings, problem.seed);
  let ranHere = 0;
  for (let s = 1; s <= STEPS; s++) {
    ranHere += step(s, (chunk) => simulateChunk(arrays, simulator, settings.runs, chunkOf(s, chunk), onProgress));
    onProgress(arrays.bounds[chunkOf(s + 1, 0)]!);
  }
  // Integers, so any order would give the same sum; chunk order keeps that obvious.
  let activations = 0;
  for (let chunk = 0; chunk < CHUNKS; chunk++) activations += arrays.activations[chunk]!;
  const { score, stderr } = arrays;
  return { score, stderr, activations, threads, helperShare: 1 - ranHere / CHUNKS };
}

function spreadArrays(problem: SpreadProblem, shared: boolean): SpreadArrays {
  const { rows } = problem;
  const byWeight = problem.settings.edge_probability === 'weight';
  const floats = (length: number) =>
    shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
  return {
    rows: shared
      ? {
          nodeCount: rows.nodeCount,
          offsets: sharedCopy(rows.offsets, Int32Array),
          targets: sharedCopy(rows.targets, Int32Array),
          // Only edge_probability "weight" reads the weights: no copy of them otherwise.
          weights: byWeight ? sharedCopy(rows.weights, Float64Array) : new Float64Array(0),
        }
      : rows,
    bounds: chunkBounds(rows.offsets, rows.nodeCount),
    score: floats(rows.nodeCount),
    stderr: floats(rows.nodeCount),
    activations: floats(CHUNKS),
  };
}
