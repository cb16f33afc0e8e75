// Helper thread of the parallel kernels: shares the chunks of every step the scoring thread starts, until it is
// stopped. workerData.kernel says which kernel the steps run.
import { parentPort, workerData } from 'node:worker_threads';
import { serveSteps, type ChunkRunner } from './work-sharing';
import { RANGES, sweep, type SweepArrays } from './pagerank-kernel';
import { CHUNKS_PER_STEP, spreadHelper, type CascadeSettings, type SpreadArrays } from './spread-kernel';

export type KernelWorkerData =
  | { kernel: 'pagerank'; arrays: SweepArrays; control: Int32Array }
  | { kernel: 'spread'; arrays: SpreadArrays; settings: CascadeSettings; seed: number; control: Int32Array };

const data = workerData as KernelWorkerData;
const [chunks, run]: [number, ChunkRunner] =
  data.kernel === 'pagerank'
    ? [RANGES, (range, iteration) => sweep(data.arrays, range, iteration)]
    : [CHUNKS_PER_STEP, spreadHelper(data.arrays, data.settings, data.seed)];
parentPort?.postMessage('ready');
serveSteps(data.control, chunks, run);
