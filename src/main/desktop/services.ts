import type { ApiName } from '../../shared/api';
import type { Result } from '../../shared/domain';
import type { CallOptions, EngineClient } from '../engine/client';
import type { Out } from '../services/context';

/** Starts an engine that owns one database file: a utilityProcess in the app, the same over a fake in tests. */
export type EngineStarter = (dbFile: string) => EngineClient;

type ProgressSinks = Pick<CallOptions, 'onProgress' | 'onJobProgress'>;

/**
 * The services as the desktop app reaches them: through one engine on one database (which File > Open database
 * replaces by an engine on the new file), with the calls in flight by request id, so that the page can cancel one
 * and a database switch can wait for all. Nothing here opens SQLite.
 */
export class DesktopServices {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<unknown> }>();

  private constructor(
    private readonly start: EngineStarter,
    private client: EngineClient,
    private file: string,
  ) {}

  /** The engine on `file`, once it has opened it; throws with why when it cannot (not SQLite, a newer schema). */
  static async open(start: EngineStarter, file: string): Promise<DesktopServices> {
    return new DesktopServices(start, await openedEngine(start, file), file);
  }

  get engine(): EngineClient {
    return this.client;
  }

  get database(): string {
    return this.file;
  }

  isRunning(requestId: string): boolean {
    return this.running.has(requestId);
  }

  /** Forwards the call; the caller has checked the name, the engine's callService validates the input. */
  async call<N extends ApiName>(name: N, input: unknown, requestId: string, sinks: ProgressSinks = {}): Promise<Result<Out<N>>> {
    // A signal rather than client.cancel: a cancel that comes before the engine has the call still reaches it.
    const abort = new AbortController();
    const done = this.client.call(name, input, { requestId, signal: abort.signal, ...sinks });
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
   * Starts an engine on another database and makes it the one every later call uses. The new engine opens the
   * file first, so one that cannot be opened leaves the current engine in use; calls on the old one are cancelled
   * and awaited before it is stopped, so none is cut off halfway.
   */
  async switchDatabase(file: string): Promise<void> {
    const next = await openedEngine(this.start, file);
    const previous = this.client;
    const pending = [...this.running.values()];
    this.client = next;
    this.file = file;
    for (const call of pending) call.abort.abort();
    await Promise.allSettled(pending.map((call) => call.done));
    await previous.stop();
  }

  /** For quitting: cancels every call and stops the engine (its job threads end with it). */
  async close(): Promise<void> {
    for (const call of this.running.values()) call.abort.abort();
    await this.client.stop();
  }
}

async function openedEngine(start: EngineStarter, file: string): Promise<EngineClient> {
  const client = start(file);
  const unavailable = await client.opened();
  if (!unavailable) return client;
  await client.stop();
  throw new Error(unavailable.message);
}
