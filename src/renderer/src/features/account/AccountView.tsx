import { useCallback, useEffect, useMemo, useState } from 'react';
import { namesAccount } from '../../../../shared/report';
import { AuditRunBar } from '../../ui/audit/AuditRunBar';
import { useAuditRun } from '../../ui/audit/use-audit-run';
import { caseKindName } from '../../ui/glossary';
import { ErrorNotice } from '../../ui/notices';
import { DatasetPicker } from '../../ui/pickers';
import { navigate, type ViewProps } from '../../ui/routes';
import { useCall, useJob } from '../../ui/use-call';
import { ExportReportButton } from '../../ui/report/ExportReportButton';
import { AccountCases, caseInteractions } from './AccountCases';
import { AccountHeader } from './AccountHeader';
import { useDefaultAccount } from './use-default-account';
import { RunCards } from './RunCards';
import { TopicsPanel } from './TopicsPanel';
import { useWhatIf } from './use-whatif';
import { WhatIfPanel } from './WhatIfPanel';
import { WindowsPanel } from './WindowsPanel';

/** Everything about one account in one dataset: its standing in each run, its topics, its cases, over time. */
export function AccountView({ params }: ViewProps) {
  const dataset = params.get('dataset') ?? '';
  const account = params.get('account') ?? '';
  const [draft, setDraft] = useState(account);
  useEffect(() => setDraft(account), [account]);
  // An account named before any dataset was chosen is kept; on a switch between datasets it is not (it is rarely in
  // the other one), and the new dataset's last-used or top account is shown instead.
  const setDataset = useCallback(
    (name: string, how?: 'auto') => navigate('account', { dataset: name, account: (!dataset && account) || undefined }, { replace: how === 'auto' }),
    [dataset, account],
  );
  useDefaultAccount(dataset, account);

  return (
    <div>
      <h1>Account</h1>
      <form
        className="panel row" data-panel="account-picker"
        onSubmit={(event) => {
          event.preventDefault();
          navigate('account', { dataset, account: draft.trim() || undefined });
        }}
      >
        <DatasetPicker value={dataset} onChange={setDataset} />
        <label>
          Account <input value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="id or @handle" data-testid="account-input" />
        </label>
        <button type="submit" className="primary">
          Show
        </button>
      </form>
      {dataset && account ? (
        <AccountPage dataset={dataset} account={account} />
      ) : (
        <p className="muted">Name an account by its platform id or @handle.</p>
      )}
    </div>
  );
}

/**
 * Who the account is, then everything about it. An account the dataset does not hold gets one notice, not one
 * error per run card, topic panel and case list (as after switching to a dataset without it).
 */
function AccountPage({ dataset, account }: { dataset: string; account: string }) {
  const profile = useCall('accounts.show', { dataset, account });
  if (profile.error?.code === 'not_found') {
    return (
      <div className="notice" role="status" data-testid="account-not-found">
        No account {account} in {dataset}. Check the spelling (a platform id, or a handle with or without @), or choose the dataset it is in.
      </div>
    );
  }
  return (
    <>
      <AccountHeader dataset={dataset} account={account} />
      <AccountDetail key={`${dataset}/${account}`} dataset={dataset} account={account} />
    </>
  );
}

function AccountDetail({ dataset, account }: { dataset: string; account: string }) {
  // One call for the cards, the topics and the report: report.account explains every run in the engine's job pool.
  const report = useCall('report.account', { dataset, account, limit: 10 });
  const baseRuns = useMemo(() => (report.data?.runs ?? []).filter((entry) => entry.run.kind === 'base'), [report.data]);
  const scored = useMemo(() => baseRuns.map((entry) => entry.run), [baseRuns]);
  // What-if and windowed runs are variants of the base runs (one per removal or window); as cards they would bury
  // the models the account was scored by.
  const variants = report.data ? report.data.runs.length - baseRuns.length + report.data.windowRuns : 0;
  // The dataset's latest stored audit, at once; recomputed only on demand.
  const audit = useAuditRun(dataset);
  const cases = useMemo(() => (audit.run?.cases ?? []).filter((c) => c.accounts.some((a) => namesAccount(a, account))), [audit.run, account]);
  const whatif = useWhatIf(account);
  const [base, setBase] = useState<number | null>(null);
  const baseRun = base ?? scored.find((r) => r.model === 'kred')?.id ?? scored[0]?.id ?? null;
  const windows = useJob('analysis.windows');
  const [windowModel, setWindowModel] = useState('kred');

  return (
    <>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <ExportReportButton
          testId="export-account-report"
          request={audit.job.running ? null : { dataset, account, cases, windows: windows.data ? { model: windowModel, output: windows.data } : undefined }}
        />
      </div>
      <h2>Runs</h2>
      <ErrorNotice error={report.error} />
      {report.loading && !report.data && <p className="muted">Explaining…</p>}
      {report.data && <RunCards runs={baseRuns} dataset={dataset} />}
      {variants > 0 && <p className="muted">{variants} what-if and windowed runs of this dataset are not shown.</p>}
      <h2>What if</h2>
      <div className="panel" data-panel="account-whatif">
        <WhatIfPanel runs={scored} base={baseRun} onBase={setBase} whatif={whatif} />
      </div>
      <h2>Topics</h2>
      <div className="panel" data-panel="account-topics">
        <TopicsPanel dataset={dataset} report={report.data} />
      </div>
      <h2>Audit cases</h2>
      <div className="panel" data-panel="account-cases">
        <AuditRunBar audit={audit} onRecompute={() => audit.recompute(audit.run?.manifest.whatIf.model ?? 'kred')} />
        {audit.run && (
          <AccountCases
            cases={cases}
            dataset={dataset}
            busy={whatif.running !== null || baseRun === null}
            onWhatIf={(item) => baseRun !== null && void whatif.start(baseRun, { interactions: caseInteractions(item) }, `without the case "${caseKindName(item.kind)}"`)}
          />
        )}
      </div>
      <h2>Score over time</h2>
      <div className="panel" data-panel="account-windows">
        <WindowsPanel dataset={dataset} account={account} job={windows} model={windowModel} onModel={setWindowModel} />
      </div>
    </>
  );
}
