import type { ApiName, ImportProgress } from '../../shared/api';
import type { ApiError, Result } from '../../shared/domain';
import type { JobProgress } from '../../shared/runs';

/**
 * The engine's messages. A transport (HTTP, IPC, CLI) forwards a call by name with its raw input and an id of its
 * choosing, relays the progress events of that id, and may cancel it; the engine answers every call with exactly
 * one `result`, a Result, so errors cross as data ({ ok: false, error: { code, message } }), never as thrown text.
 */
export type EngineRequest =
  | { type: 'call'; requestId: string; name: ApiName; input: unknown }
  | { type: 'cancel'; requestId: string };

export type EngineEvent =
  | { type: 'ready' }
  /** The engine could not open the database (a newer schema, an unreadable file): every call fails with it. */
  | { type: 'unavailable'; error: ApiError }
  | { type: 'progress'; requestId: string; kind: 'import'; progress: ImportProgress }
  | { type: 'progress'; requestId: string; kind: 'job'; progress: JobProgress }
  | { type: 'result'; requestId: string; result: Result<unknown> };

/** What the engine needs to know when it starts. */
export interface EngineStart {
  dbFile: string;
}

/**
 * How a forked engine process (Electron's utilityProcess) learns its database: an argument of this form, found by
 * its prefix, as Electron may put its own arguments before the ones given to fork().
 */
export const DB_FILE_ARG = '--lens-db=';
