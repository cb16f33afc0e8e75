import { useState } from 'react';
import type { RunSummary, ScoresOutput } from '../../../../shared/runs';
import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';
import { AccountLink } from '../../ui/account-link';
import { useRunLabel } from '../../ui/run-picker';
import { formatNumber } from '../../ui/format';
import { RunSwatch } from '../../ui/RunSwatch';
import { RunWarnings } from '../../ui/RunWarnings';

const KS = [10, 25, 50, 100];
const MOVED = { background: '#fff1d6' };

/**
 * One run's top k with each account's rank in the other run. An account is highlighted as having moved a lot when
 * the other run does not put it in its own top k: those are the accounts behind a Jaccard@k below 1.
 */
function TopList({ dataset, run, other, scores, otherRanks, k, side }: {
  dataset: string;
  run: RunSummary;
  other: RunSummary;
  scores: ScoresOutput;
  otherRanks: Map<string, number> | null;
  k: number;
  side: 'a' | 'b';
}) {
  const runLabel = useRunLabel();
  // One row past k is fetched to see whether the cut falls inside a tie: then which tied accounts are listed is
  // arbitrary (storage order), and the list says so instead of pretending the top k is settled.
  const rows = scores.rows.slice(0, k);
  const last = rows[rows.length - 1];
  const next = scores.rows[k];
  const cutsTie = last !== undefined && next !== undefined && last.values[0] === next.values[0];
  return (
    <table data-testid={`topk-${side}`} data-cuts-tie={cutsTie}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>
        <RunSwatch runId={run.id} />
        {runLabel(run)} <RunWarnings warnings={run.warnings} compact />
        {cutsTie && (
          <div className="muted" data-testid={`topk-${side}-tie`} style={{ fontWeight: 400 }}>
            The top {k} cuts through a tie at {formatNumber(last.values[0] ?? null)}: more accounts share that score (and rank {last.rank}), so
            which of them appear here is arbitrary; Jaccard@{k} above takes the whole tie group.
          </div>
        )}
      </caption>
      <thead>
        <tr>
          <th>Rank</th>
          <th>Account</th>
          <th>{scores.columns[0] ?? 'score'}</th>
          <th>Rank in {runLabel(other)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const otherRank = otherRanks?.get(row.accountId) ?? null;
          const moved = otherRanks !== null && (otherRank === null || otherRank > k);
          return (
            <tr key={row.accountId} data-testid={`topk-${side}-${row.accountId}`} data-moved={moved} style={moved ? MOVED : undefined}>
              <td>{row.rank ?? '–'}</td>
              <td>
                <AccountLink account={row} dataset={dataset} />
              </td>
              <td title={String(row.values[0] ?? '')}>{formatNumber(row.values[0] ?? null)}</td>
              <td data-value={otherRank ?? ''}>{otherRanks === null ? '…' : (otherRank ?? 'not ranked')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TopKLists({ dataset, a, b, ranks }: {
  dataset: string;
  a: RunSummary;
  b: RunSummary;
  /** Every account's rank in each run; null while those load. */
  ranks: { ranksA: Map<string, number>; ranksB: Map<string, number> } | null;
}) {
  const [k, setK] = useState(10);
  const first = useCall('runs.scores', { run: a.id, limit: k + 1 });
  const second = useCall('runs.scores', { run: b.id, limit: k + 1 });
  return (
    <section className="panel" data-panel="top-k" aria-label="Top accounts">
      <div className="row">
        <h2 style={{ flex: 1 }}>Top {k} of each run</h2>
        <span className="muted">
          <span className="tag" style={MOVED}>highlighted</span> not in the other run&apos;s top {k}
        </span>
        <label>
          k{' '}
          <select data-testid="topk-k" value={k} onChange={(event) => setK(Number(event.target.value))}>
            {KS.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={first.error ?? second.error} />
      <div className="grid2">
        {first.data?.run === a.id && <TopList dataset={dataset} run={a} other={b} scores={first.data} otherRanks={ranks?.ranksB ?? null} k={k} side="a" />}
        {second.data?.run === b.id && <TopList dataset={dataset} run={b} other={a} scores={second.data} otherRanks={ranks?.ranksA ?? null} k={k} side="b" />}
      </div>
    </section>
  );
}
