import { withFidelity } from '../../../../shared/models/fidelity';
import type { AccountReportRun } from '../../../../shared/report';
import { AccountLink } from '../../ui/account-link';

const num = (v: number | null) => (v === null ? '–' : Number.isInteger(v) ? String(v) : v.toPrecision(4));

/** Contributions a card lists; the report lists all report.account gives (10). */
const CARD_CONTRIBUTIONS = 5;

function RunCard({ entry, dataset }: { entry: AccountReportRun; dataset: string }) {
  const { run, explanation: e, note } = entry;
  return (
    <div className="panel" data-testid={`run-card-${run.id}`} data-score={e?.score ?? ''} data-rank={e?.rank ?? ''} style={{ marginBottom: 0 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong>
          {withFidelity(run.model, run.fidelity ?? undefined)} <span className="muted">v{run.version} · run {run.id}</span>
        </strong>
        {e && (
          <span>
            score <b>{num(e.score)}</b> · rank <b>{e.rank ?? '–'}</b>
            <span className="muted"> / {run.accountsScored}</span>
          </span>
        )}
      </div>
      {run.params && Object.keys(run.params).length > 0 && <div className="muted" style={{ overflowWrap: 'anywhere', fontSize: 12 }}>{JSON.stringify(run.params)}</div>}
      {note && <p className="muted">{note}</p>}
      {e && (
        <>
          <p>{e.summary}</p>
          <table>
            <tbody>
              {e.factors.map((f) => (
                <tr key={f.label} title={f.note}>
                  <td>{f.label}</td>
                  <td>{typeof f.value === 'number' ? num(f.value) : f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4 style={{ margin: '10px 0 4px' }}>Top contributions</h4>
          <table>
            <tbody>
              {e.contributions.slice(0, CARD_CONTRIBUTIONS).map((c, i) => (
                <tr key={i}>
                  <td>{c.account ? <AccountLink account={c.account} dataset={dataset} /> : c.label}</td>
                  <td className="muted">{c.kind ?? (c.account ? c.label : '')}</td>
                  <td>{num(c.value)}</td>
                  <td className="muted">{c.share === null ? '' : `${(c.share * 100).toFixed(1)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** Every base run of the dataset, side by side, with this account's score, rank and explanation in each. */
export function RunCards({ runs, dataset }: { runs: AccountReportRun[]; dataset: string }) {
  if (runs.length === 0) return <p className="muted">No runs of this dataset yet: score it in Models &amp; runs.</p>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 14 }}>
      {runs.map((entry) => (
        <RunCard key={entry.run.id} entry={entry} dataset={dataset} />
      ))}
    </div>
  );
}
