import type { Explanation, RunSummary } from '../../../../shared/runs';
import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';
import { AccountLink, accountName } from '../../ui/account-link';
import { useRunLabel } from '../../ui/run-picker';
import { dataValue, formatNumber, formatShare } from '../../ui/format';
import { STAT_TERMS } from '../../ui/glossary';

/** How many of an explanation's contributions are shown: enough to see what drives the score, short enough to compare. */
const CONTRIBUTIONS = 5;

function ExplanationCard({ run, explanation }: { run: RunSummary; explanation: Explanation }) {
  const runLabel = useRunLabel();
  return (
    <div>
      <div className="muted">
        {runLabel(run)}: rank {explanation.rank ?? '–'}
      </div>
      <p style={{ margin: '4px 0' }}>{explanation.summary}</p>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {explanation.contributions.slice(0, CONTRIBUTIONS).map((contribution, i) => (
          <li key={i}>
            {contribution.account ? accountName(contribution.account) : contribution.label}
            {contribution.account && <span className="muted"> {contribution.label}</span>}
            {contribution.share !== null && <span> · {formatShare(contribution.share)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The accounts the two runs rank most differently (largest |ln(rank A / rank B)|), each with both models' own
 * explanation side by side, so a reader sees why one model rates the account and the other does not.
 */
export function Disagreements({ dataset, a, b }: { dataset: string; a: RunSummary; b: RunSummary }) {
  const runLabel = useRunLabel();
  const { data, error } = useCall('analysis.disagreements', { runs: [a.id, b.id], limit: 10 });
  const current = data?.a.id === a.id && data.b.id === b.id ? data : null;
  return (
    <section className="panel" data-panel="disagreements" aria-label="Biggest disagreements">
      <h2>
        Biggest disagreements: {runLabel(a)} vs {runLabel(b)}
      </h2>
      <ErrorNotice error={error} />
      {current && current.accounts.length === 0 && <p className="muted">The two runs rank every shared account alike.</p>}
      <ol data-testid="disagreement-list" style={{ paddingLeft: 20 }}>
        {current?.accounts.map((item) => (
          <li
            key={item.account.accountId}
            data-testid={`disagreement-${item.account.accountId}`}
            data-rank-a={item.rank_a}
            data-rank-b={item.rank_b}
            style={{ marginBottom: 14 }}
          >
            <div className="row">
              <strong>
                <AccountLink account={item.account} dataset={dataset} />
              </strong>
              <span>
                rank {item.rank_a} vs {item.rank_b}
              </span>
              <span className="muted" data-value={dataValue(item.log_rank_ratio)} title={STAT_TERMS.log_rank_ratio.tip}>
                one rank {formatNumber(Math.exp(item.log_rank_ratio))}× the other
              </span>
            </div>
            <div className="grid2" style={{ marginTop: 6 }}>
              <ExplanationCard run={a} explanation={item.explanation_a} />
              <ExplanationCard run={b} explanation={item.explanation_b} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
