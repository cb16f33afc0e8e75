import type { AuditOutput } from '../../../../shared/audit';
import { caseKindName } from '../glossary';
import { ErrorNotice, ProgressBar, WAITING } from '../notices';
import type { AuditRunState } from './use-audit-run';

/** "2026-03-01 14:02" in the reader's time zone: when a stored audit was computed. */
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The settings of a stored run, short: what-if model, kinds, vocabulary and rule versions. */
export function auditSettingsText({ manifest }: AuditOutput): string {
  const rules = Object.entries(manifest.ruleVersions).map(([rule, version]) => `${rule} rule v${version}`);
  return [
    `what-if ${manifest.whatIf.model} v${manifest.whatIf.version}`,
    manifest.kinds === null ? 'all kinds' : manifest.kinds.map(caseKindName).join(', '),
    `vocabulary ${manifest.vocabulary.sha256.slice(0, 8)} (${manifest.vocabulary.topics} topics)`,
    ...rules,
    `app ${manifest.appVersion}`,
  ].join(' · ');
}

/**
 * Which stored audit run a view shows, when it was computed and with which settings (the whole manifest one click
 * away), why it may be out of date, and a Recompute with the job's phase, progress and cancel.
 */
export function AuditRunBar({ audit, onRecompute }: { audit: AuditRunState; onRecompute: () => void }) {
  const { run, job } = audit;
  return (
    <div data-testid="audit-run-bar">
      <div className="row">
        {run ? (
          <span data-testid="audit-run-info">
            Audit run {run.run}, computed {when(run.manifest.finishedAt)} · <span className="muted">{auditSettingsText(run)}</span>
          </span>
        ) : (
          <span className="muted">{audit.loading ? 'Looking for a stored audit…' : 'This dataset has not been audited yet.'}</span>
        )}
        <button type="button" data-testid="audit-recompute" onClick={onRecompute} disabled={audit.loading || job.running}>
          {run ? 'Recompute' : 'Run the audit'}
        </button>
      </div>
      {run && run.stale.length > 0 && (
        <div className="notice" role="status" data-testid="audit-stale">
          This audit may be out of date: {run.stale.join('; ')}. Recompute to see what the audit finds now.
        </div>
      )}
      {run && (
        <details>
          <summary className="muted">Manifest</summary>
          <pre style={{ maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(run.manifest, null, 2)}</pre>
        </details>
      )}
      <ProgressBar progress={job.running ? (job.progress ?? WAITING) : null} onCancel={job.cancel} />
      <ErrorNotice error={audit.error} />
    </div>
  );
}
