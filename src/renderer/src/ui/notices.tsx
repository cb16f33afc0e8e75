import type { ApiError } from '../../../shared/domain';
import type { Progress } from '../api';
import { formatNumber } from './format';

const PLAIN: Record<string, string> = {
  invalid_input: 'That input was not accepted',
  not_found: 'Not found',
  conflict: 'That cannot be done now',
  import_failed: 'The import failed',
  cancelled: 'Cancelled',
  database_too_new: 'The database is from a newer version',
  internal: 'Something went wrong',
};

/** An error as the page shows it: what kind of problem, then the service's own words. */
export function ErrorNotice({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="notice error" role="alert">
      <strong>{PLAIN[error.code] ?? 'Error'}:</strong> {error.message}
    </div>
  );
}

export function ProgressBar({ progress, onCancel }: { progress: Progress | null; onCancel?: () => void }) {
  if (!progress) return null;
  const fraction =
    progress.kind === 'job'
      ? progress.progress.fraction
      : progress.progress.bytesTotal > 0
        ? progress.progress.bytesRead / progress.progress.bytesTotal
        : 0;
  const percent = Math.floor(fraction * 100);
  // The services never report a job at 100% before its answer is there (services/jobs.ts), so neither does the bar.
  const label = progress.kind === 'job' ? `${progress.progress.phase} · ${percent}%` : `${formatNumber(progress.progress.records)} records read · ${percent}% of the bytes`;
  return (
    <div className="progress" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-valuetext={label} data-testid="progress-bar">
      <div className="progress-track">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span>{label}</span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** An error in a box tests can find by its test id; nothing when there is none. */
export function Failure({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div data-testid="error-notice">
      <ErrorNotice error={error} />
    </div>
  );
}

/** Before a job's first progress event: it waits for a free job thread, or the thread is starting. */
export const WAITING: Progress = { kind: 'job', progress: { fraction: 0, phase: 'waiting for a job thread' } };

/** The progress bar, shown from the moment a call starts: the first progress event can take a while to arrive. */
export function LongCallProgress({ running, progress, onCancel }: { running: boolean; progress: Progress | null; onCancel: () => void }) {
  if (!running) return null;
  return (
    <div data-testid="progress">
      <ProgressBar progress={progress ?? WAITING} onCancel={onCancel} />
    </div>
  );
}
