import { useEffect, useMemo } from 'react';
import { lastAccount, rememberAccount } from '../../ui/last-used';
import { navigate } from '../../ui/routes';
import { useCall } from '../../ui/use-call';

/**
 * The account page never opens blank: with a dataset and no account it shows the account last looked at in that
 * dataset, else the top account of the dataset's latest base run (what a reader scoring it would look at first).
 * The choice replaces the blank page in the history, so Back does not bounce. Every account shown is remembered.
 */
export function useDefaultAccount(dataset: string, account: string): void {
  const remembered = dataset && !account ? lastAccount(dataset) : null;
  const runs = useCall('runs.list', dataset && !account && !remembered ? { dataset } : null);
  const latest = useMemo(() => (runs.data ?? []).filter((run) => run.kind === 'base').at(-1) ?? null, [runs.data]);
  const top = useCall('runs.scores', latest && !account ? { run: latest.id, limit: 1 } : null);
  const fallback = latest && top.data?.run === latest.id ? (top.data.rows[0]?.accountId ?? null) : null;
  const chosen = remembered ?? fallback;
  useEffect(() => {
    if (dataset && !account && chosen) navigate('account', { dataset, account: chosen }, { replace: true });
  }, [dataset, account, chosen]);
  useEffect(() => {
    if (dataset && account) rememberAccount(dataset, account);
  }, [dataset, account]);
}
