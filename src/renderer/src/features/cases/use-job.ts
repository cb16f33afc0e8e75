import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiName } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/domain';
import { client, type Input, type Output, type Progress } from '../../api';

export interface JobState<T> {
  data: T | null;
  error: ApiError | null;
  progress: Progress | null;
  running: boolean;
}

/**
 * A long call started on demand, with its progress and a cancel. Unlike useCall it is not tied to an input, so a
 * view can rescore only when asked; a newer start supersedes (and cancels) the older one.
 */
export function useJob<N extends ApiName>(name: N) {
  const [state, setState] = useState<JobState<Output<N>>>({ data: null, error: null, progress: null, running: false });
  const current = useRef<AbortController | null>(null);
  const start = useCallback(
    async (input: Input<N>) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ data: null, error: null, progress: null, running: true });
      const result = await client.call(name, input, {
        signal: controller.signal,
        onProgress: (progress) => setState((s) => ({ ...s, progress })),
      });
      if (current.current !== controller) return;
      current.current = null;
      setState(result.ok ? { data: result.value, error: null, progress: null, running: false } : { data: null, error: result.error, progress: null, running: false });
    },
    [name],
  );
  const cancel = useCallback(() => current.current?.abort(), []);
  // Leaving the view cancels its job: nobody would see the answer.
  useEffect(() => () => current.current?.abort(), []);
  return { ...state, start, cancel };
}
