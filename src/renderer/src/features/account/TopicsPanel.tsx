import type { AccountReport } from '../../../../shared/report';
import { EvidenceTable } from '../../ui/audit/EvidenceTable';
import { formatNumber } from '../../ui/format';
import { CaseKindTag, Term } from '../../ui/Term';

/** The account's topics by strength (from report.account), each with the flags it raised and the evidence behind it. */
export function TopicsPanel({ dataset, report }: { dataset: string; report: AccountReport | null }) {
  if (!report) return <p className="muted">Reading topics…</p>;
  const { topics, topicsNote } = report;
  if (!topics) return <p className="muted">{topicsNote}</p>;
  if (topics.topics.length === 0) return <p className="muted">No topic assigned to this account.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Topic</th>
          <th>
            <Term id="strength" />
          </th>
          <th>Posts</th>
          <th>Flags</th>
          <th>Evidence</th>
        </tr>
      </thead>
      <tbody>
        {topics.topics.map((t) => (
          <tr key={t.topic} data-testid="topic-row" data-topic={t.topic}>
            <td>{t.topic}</td>
            <td data-value={t.strength}>{formatNumber(t.strength)}</td>
            <td>{formatNumber(t.posts)}</td>
            <td>
              {t.flags.map((f) => (
                <CaseKindTag key={f} kind={f} />
              ))}
              {t.thin_evidence && (
                <span className="muted" title={t.thin_evidence} data-testid="thin-evidence">
                  {' '}
                  <Term id="thin_evidence" />
                </span>
              )}
              {t.flags.length === 0 && !t.thin_evidence && <span className="muted">–</span>}
            </td>
            <td>
              <details>
                <summary>{t.evidence.length} rows</summary>
                <EvidenceTable evidence={t.evidence} dataset={dataset} />
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
