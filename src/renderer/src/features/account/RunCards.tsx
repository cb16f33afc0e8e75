import { withFidelity } from '../../../../shared/models/fidelity';
import type { AccountReportRun } from '../../../../shared/report';
import { AccountLink } from '../../ui/account-link';
import { formatNumber, formatNumberOrDash, formatShare } from '../../ui/format';
import { paramWords } from '../../ui/run-label';
import { useRunLabel } from '../../ui/run-picker';
import { RunSwatch } from '../../ui/RunSwatch';
import { RunWarnings } from '../../ui/RunWarnings';
import { Term } from '../../ui/Term';


/** Contributions a card lists; the report lists all report.account gives (10). */
const CARD_CONTRIBUTIONS = 5;

function RunCard({ entry, dataset }: { entry: AccountReportRun; dataset: string }) {
  const { run, explanation: e, note } = entry;
  const runLabel = useRunLabel();
  return (
    <div className="panel" data-panel={`run-card-${run.id}`} data-testid={`run-card-${run.id}`} data-score={e?.score ?? ''} data-rank={e?.rank ?? ''} style={{ marginBottom: 0 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong title={`${paramWords(run.params).join(', ') || 'no parameters'}; seed ${run.seed}`}>
          <RunSwatch runId={run.id} />
          {runLabel(run)} <span className="muted">{withFidelity(`v${run.version}`, run.fidelity ?? undefined)}</span>
        </strong>
        {e && (
          <span>
            <Term id="score" short="score" /> <b>{formatNumberOrDash(e.score)}</b> · <Term id="rank" short="rank" /> <b>{formatNumberOrDash(e.rank)}</b>
            <span className="muted"> of {formatNumber(run.accountsScored)}</span>
          </span>
        )}
      </div>
      <RunWarnings warnings={run.warnings} compact />
      {note && <p className="muted">{note}</p>}
      {e && (
        <>
          <p>{e.summary}</p>
          <table>
            <tbody>
              {e.factors.map((f) => (
                <tr key={f.label} title={f.note}>
                  <td>{f.label}</td>
                  <td>{typeof f.value === 'number' ? formatNumberOrDash(f.value) : f.value}</td>
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
                  <td>{formatNumberOrDash(c.value)}</td>
                  <td className="muted">{c.share === null ? '' : formatShare(c.share)}</td>
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
