import { useCallback, useRef, useState } from 'react';
import type { ApiName } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/domain';
import { client, type Input, type Output, type Progress } from '../../api';

/** A call the user starts and may cancel (an import, a run), with its progress, answer and error. */
export function useLongCall<N extends ApiName>(name: N) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<Output<N> | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (input: Input<N>): Promise<Output<N> | null> => {
      const current = new AbortController();
      controller.current = current;
      setRunning(true);
      setError(null);
      setResult(null);
      setProgress(null);
      const answer = await client.call(name, input, { onProgress: setProgress, signal: current.signal });
      // A call started after this one owns the state now.
      if (controller.current !== current) return null;
      setRunning(false);
      setProgress(null);
      if (answer.ok) setResult(answer.value);
      else setError(answer.error);
      return answer.ok ? answer.value : null;
    },
    [name],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { start, cancel, progress, running, error, result, setError };
}
