// The engine as a worker thread (`lens` commands and `lens serve`): started by engine/client.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../services/errors';
import { Engine } from './engine';
import type { EngineEvent, EngineRequest, EngineStart } from './protocol';

const port = parentPort!;
const send = (event: EngineEvent) => port.postMessage(event);
try {
  const engine = Engine.open((workerData as EngineStart).dbFile);
  port.on('message', (request: EngineRequest) => engine.handle(request, send));
  port.once('close', () => engine.close());
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'unavailable', error: toApiError(error) });
}
