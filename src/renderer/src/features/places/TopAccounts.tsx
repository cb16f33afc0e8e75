import { useMemo, useState } from 'react';
import { navigate } from '../../ui/routes';
import type { Output } from '../../api';
import { Table, useSortedRows, type Column } from '../../ui/table';
import { useCall } from '../../ui/use-call';
import { formatNumber } from '../../ui/format';
import { CaseKindTag, Term } from '../../ui/Term';
import { Failure } from '../../ui/notices';

/** The service's order is the ranking; it is kept as a column so sorting by another column does not lose it. */
type TopAccount = Output<'audit.top'>['accounts'][number] & { rank: number };

const columns = (dataset: string): Column<TopAccount>[] => [
  { key: 'rank', header: 'Rank', width: '60px', align: 'right', sortValue: (row) => row.rank, render: (row) => row.rank },
  {
    key: 'account',
    header: 'Account',
    width: '2fr',
    sortValue: (row) => row.handle ?? row.accountId,
    render: (row) => (
      <a href="#/account" data-testid="account-link" onClick={(event) => { event.preventDefault(); navigate('account', { dataset, account: row.accountId }); }}>
        {row.handle ? `@${row.handle}` : row.accountId}
      </a>
    ),
  },
  { key: 'strength', header: <Term id="strength" />, width: '1fr', align: 'right', sortValue: (row) => row.strength, render: (row) => formatNumber(row.strength) },
  { key: 'posts', header: 'Posts', width: '1fr', align: 'right', sortValue: (row) => row.posts, render: (row) => formatNumber(row.posts) },
  { key: 'place', header: 'Place', width: '2fr', sortValue: (row) => row.place, render: (row) => row.place ?? '—' },
  { key: 'flags', header: 'Flags', width: '3fr', render: (row) => row.flags.map((flag) => <CaseKindTag key={flag} kind={flag} />) },
];

/** `lens top`: the accounts strongest in a topic, optionally within a place; the query lives in the address. */
export function TopAccounts({ dataset, params, places }: { dataset: string; params: URLSearchParams; places: string[] }) {
  const topic = params.get('topic') ?? '';
  const place = params.get('place') ?? '';
  const limit = Number(params.get('limit') ?? 20);
  const [form, setForm] = useState({ topic, place, limit });
  const hashtags = useCall('datasets.show', { name: dataset });
  const top = useCall('audit.top', topic ? { dataset, topic, place: place || undefined, limit } : null);
  return (
    <div className="panel" data-panel="top-accounts">
      <h2 style={{ marginTop: 0 }}>Top accounts for a topic</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          navigate('places', { dataset, topic: form.topic.trim() || undefined, place: form.place.trim() || undefined, limit: form.limit });
        }}
      >
        <label>
          Topic <input data-testid="top-topic" list="top-topics" required value={form.topic} onChange={(event) => setForm({ ...form, topic: event.target.value })} />
        </label>
        <datalist id="top-topics">
          {hashtags.data?.topHashtags.map((tag) => <option key={tag.tag} value={tag.tag} />)}
        </datalist>
        <label>
          Place <input data-testid="top-place" list="top-places" placeholder="anywhere" value={form.place} onChange={(event) => setForm({ ...form, place: event.target.value })} />
        </label>
        <datalist id="top-places">
          {places.map((name) => <option key={name} value={name} />)}
        </datalist>
        <label>
          Limit <input type="number" min={1} max={10000} style={{ width: 80 }} value={form.limit} onChange={(event) => setForm({ ...form, limit: Number(event.target.value) })} />
        </label>
        <button type="submit" className="primary" data-testid="top-button">
          Show
        </button>
      </form>
      <Failure error={top.error} />
      {top.data && <TopTable dataset={dataset} output={top.data} />}
    </div>
  );
}

function TopTable({ dataset, output }: { dataset: string; output: Output<'audit.top'> }) {
  const [tableColumns] = useState(() => columns(dataset));
  const ranked = useMemo(() => output.accounts.map((account, index) => ({ ...account, rank: index + 1 })), [output]);
  const sorted = useSortedRows(ranked, tableColumns);
  const where = output.place ? ` in ${output.place.label}` : '';
  if (output.accounts.length === 0) return <p className="muted">No account posts about “{output.topic}”{where}.</p>;
  return (
    <>
      <p className="muted">
        {output.accounts.length} accounts strongest in “{output.topic}”{where}.
      </p>
      <Table label="Top accounts" testId="top-table" rowTestId="top-row" columns={tableColumns} rowCount={sorted.rows.length} getRow={(index) => sorted.rows[index]} rowKey={(row) => row.accountId} sort={sorted.sort} onSort={sorted.onSort} />
    </>
  );
}
