// Runs an engine entry written for Electron's utilityProcess in a worker thread (fake-utility.ts): installs
// process.parentPort as Electron gives it to the child (each message an event with `data`) over the worker's port.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const port = parentPort!;
Object.assign(process, {
  parentPort: {
    on: (event: 'message', listener: (event: { data: unknown }) => void) => port.on(event, (data: unknown) => listener({ data })),
    postMessage: (message: unknown) => port.postMessage(message),
  },
});
await import(pathToFileURL((workerData as { utilityEntry: string }).utilityEntry).href);
