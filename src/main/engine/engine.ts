import type { ApiName } from '../../shared/api';
import { JobHost } from '../jobs/host';
import { callService } from '../services';
import { toApiError } from '../services/errors';
import { openDatabase, type Db } from '../store/db';
import { removeAbandonedStaging } from '../store/staging';
import type { EngineEvent, EngineRequest } from './protocol';

/**
 * The one owner of the database in a process: every service call runs here, on one connection for reads and short
 * writes (each a single synchronous transaction, so no other call ever runs inside it), while an import writes on
 * a connection of its own into a staging dataset (import/run-import.ts). Imports queue among themselves; every
 * other call runs at once and reads the last committed state.
 */
export class Engine {
  private readonly running = new Map<string, AbortController>();
  // One thread stays warm: after the 30 s idle exit a page's next call paid 0.75 s to start a thread (account page
  // 1.9-5.5 s after a pause against < 1 s warm, `npm run bench -- ui`). It is unref'd, so a CLI process still exits.
  private readonly jobs = new JobHost({ keepWarm: 1 });

  private constructor(readonly db: Db) {}

  /** Opens the database and removes what crashed imports left (staging datasets of processes that are gone). */
  static open(dbFile: string): Engine {
    const db = openDatabase(dbFile);
    removeAbandonedStaging(db);
    return new Engine(db);
  }

  handle(request: EngineRequest, send: (event: EngineEvent) => void): void {
    if (request.type === 'cancel') {
      this.running.get(request.requestId)?.abort();
      return;
    }
    void this.call(request.requestId, request.name, request.input, send);
  }

  private async call(requestId: string, name: ApiName, input: unknown, send: (event: EngineEvent) => void) {
    const abort = new AbortController();
    this.running.set(requestId, abort);
    try {
      const result = await callService(name, input, {
        db: this.db,
        jobs: this.jobs,
        signal: abort.signal,
        onProgress: (progress) => send({ type: 'progress', requestId, kind: 'import', progress }),
        onJobProgress: (progress) => send({ type: 'progress', requestId, kind: 'job', progress }),
      });
      send({ type: 'result', requestId, result });
    } catch (error) {
      // callService returns its errors; this is a result that could not be sent (it did not clone).
      send({ type: 'result', requestId, result: { ok: false, error: toApiError(error) } });
    } finally {
      this.running.delete(requestId);
    }
  }

  close(): void {
    for (const abort of this.running.values()) abort.abort();
    this.jobs.cancelAll();
    this.db.close();
  }
}
