import { useEffect } from 'react';
import type { OverviewOutput } from '../../../../shared/overview';
import { accountName } from '../../ui/account-link';
import { formatNumber } from '../../ui/format';
import { STAT_TERMS } from '../../ui/glossary';
import { ErrorNotice, ProgressBar, WAITING } from '../../ui/notices';
import { navigate } from '../../ui/routes';
import { useRunLabel } from '../../ui/run-picker';
import { RunWarnings } from '../../ui/RunWarnings';
import { CaseKindTag, Term } from '../../ui/Term';
import { useCall, useJob } from '../../ui/use-call';

type StrongCase = OverviewOutput['strongest'][number];

/** "rank 3 → 41 without it", or the topic strength where the case has no interactions to remove. */
function caseEffect({ case: item }: StrongCase): string {
  const w = item.whatif;
  if (w && w.rank_before !== null && w.rank_after !== null) return `rank ${formatNumber(w.rank_before)} → ${formatNumber(w.rank_after)} without it (${w.model})`;
  if (item.strength !== null) return `${STAT_TERMS.strength.name.toLowerCase()} ${formatNumber(item.strength)}`;
  return '';
}

/** The strongest cases of the latest stored audit, one click each into the Cases view; a button when there is none. */
function StrongestCases({ dataset, overview, onAudited }: { dataset: string; overview: OverviewOutput; onAudited: () => void }) {
  const audit = useJob('audit.cases');
  const done = audit.data !== null;
  useEffect(() => {
    if (done) onAudited();
  }, [done, onAudited]);
  return (
    <section className="panel" data-panel="start-cases" aria-label="Strongest cases" data-testid="start-cases">
      <h2 style={{ marginTop: 0 }}>Strongest audit cases</h2>
      {overview.audit === null ? (
        <>
          <p className="muted">This dataset has not been audited yet. The audit looks for rings, bursts, jumps and misattributed topics (a minute or less on the demo data).</p>
          <button type="button" className="primary" data-testid="start-run-audit" disabled={audit.running} onClick={() => void audit.start({ dataset })}>
            Run the audit
          </button>
          <ProgressBar progress={audit.running ? (audit.progress ?? WAITING) : null} onCancel={audit.cancel} />
          <ErrorNotice error={audit.error} />
        </>
      ) : overview.strongest.length === 0 ? (
        <p className="muted" data-testid="start-no-cases">
          The latest audit (run {overview.audit.run}) found no case in this dataset.
        </p>
      ) : (
        <>
          <p className="muted">
            From audit run {overview.audit.run} ({formatNumber(overview.audit.cases)} cases), those whose removal moves their account furthest.
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {overview.strongest.map((entry) => (
              <li key={entry.index}>
                <button
                  type="button"
                  data-testid="start-case"
                  data-kind={entry.case.kind}
                  data-case={entry.index}
                  onClick={() => navigate('cases', { dataset, case: entry.index })}
                  style={{ width: '100%', textAlign: 'left', margin: '2px 0' }}
                >
                  <CaseKindTag kind={entry.case.kind} /> {entry.case.accounts.slice(0, 3).map(accountName).join(', ')}
                  {entry.case.accounts.length > 3 && ` +${entry.case.accounts.length - 3}`}
                  {entry.case.topic && <span className="muted"> · {entry.case.topic}</span>}
                  <span className="muted"> · {caseEffect(entry)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The pairs of models whose latest runs rank the accounts least alike, one click each into Compare. */
function DisagreeingModels({ dataset, overview }: { dataset: string; overview: OverviewOutput }) {
  const runLabel = useRunLabel();
  return (
    <section className="panel" data-panel="start-pairs" aria-label="Models that disagree most" data-testid="start-pairs">
      <h2 style={{ marginTop: 0 }}>Models that disagree most</h2>
      {overview.disagreements.length === 0 ? (
        <p className="muted">
          {overview.latestRuns.length === 1 ? 'Only one model has scored this dataset.' : 'No model has scored this dataset yet.'} Score two or more
          to see where they part.{' '}
          <a href="#/runs" data-testid="start-score" onClick={(event) => {
              event.preventDefault();
              navigate('runs', { dataset });
            }}>
            Models &amp; runs
          </a>
        </p>
      ) : (
        <>
          <p className="muted">
            The latest run of each model, paired; lowest <Term id="spearman" /> first.
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {overview.disagreements.map((pair) => (
              <li key={`${pair.a.id}-${pair.b.id}`}>
                <button
                  type="button"
                  data-testid="start-pair"
                  data-runs={`${pair.a.id},${pair.b.id}`}
                  data-spearman={pair.spearman ?? ''}
                  onClick={() => navigate('compare', { dataset, runs: `${pair.a.id},${pair.b.id}` })}
                  style={{ width: '100%', textAlign: 'left', margin: '2px 0' }}
                >
                  {runLabel(pair.a)} <RunWarnings warnings={pair.a.warnings} compact /> <span className="muted">vs</span> {runLabel(pair.b)}{' '}
                  <RunWarnings warnings={pair.b.warnings} compact />
                  <span className="muted" title={pair.spearman === null ? STAT_TERMS.na.tip : STAT_TERMS.spearman.tip}>
                    {' '}
                    · rank agreement {formatNumber(pair.spearman)} over {formatNumber(pair.n)} accounts
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** What to look at first in one dataset: its strongest cases and its most divergent models. */
export function Suggestions({ dataset }: { dataset: string }) {
  const overview = useCall('overview.dataset', { dataset, cases: 6, pairs: 5 });
  const { reload } = overview;
  const current = overview.data?.dataset === dataset ? overview.data : null;
  return (
    <>
      <ErrorNotice error={overview.error} />
      {!current && !overview.error && <p className="muted">Reading what is stored for {dataset}…</p>}
      {current && (
        <div className="grid2" style={{ alignItems: 'start' }}>
          <StrongestCases dataset={dataset} overview={current} onAudited={reload} />
          <DisagreeingModels dataset={dataset} overview={current} />
        </div>
      )}
    </>
  );
}
