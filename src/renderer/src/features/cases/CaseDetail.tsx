import type { AuditCase } from '../../../../shared/audit';
import { ExportReportButton } from '../../ui/report/ExportReportButton';
import { AccountLink } from '../../ui/account-link';
import { BeforeAfterChart } from '../../ui/charts/BeforeAfterChart';
import { EvidenceTable } from '../../ui/audit/EvidenceTable';
import { formatNumber } from '../../ui/format';
import { CASE_KIND_TERMS } from '../../ui/glossary';
import { Term } from '../../ui/Term';

/** One case side by side: its evidence, and the first account's score with and without the case's interactions. */
export function CaseDetail({ item, cases, dataset }: { item: AuditCase; cases: AuditCase[]; dataset: string }) {
  const subject = item.accounts[0];
  // The report is about the case's subject, so it lists every case that names that account.
  const related = subject ? cases.filter((c) => c.accounts.some((a) => a.accountId === subject.accountId)) : [item];
  return (
    <div className="panel" data-panel="case-detail" data-testid="case-detail">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }} title={CASE_KIND_TERMS[item.kind].tip} data-kind={item.kind}>
          {CASE_KIND_TERMS[item.kind].name}
          {item.topic && <span className="muted"> · {item.topic}</span>}
        </h2>
        <ExportReportButton testId="export-case-report" request={subject ? { dataset, account: subject.accountId, cases: related, focus: item } : null} />
      </div>
      <p>
        Accounts:{' '}
        {item.accounts.map((a, i) => (
          <span key={a.accountId}>
            {i > 0 && ', '}
            <AccountLink account={a} dataset={dataset} />
          </span>
        ))}
        {item.strength !== null && (
          <span className="muted">
            {' '}
            · <Term id="strength" /> {formatNumber(item.strength)}
          </span>
        )}
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0,2fr) minmax(320px,1fr)', gap: 14 }}>
        <div data-panel="case-evidence">
          <h3>Evidence</h3>
          <EvidenceTable evidence={item.evidence} dataset={dataset} />
        </div>
        <div data-panel="case-whatif">
          <h3>Score with and without the case</h3>
          {item.whatif ? (
            <>
              <BeforeAfterChart
                before={{ score: item.whatif.before, rank: item.whatif.rank_before }}
                after={{ score: item.whatif.after, rank: item.whatif.rank_after }}
              />
              <p className="muted">
                {item.whatif.model}, {subject ? <AccountLink account={subject} dataset={dataset} /> : 'the subject'}, without the case's{' '}
                {item.whatif.interactions_removed} interactions.
              </p>
            </>
          ) : (
            <p className="muted">This case names no interactions to remove (a property of the account, not of its engagement).</p>
          )}
        </div>
      </div>
    </div>
  );
}
