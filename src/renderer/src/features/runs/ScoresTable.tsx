import { useMemo } from 'react';
import { navigate } from '../../ui/routes';
import type { ScoreRow } from '../../../../shared/runs';
import { Table, type Column } from '../../ui/table';
import { useScorePages } from './use-score-pages';
import { formatNumber } from '../../ui/format';
import { Failure } from '../../ui/notices';

/** A run's scores, highest first, as `lens scores` lists them; each account opens the account view. */
export function ScoresTable({ run, dataset }: { run: number; dataset: string }) {
  const scores = useScorePages(run);
  const extra = scores.info?.columns.slice(1);
  const columns = useMemo<Column<ScoreRow>[]>(
    () => [
      { key: 'rank', header: 'Rank', width: '70px', align: 'right', render: (row) => row.rank ?? '—' },
      {
        key: 'account',
        header: 'Account',
        width: '2fr',
        render: (row) => (
          <a href="#/account" data-testid="account-link" onClick={(event) => { event.preventDefault(); navigate('account', { dataset, account: row.accountId, run }); }}>
            {row.handle ? `@${row.handle}` : row.accountId}
          </a>
        ),
      },
      { key: 'id', header: 'Account id', width: '1.5fr', render: (row) => <span className="muted">{row.accountId}</span> },
      { key: 'score', header: 'Score', width: '1fr', align: 'right', render: (row) => <span title={String(row.values[0] ?? '')}>{formatNumber(row.values[0])}</span> },
      ...(extra ?? []).map((name, i): Column<ScoreRow> => ({
        key: `extra-${name}`,
        header: name,
        width: '1fr',
        align: 'right',
        render: (row) => <span title={String(row.values[i + 1] ?? '')}>{formatNumber(row.values[i + 1])}</span>,
      })),
    ],
    [dataset, run, extra?.join(',')],
  );
  return (
    <>
      <Failure error={scores.error} />
      {scores.info && <p className="muted">{formatNumber(scores.info.total)} accounts, highest score first.</p>}
      {scores.info && (
        <Table label={`Scores of run ${run}`} testId="score-table" rowTestId="score-row" columns={columns} rowCount={scores.info.total}
          getRow={scores.getRow} rowKey={(row) => row.accountId} onRangeChange={scores.onRangeChange} height={480} />
      )}
    </>
  );
}
