// The engine as an Electron utilityProcess (the desktop app), forked by desktop/engine-process.ts: the window's
// main process sends it calls and never opens the database itself. The twin of worker.ts, over Electron's port.
import { toApiError } from '../services/errors';
import { Engine } from './engine';
import { DB_FILE_ARG, type EngineEvent, type EngineRequest } from './protocol';

/** process.parentPort in a utilityProcess: each message arrives as an event whose `data` is what the parent posted. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = (process as NodeJS.Process & { parentPort: ParentPortLike }).parentPort;
const send = (event: EngineEvent) => port.postMessage(event);
try {
  const dbFile = process.argv.find((arg) => arg.startsWith(DB_FILE_ARG))?.slice(DB_FILE_ARG.length);
  if (!dbFile) throw new Error(`the engine process was started without ${DB_FILE_ARG}FILE`);
  const engine = Engine.open(dbFile);
  port.on('message', ({ data }) => engine.handle(data as EngineRequest, send));
  // Killed by the parent (a database switch, quitting): the job threads stop with the process and SQLite's
  // journal keeps the file whole, as after kill -9 of the CLI.
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'unavailable', error: toApiError(error) });
}
