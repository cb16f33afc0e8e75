// Runs a TypeScript worker entry when the app runs from source (tsx, vitest): workers do not inherit the
// parent's module hooks, so this registers tsx in the worker before importing the real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsEntry);
