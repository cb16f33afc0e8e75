import { useEffect, useState } from 'react';
import type { DistributionOutput } from '../../../../shared/analysis';
import type { ApiError } from '../../../../shared/domain';
import { cachedRead } from '../../ui/call-cache';

/** Enough bins to show a heavy tail's shape, few enough that a bin of a thousand accounts is not all noise. */
const BINS = 50;

/**
 * analysis.distribution for each run (one call per run, together), in the order the runs are given. Through the
 * read cache: a run's distribution is fixed by the run, so runs shown before come back without a call.
 */
export function useDistributions(runs: number[]) {
  const [state, setState] = useState<{ key: string; data: DistributionOutput[] | null; error: ApiError | null }>({
    key: '',
    data: null,
    error: null,
  });
  const key = runs.join(',');
  useEffect(() => {
    if (runs.length === 0) return;
    const controller = new AbortController();
    void Promise.all(runs.map((run) => cachedRead('analysis.distribution', { run, bins: BINS }, controller.signal, false))).then((results) => {
      if (controller.signal.aborted) return;
      const failed = results.find((result) => !result.ok);
      setState(
        failed && !failed.ok
          ? { key, data: null, error: failed.error }
          : { key, data: results.flatMap((result) => (result.ok ? [result.value] : [])), error: null },
      );
    });
    return () => controller.abort();
    // The runs are compared by value (key): a new array of the same ids does not call again.
  }, [key]);
  // An answer for other runs than the ones asked about now is stale; say so by returning nothing yet.
  const fresh = state.key === key;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, loading: runs.length > 0 && !fresh };
}
