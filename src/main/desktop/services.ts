import type { ApiName } from '../../shared/api';
import type { Result } from '../../shared/domain';
import { JobHost } from '../jobs/host';
import { callService } from '../services';
import type { ServiceContext } from '../services/context';
import type { Db } from '../store/db';

type ProgressSinks = Pick<ServiceContext, 'onProgress' | 'onJobProgress'>;

/**
 * The services as the desktop app runs them: one database (which File > Open database swaps), one job host, and
 * the calls in flight by request id, so that the page can cancel one and a database switch can wait for all.
 */
export class DesktopServices {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<unknown> }>();

  constructor(
    private db: Db,
    private readonly open: (file: string) => Db,
    readonly jobs = new JobHost(),
  ) {}

  get database(): Db {
    return this.db;
  }

  isRunning(requestId: string): boolean {
    return this.running.has(requestId);
  }

  /** callService with this database; the caller has checked the name, callService validates the input. */
  async call(name: ApiName, input: unknown, requestId: string, sinks: ProgressSinks = {}): Promise<Result<unknown>> {
    const abort = new AbortController();
    const done = callService(name, input, { db: this.db, jobs: this.jobs, signal: abort.signal, ...sinks });
    this.running.set(requestId, { abort, done });
    try {
      return await done;
    } finally {
      this.running.delete(requestId);
    }
  }

  cancel(requestId: string): void {
    this.running.get(requestId)?.abort.abort();
  }

  /**
   * Opens another database and makes it the one every later call uses. The new file is opened first, so one that
   * cannot be opened (not SQLite, too new) leaves the current database in use; calls on the old one are cancelled
   * and awaited before it is closed, so none writes to a closed connection.
   */
  async switchDatabase(file: string): Promise<void> {
    const next = this.open(file);
    const pending = [...this.running.values()];
    for (const call of pending) call.abort.abort();
    await Promise.allSettled(pending.map((call) => call.done));
    this.db.close();
    this.db = next;
  }

  /** For quitting: stops every job and closes the database. */
  close(): void {
    for (const call of this.running.values()) call.abort.abort();
    this.jobs.cancelAll();
    this.db.close();
  }
}
