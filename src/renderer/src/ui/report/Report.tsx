import type { AuditCase } from '../../../../shared/audit';
import { withFidelity } from '../../../../shared/models/fidelity';
import { ScoreLineChart } from '../charts/ScoreLineChart';
import { accountName } from '../account-link';
import { BeforeAfterChart } from '../charts/BeforeAfterChart';
import { evidenceValue } from '../audit/EvidenceTable';
import { formatNumber, formatNumberOrDash, formatShare } from '../format';
import type { ReportData, ReportRun } from './collect';


function Evidence({ evidence }: { evidence: AuditCase['evidence'] }) {
  return (
    <table>
      <thead>
        <tr><th>Evidence</th><th>Value</th><th>Account</th><th>Post text</th></tr>
      </thead>
      <tbody>
        {evidence.map((e, i) => (
          <tr key={i}>
            <td>{e.label}</td>
            <td>{evidenceValue(e.label, e.value)}</td>
            <td>{e.account ? accountName(e.account) : '–'}</td>
            <td>{e.text ?? e.post_id ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Case({ item }: { item: AuditCase }) {
  return (
    <section className="card">
      <h3>
        {item.kind} — {item.accounts.map(accountName).join(', ')}
        {item.topic ? ` · topic ${item.topic}` : ''}
      </h3>
      <p>Strength: {formatNumber(item.strength)}</p>
      {item.whatif && (
        <>
          <p>
            {item.whatif.model} without the case's {item.whatif.interactions_removed} interactions:
          </p>
          <BeforeAfterChart before={{ score: item.whatif.before, rank: item.whatif.rank_before }} after={{ score: item.whatif.after, rank: item.whatif.rank_after }} />
        </>
      )}
      <Evidence evidence={item.evidence} />
    </section>
  );
}

function Run({ run }: { run: ReportRun }) {
  const e = run.explanation;
  return (
    <section className="card">
      <h3>
        Run {run.detail.id}: {withFidelity(`${run.detail.model} v${run.detail.version}`, run.detail.fidelity ?? undefined)}
      </h3>
      {e ? (
        <>
          <p>
            Score <b>{formatNumber(e.score)}</b>, rank <b>{formatNumberOrDash(e.rank)}</b> of {formatNumber(run.detail.accountsScored)}. {e.summary}
          </p>
          <table>
            <tbody>
              {e.factors.map((f) => (
                <tr key={f.label}><td>{f.label}</td><td>{typeof f.value === 'number' ? formatNumber(f.value) : f.value}</td><td>{f.note ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
          <h4>Top contributions</h4>
          <table>
            <tbody>
              {e.contributions.map((c, i) => (
                <tr key={i}><td>{c.account ? accountName(c.account) : c.label}</td><td>{c.kind ?? ''}</td><td>{formatNumber(c.value)}</td><td>{c.share === null ? '' : formatShare(c.share)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>Not scored for this account: {run.note}</p>
      )}
      <details>
        <summary>Manifest</summary>
        <pre>{JSON.stringify(run.detail.manifest, null, 2)}</pre>
      </details>
    </section>
  );
}

/** The self-contained account (or case) report; rendered to static markup, so nothing here may be interactive. */
export function Report({ data }: { data: ReportData }) {
  const name = data.topics ? accountName(data.topics.account) : data.account;
  return (
    <article>
      <h1>Influence Lens report: {name}</h1>
      <p className="muted">Dataset {data.dataset} · generated {data.generatedAt}</p>
      {data.focus && (
        <><h2>The case</h2><Case item={data.focus} /></>
      )}
      <h2>Scores across runs</h2>
      <table>
        <thead><tr><th>Run</th><th>Model</th><th>Score</th><th>Rank</th><th>Accounts scored</th></tr></thead>
        <tbody>
          {data.runs.map((r) => (
            <tr key={r.detail.id}><td>{r.detail.id}</td><td>{withFidelity(`${r.detail.model} v${r.detail.version}`, r.detail.fidelity ?? undefined)}</td><td>{formatNumberOrDash(r.explanation?.score)}</td><td>{formatNumberOrDash(r.explanation?.rank)}</td><td>{formatNumber(r.detail.accountsScored)}</td></tr>
          ))}
        </tbody>
      </table>
      {data.windows && (
        <><h2>Score over time ({data.windows.model})</h2><ScoreLineChart windows={data.windows.output.windows} /></>
      )}
      <h2>Explanations and manifests</h2>
      {data.runs.map((r) => <Run key={r.detail.id} run={r} />)}
      <h2>Topics</h2>
      {data.topics?.topics.length ? (
        data.topics.topics.map((t) => (
          <section className="card" key={t.topic}>
            <h3>{t.topic}: strength {formatNumber(t.strength)}, {formatNumber(t.posts)} posts {t.flags.map((f) => <span className="tag" key={f}>{f}</span>)}</h3>
            <Evidence evidence={t.evidence} />
          </section>
        ))
      ) : (
        <p>No topics assigned.</p>
      )}
      <h2>Audit cases involving the account</h2>
      {data.cases.length ? data.cases.map((c, i) => <Case key={i} item={c} />) : <p>None found.</p>}
      <h2>Methods and caveats</h2>
      <ul>
        <li>Each run is reproducible from its manifest: dataset content hash, model id and version, parameters, seed and the app version.</li>
        <li>Scores of different models are on different scales; compare ranks across runs, not raw scores.</li>
        <li>Topics follow a LASTA-style evidence sum (own posts 1, reactions to them 0.5, endorsements 1); the flags mark assignments that rest on one post, negations, another sense of the word, endorsements alone or a small share of posts.</li>
        <li>Audit cases meet the thresholds defined in the workbench's AUDIT.md; a case is evidence to check, not a finding of manipulation.</li>
        <li>A what-if rescoring removes the case's interactions and scores again with the same model, parameters and seed; other accounts' scores move too, so ranks can change more than the score suggests.</li>
        <li>The data cover only what the imported sources captured; deleted, private or unsampled activity is absent, and accounts stating an age under 18 are excluded or redacted.</li>
      </ul>
    </article>
  );
}
