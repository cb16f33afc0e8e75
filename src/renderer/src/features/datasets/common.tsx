import type { ApiError } from '../../../../shared/domain';
import type { Progress } from '../../api';
import { ErrorNotice, ProgressBar } from '../../ui/notices';
import { useCall } from '../../ui/use-call';

/** Helpers the datasets, runs and places views share. */

export function Failure({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div data-testid="error-notice">
      <ErrorNotice error={error} />
    </div>
  );
}

/** The progress bar, shown from the moment a call starts: the first progress event can take a while to arrive. */
export function LongCallProgress({ running, progress, onCancel }: { running: boolean; progress: Progress | null; onCancel: () => void }) {
  if (!running) return null;
  return (
    <div data-testid="progress">
      <ProgressBar progress={progress ?? { kind: 'job', progress: { fraction: 0, phase: 'starting…' } }} onCancel={onCancel} />
    </div>
  );
}

export function DatasetPicker({ value, onChange, id, allowAll }: { value: string; onChange: (name: string) => void; id: string; allowAll?: string }) {
  const datasets = useCall('datasets.list', {});
  return (
    <>
      <select id={id} data-testid="dataset-select" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allowAll ?? 'choose a dataset'}</option>
        {datasets.data?.map((dataset) => (
          <option key={dataset.dataset.id} value={dataset.dataset.name}>
            {dataset.dataset.name}
          </option>
        ))}
      </select>
      <Failure error={datasets.error} />
    </>
  );
}

export const count = (value: number) => value.toLocaleString('en-US');

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** ISO times shown to the minute, in UTC as stored, so they read the same as the CLI's. */
export const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** Scores at six significant digits, as the CLI's explanations print them; the CSV export keeps every digit. */
export const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : Number(value.toPrecision(6)).toString());
