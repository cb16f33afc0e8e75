import type { AuditCase } from '../../../../shared/audit';
import { AccountLink } from '../../ui/account-link';
import { EvidenceTable } from '../../ui/audit/EvidenceTable';
import { CaseKindTag } from '../../ui/Term';

/** The interactions a case's what-if leaves out: those its evidence names. */
export const caseInteractions = (item: AuditCase): number[] =>
  item.evidence.flatMap((e) => (e.interaction_id === null ? [] : [e.interaction_id]));

/** The audit cases that name the account, each with its evidence and a rescoring without it. */
export function AccountCases({ cases, dataset, busy, onWhatIf }: { cases: AuditCase[]; dataset: string; busy: boolean; onWhatIf: (item: AuditCase) => void }) {
  if (cases.length === 0) return <p className="muted">No audit case names this account.</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {cases.map((item, i) => (
        <li key={i} data-testid="account-case" data-kind={item.kind} style={{ borderBottom: '1px solid #eceef2', padding: '6px 0' }}>
          <div className="row">
            <CaseKindTag kind={item.kind} />
            <span>
              {item.accounts.map((a, j) => (
                <span key={a.accountId}>
                  {j > 0 && ', '}
                  <AccountLink account={a} dataset={dataset} />
                </span>
              ))}
            </span>
            {item.topic && <span className="muted">topic {item.topic}</span>}
            <button type="button" data-testid="whatif-case" disabled={busy || caseInteractions(item).length === 0} onClick={() => onWhatIf(item)}>
              Without this case
            </button>
          </div>
          <details>
            <summary>{item.evidence.length} evidence rows</summary>
            <EvidenceTable evidence={item.evidence} dataset={dataset} />
          </details>
        </li>
      ))}
    </ul>
  );
}
