import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiName } from '../../../shared/api';
import type { ApiError } from '../../../shared/domain';
import { client, type Input, type Output, type Progress } from '../api';
import { cachedRead, callKey, finished, keptAnswer } from './call-cache';

/**
 * The page's one way to call the services, in two forms over the same cache (ui/call-cache.ts) and the same guards:
 * useCall reads whenever its input changes, useJob runs when started (an import, a score) with progress and a
 * cancel. Both cancel what they started when the component leaves, and drop an answer that arrives for an input
 * or a start that is no longer the current one.
 */

export interface CallState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Reads when the input changes (null input: not yet), keeping the last answer on screen while a new one loads. */
export function useCall<N extends ApiName>(name: N, input: Input<N> | null): CallState<Output<N>> {
  const [state, setState] = useState<{ data: Output<N> | null; error: ApiError | null; loading: boolean }>(() => ({
    data: input === null ? null : keptAnswer(name, input),
    error: null,
    loading: input !== null,
  }));
  const [generation, setGeneration] = useState(0);
  const fresh = useRef(false);
  // The input is compared by value (key), so a new object with the same content does not call again.
  const key = input === null ? null : callKey(name, input);
  useEffect(() => {
    if (input === null) return;
    const controller = new AbortController();
    const kept = keptAnswer(name, input);
    setState((previous) => ({ data: kept ?? previous.data, error: kept ? null : previous.error, loading: true }));
    void cachedRead(name, input, controller.signal, fresh.current).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: null, error: result.error, loading: false });
    });
    fresh.current = false;
    return () => controller.abort();
  }, [key, generation]);
  const reload = useCallback(() => {
    fresh.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return { ...state, reload };
}

export interface JobState<T> {
  data: T | null;
  error: ApiError | null;
  progress: Progress | null;
  running: boolean;
}

const IDLE = { data: null, error: null, progress: null, running: false };

/**
 * A call started on demand, with its progress and a cancel; a newer start supersedes (and cancels) the older one.
 * `start` resolves to the answer, or null when it failed or was superseded. A call that may write drops the read
 * cache when it ends, so no view shows a list from before it.
 */
export function useJob<N extends ApiName>(name: N) {
  const [state, setState] = useState<JobState<Output<N>>>(IDLE);
  const current = useRef<AbortController | null>(null);
  const start = useCallback(
    async (input: Input<N>): Promise<Output<N> | null> => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ ...IDLE, running: true });
      const result = await client.call(name, input, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (current.current === controller) setState((s) => ({ ...s, progress }));
        },
      });
      finished(name);
      if (current.current !== controller) return null;
      current.current = null;
      setState(result.ok ? { ...IDLE, data: result.value } : { ...IDLE, error: result.error });
      return result.ok ? result.value : null;
    },
    [name],
  );
  const cancel = useCallback(() => current.current?.abort(), []);
  /** Clears the last answer and error (a new form is being filled in). */
  const reset = useCallback(() => setState((s) => (s.running ? s : IDLE)), []);
  // Leaving the view cancels its job: nobody would see the answer.
  useEffect(() => () => current.current?.abort(), []);
  return { ...state, start, cancel, reset };
}
