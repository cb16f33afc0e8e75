import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import type { Removal } from '../../../../shared/runs';
import { client, type Progress } from '../../api';
import type { Standing } from '../../ui/charts/BeforeAfterChart';

export interface WhatIfResult {
  label: string;
  base: number;
  run: number;
  removed: number;
  before: Standing;
  after: Standing;
}

/**
 * Rescoring without some interactions, then the account's standing in the base run and in the new one. The
 * standings come from runs.explain rather than the what-if's list, which names only the accounts that moved most.
 */
export function useWhatIf(account: string) {
  const [state, setState] = useState<{ result: WhatIfResult | null; error: ApiError | null; progress: Progress | null; running: string | null }>({
    result: null,
    error: null,
    progress: null,
    running: null,
  });
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback(
    async (base: number, remove: Removal, label: string) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ result: null, error: null, progress: null, running: label });
      const fail = (error: ApiError) => current.current === controller && setState({ result: null, error, progress: null, running: null });
      const whatif = await client.call('runs.whatif', { run: base, remove, limit: 1 }, { signal: controller.signal, onProgress: (progress) => setState((s) => ({ ...s, progress })) });
      if (!whatif.ok) return fail(whatif.error);
      const run = whatif.value.run.run.id;
      const [before, after] = await Promise.all([client.call('runs.explain', { run: base, account, limit: 1 }), client.call('runs.explain', { run, account, limit: 1 })]);
      if (!before.ok) return fail(before.error);
      if (current.current !== controller) return;
      setState({
        result: {
          label,
          base,
          run,
          removed: whatif.value.interactions_removed,
          before: { score: before.value.score, rank: before.value.rank },
          // An account the removal leaves without interactions may drop out of the run: unscored, not an error.
          after: after.ok ? { score: after.value.score, rank: after.value.rank } : { score: null, rank: null },
        },
        error: null,
        progress: null,
        running: null,
      });
    },
    [account],
  );
  const cancel = useCallback(() => current.current?.abort(), []);
  return { ...state, start, cancel };
}
