// Helper thread of the parallel kernels: shares the ranges of every iteration the scoring thread starts, until
// it is stopped.
import { parentPort, workerData } from 'node:worker_threads';
import { serveSteps } from './work-sharing';
import { RANGES, sweep, type SweepArrays } from './pagerank-kernel';

export interface KernelWorkerData {
  kernel: 'pagerank';
  arrays: SweepArrays;
  control: Int32Array;
}

const data = workerData as KernelWorkerData;
parentPort?.postMessage('ready');
serveSteps(data.control, RANGES, (range, iteration) => sweep(data.arrays, range, iteration));
