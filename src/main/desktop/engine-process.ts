import { EngineClient, type EngineChannel } from '../engine/client';
import { DB_FILE_ARG } from '../engine/protocol';
import type { UtilityForkLike, UtilityProcessLike } from './types';

/**
 * Starts the engine in an Electron utilityProcess on `dbFile` (modulePath: the built engine-process.js): the main
 * process then forwards calls to it and never opens SQLite, so no scan or import can freeze the window.
 */
export function startEngineProcess(fork: UtilityForkLike, modulePath: string, dbFile: string): EngineClient {
  const child = fork(modulePath, [`${DB_FILE_ARG}${dbFile}`], { serviceName: 'Influence Lens engine', stdio: 'inherit' });
  return new EngineClient(utilityChannel(child));
}

/** The EngineChannel over a utilityProcess: stop kills the process and resolves once it has exited. */
export function utilityChannel(child: UtilityProcessLike): EngineChannel {
  let stopping = false;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return {
    post: (request) => child.postMessage(request),
    onEvent: (listener) => child.on('message', (message) => listener(message as Parameters<typeof listener>[0])),
    onExit: (listener) => child.on('exit', (code) => listener(stopping ? 'it was stopped' : `its process exited with code ${code}`)),
    stop: async () => {
      stopping = true;
      if (!exited) child.kill();
      await exit;
    },
  };
}
