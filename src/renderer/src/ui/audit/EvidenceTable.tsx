import type { AuditCase } from '../../../../shared/audit';
import { AccountLink } from '../account-link';
import { formatNumber } from '../format';

type Evidence = AuditCase['evidence'];

/** Times travel as epoch milliseconds; a row whose label names a time (or a window's start or end) shows a date. */
export function evidenceValue(label: string, value: number | null): string {
  if (value === null) return '–';
  if (/time|start|end/i.test(label) && value > 1e11) return new Date(value).toISOString().replace('T', ' ').slice(0, 16);
  return formatNumber(value);
}

/** The rows that let a reader check a case or topic: what each counts, the account, and the post's own words. */
export function EvidenceTable({ evidence, dataset }: { evidence: Evidence; dataset: string }) {
  if (evidence.length === 0) return <p className="muted">No evidence rows.</p>;
  return (
    <table data-testid="evidence-table">
      <thead>
        <tr>
          <th>Evidence</th>
          <th>Value</th>
          <th>Account</th>
          <th>Post text</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((item, i) => (
          <tr key={i}>
            <td>{item.label}</td>
            <td style={{ whiteSpace: 'nowrap' }}>{evidenceValue(item.label, item.value)}</td>
            <td>{item.account ? <AccountLink account={item.account} dataset={dataset} /> : '–'}</td>
            <td className="muted">{item.text ?? (item.post_id ? `post ${item.post_id}` : '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
