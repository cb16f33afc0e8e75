import { useCallback, useEffect, useState } from 'react';
import { navigate } from '../../ui/routes';
import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';
import type { Account } from '../../ui/account-link';
import { downloadFile, fileSafe } from '../../ui/download';
import { EgoGraph } from './EgoGraph';
import { egoToGexf } from './gexf';
import { formatNumber } from '../../ui/format';

/** An account's neighborhood (depth 1 or 2, sampled down to a limit), drawn and exportable as GEXF. */
export function EgoPanel({ dataset, suggested }: { dataset: string; suggested: string }) {
  const [account, setAccount] = useState(suggested);
  const [depth, setDepth] = useState<1 | 2>(1);
  const [limit, setLimit] = useState(500);
  const [input, setInput] = useState<{ dataset: string; account: string; depth: 1 | 2; limit: number } | null>(null);
  useEffect(() => setAccount(suggested), [suggested]);
  const ego = useCall('analysis.ego', input);
  const open = useCallback((a: Account) => navigate('account', { dataset, account: a.accountId }), [dataset]);
  return (
    <div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (account.trim()) setInput({ dataset, account: account.trim(), depth, limit });
        }}
      >
        <label>
          Account <input value={account} onChange={(event) => setAccount(event.target.value)} placeholder="id or @handle" data-testid="ego-account" />
        </label>
        <label>
          Depth{' '}
          <select value={depth} onChange={(event) => setDepth(event.target.value === '2' ? 2 : 1)} data-testid="ego-depth">
            <option value={1}>1</option>
            <option value={2}>2</option>
          </select>
        </label>
        <label>
          Limit <input type="number" min={1} max={100000} value={limit} onChange={(event) => setLimit(Number(event.target.value) || 1)} style={{ width: 90 }} data-testid="ego-limit" />
        </label>
        <button type="submit" className="primary" data-testid="ego-show">
          Show network
        </button>
        <button
          type="button"
          data-testid="export-gexf"
          disabled={!ego.data}
          onClick={() => ego.data && input && downloadFile(`ego-${fileSafe(input.dataset)}-${fileSafe(input.account)}.gexf`, egoToGexf(ego.data, input.dataset), 'application/xml')}
        >
          Export GEXF
        </button>
      </form>
      <ErrorNotice error={ego.error} />
      {ego.loading && <p className="muted">Reading the network…</p>}
      {ego.data && (
        <>
          {ego.data.truncated && (
            <div className="notice info" data-testid="ego-sampling-notice">
              {ego.data.notice ?? 'The network was sampled down to the limit.'}
            </div>
          )}
          <p className="muted">
            {formatNumber(ego.data.nodes.length)} accounts, {formatNumber(ego.data.edges.length)} links · scroll or the buttons zoom, drag pans, click a node to see its neighbours.
          </p>
          <EgoGraph ego={ego.data} dataset={dataset} onOpen={open} />
        </>
      )}
    </div>
  );
}
