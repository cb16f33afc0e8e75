import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';
import { EvidenceTable } from '../cases/EvidenceTable';

/** The account's topics by strength, each with the misattribution flags it raised and the evidence behind it. */
export function TopicsPanel({ dataset, account }: { dataset: string; account: string }) {
  const topics = useCall('audit.topics', { dataset, account });
  if (topics.error) return <ErrorNotice error={topics.error} />;
  if (!topics.data) return <p className="muted">Reading topics…</p>;
  if (topics.data.topics.length === 0) return <p className="muted">No topic assigned to this account.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Topic</th>
          <th>Strength</th>
          <th>Posts</th>
          <th>Flags</th>
          <th>Evidence</th>
        </tr>
      </thead>
      <tbody>
        {topics.data.topics.map((t) => (
          <tr key={t.topic} data-testid="topic-row" data-topic={t.topic}>
            <td>{t.topic}</td>
            <td>{t.strength.toFixed(1)}</td>
            <td>{t.posts}</td>
            <td>{t.flags.length ? t.flags.map((f) => <span className="tag" key={f}>{f}</span>) : <span className="muted">–</span>}</td>
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
