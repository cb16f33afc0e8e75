import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import type { RunSummary } from '../../../../shared/runs';
import { client } from '../../api';

/**
 * The dataset's runs of the whole data. What-if and windowed runs are variants of these (one per removal or
 * window), told apart only by their manifests; listed as cards they would bury the models the account was scored by.
 */
export function useBaseRuns(dataset: string) {
  const [state, setState] = useState<{ runs: RunSummary[] | null; variants: number; error: ApiError | null }>({ runs: null, variants: 0, error: null });
  useEffect(() => {
    let current = true;
    void (async () => {
      const list = await client.call('runs.list', { dataset });
      if (!list.ok) return current && setState({ runs: null, variants: 0, error: list.error });
      const details = await Promise.all(list.value.map((run) => client.call('runs.show', { run: run.id })));
      const base = list.value.filter((_, i) => {
        const detail = details[i];
        return !detail?.ok || (!detail.value.manifest.whatIf && !detail.value.manifest.window);
      });
      if (current) setState({ runs: base, variants: list.value.length - base.length, error: null });
    })();
    return () => {
      current = false;
    };
  }, [dataset]);
  return state;
}
