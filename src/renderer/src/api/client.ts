import type { z } from 'zod';
import type { api, ApiName } from '../../../shared/api';
import type { Result } from '../../../shared/domain';

export type Input<N extends ApiName> = z.input<(typeof api)[N]['input']>;
export type Output<N extends ApiName> = z.output<(typeof api)[N]['output']>;

/** Progress of a long call: an import (bytes and records) or a job (fraction and phase). */
export type Progress =
  | { kind: 'import'; progress: { file: string; bytesRead: number; bytesTotal: number; records: number } }
  | { kind: 'job'; progress: { fraction: number; phase: string } };

/** How calls reach the services: HTTP in the browser mode, the preload bridge in the Electron window. */
export interface Transport {
  call(name: ApiName, input: unknown, requestId: string): Promise<Result<unknown>>;
  /** Listens to the progress of every call; returns the unsubscribe. */
  onProgress(listener: (requestId: string, progress: Progress) => void): () => void;
  cancel(requestId: string): void;
  /** Sends a file the services can then import by path (the browser cannot name local paths). */
  upload?(file: File): Promise<Result<{ path: string }>>;
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export interface LensClient {
  call<N extends ApiName>(name: N, input: Input<N>, options?: CallOptions): Promise<Result<Output<N>>>;
  upload(file: File): Promise<Result<{ path: string }>>;
}

let sequence = 0;

/** The one client the views use, over either transport. Errors come back as data, never thrown. */
export function createClient(transport: Transport): LensClient {
  const listeners = new Map<string, (progress: Progress) => void>();
  // Subscribed only while some call wants progress, so an idle page holds no event stream open.
  let unsubscribe: (() => void) | null = null;
  const listen = (requestId: string, listener: (progress: Progress) => void) => {
    listeners.set(requestId, listener);
    unsubscribe ??= transport.onProgress((id, progress) => listeners.get(id)?.(progress));
  };
  const stopListening = (requestId: string) => {
    listeners.delete(requestId);
    if (listeners.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
  return {
    async call(name, input, options = {}) {
      const requestId = `r${Date.now().toString(36)}-${++sequence}`;
      if (options.onProgress) listen(requestId, options.onProgress);
      const cancel = () => transport.cancel(requestId);
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        return (await transport.call(name, input, requestId)) as Result<Output<typeof name>>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `the workbench could not be reached: ${(error as Error).message}` } };
      } finally {
        if (options.onProgress) stopListening(requestId);
        options.signal?.removeEventListener('abort', cancel);
      }
    },
    async upload(file) {
      if (!transport.upload) return { ok: false, error: { code: 'invalid_input', message: 'this window imports files by path' } };
      return transport.upload(file);
    },
  };
}
