import type { AuditCase } from '../../../../shared/audit';
import { AccountLink } from '../account-link';
import { formatNumber, formatShare } from '../format';

type Evidence = AuditCase['evidence'];

/** A duration in the largest unit that keeps it above 1: "3.2 h", "45 s". */
function duration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  const [size, unit] = units.find(([size]) => Math.abs(ms) >= size) ?? [1, 'ms'];
  return `${formatNumber(ms / size)} ${unit}`;
}

/**
 * An evidence value in the words its label calls for. Times travel as epoch milliseconds; a row whose label names
 * a time (or a window's start or end) shows a date; shares show as percentages, durations in their unit, and a
 * post's value as the strength it adds to the topic.
 */
export function evidenceValue(label: string, value: number | null): string {
  if (value === null) return '–';
  if (/time|start|end/i.test(label) && value > 1e11) return new Date(value).toISOString().replace('T', ' ').slice(0, 16);
  if (/\(ms\)/.test(label)) return duration(value);
  if (/\bshare\b/i.test(label)) return formatShare(value);
  if (/^(post naming|rejects)\b/.test(label)) return `+${formatNumber(value)} strength`;
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
          <th>Figure</th>
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
