import { randomUUID } from 'node:crypto';
import type { ApiName, ImportProgress } from '../../shared/api';
import type { ApiError, Result } from '../../shared/domain';
import type { JobProgress } from '../../shared/runs';
import type { Out } from '../services/context';
import type { EngineEvent, EngineRequest } from './protocol';

/** How a client reaches its engine: a worker thread here, an Electron utilityProcess in the desktop app. */
export interface EngineChannel {
  post(request: EngineRequest): void;
  onEvent(listener: (event: EngineEvent) => void): void;
  /** Called once when the engine is gone (it crashed, or was stopped), with why. */
  onExit(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

export interface CallOptions {
  /** The transport's id for the call (the page's x-request-id); one is made up when not given. */
  requestId?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  onJobProgress?: (progress: JobProgress) => void;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  options: CallOptions;
}

/**
 * The transports' side of the engine: forwards (name, input, requestId), relays progress to the caller's sinks and
 * a cancel from its signal, and settles each call with the engine's Result. Nothing here touches SQLite.
 */
export class EngineClient {
  private readonly pending = new Map<string, Pending>();
  private unavailable: ApiError | null = null;
  private readonly ready: Promise<void>;

  constructor(private readonly channel: EngineChannel) {
    let markReady!: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    channel.onEvent((event) => {
      if (event.type === 'ready') markReady();
      else if (event.type === 'unavailable') {
        this.unavailable = event.error;
        markReady();
      } else if (event.type === 'progress') {
        const options = this.pending.get(event.requestId)?.options;
        if (event.kind === 'import') options?.onProgress?.(event.progress);
        else options?.onJobProgress?.(event.progress);
      } else {
        this.pending.get(event.requestId)?.resolve(event.result);
        this.pending.delete(event.requestId);
      }
    });
    channel.onExit((reason) => {
      this.unavailable ??= { code: 'internal', message: `the engine stopped: ${reason}` };
      markReady();
      for (const { resolve } of this.pending.values()) resolve({ ok: false, error: this.unavailable });
      this.pending.clear();
    });
  }

  /** Resolves once the engine has opened the database; the error when it could not. */
  async opened(): Promise<ApiError | null> {
    await this.ready;
    return this.unavailable;
  }

  async call<N extends ApiName>(name: N, input: unknown, options: CallOptions = {}): Promise<Result<Out<N>>> {
    await this.ready;
    if (this.unavailable) return { ok: false, error: this.unavailable };
    const requestId = options.requestId || randomUUID();
    if (this.pending.has(requestId)) {
      return { ok: false, error: { code: 'invalid_input', message: `request id ${requestId} is already running` } };
    }
    const cancel = () => this.channel.post({ type: 'cancel', requestId });
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const result = await new Promise<Result<unknown>>((resolve) => {
        this.pending.set(requestId, { resolve, options });
        this.channel.post({ type: 'call', requestId, name, input });
        if (options.signal?.aborted) cancel();
      });
      return result as Result<Out<N>>;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  cancel(requestId: string): void {
    if (this.pending.has(requestId)) this.channel.post({ type: 'cancel', requestId });
  }

  stop(): Promise<void> {
    return this.channel.stop();
  }
}
