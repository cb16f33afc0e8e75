import { useCallback, useEffect, useState } from 'react';
import type { ApiName } from '../../../shared/api';
import type { ApiError } from '../../../shared/domain';
import { client, type Input, type Output } from '../api';

export interface CallState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Calls the API when the input changes (null input: not yet), keeping the last answer while a new one loads. */
export function useCall<N extends ApiName>(name: N, input: Input<N> | null): CallState<Output<N>> {
  const [state, setState] = useState<{ data: Output<N> | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: input !== null });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (input === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    void client.call(name, input).then((result) => {
      if (!current) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: null, error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
    // The input is compared by value (key), so a new object with the same content does not call again.
  }, [name, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
