import { useEffect } from 'react';
import { lastDataset, preferredDataset, rememberDataset } from './last-used';
import { Failure } from './notices';
import { useCall } from './use-call';

/**
 * The one dataset select. With `blank` the empty value is a choice of its own shown under that text ("all
 * datasets" for a filter, "choose a dataset" for a form); without it an empty value picks the dataset last used
 * (ui/last-used.ts: else the one with the latest run, else the newest), so a dataset-scoped view opens populated
 * on the data the reader was working on. A dataset chosen here is remembered for every view. `onChange` hears
 * 'auto' when the picker filled the value in itself, so a view can replace its history entry (navigate's `replace`)
 * and Back does not land on the blank page that would fill it in again.
 */
export function DatasetPicker({ value, onChange, blank }: { value: string; onChange: (dataset: string, how?: 'auto') => void; blank?: string }) {
  const datasets = useCall('datasets.list', {});
  const runs = useCall('runs.list', {});
  const ready = datasets.data !== null && (runs.data !== null || runs.error !== null);
  const preferred = ready ? preferredDataset(datasets.data!.map((d) => ({ name: d.dataset.name, updatedAt: d.updatedAt })), runs.data ?? [], lastDataset()) : null;
  const pick = blank === undefined && !value && preferred !== null;
  useEffect(() => {
    if (pick && preferred !== null) onChange(preferred, 'auto');
  }, [pick, preferred, onChange]);
  useEffect(() => {
    if (value && blank === undefined) rememberDataset(value);
  }, [value, blank]);
  return (
    <>
      <label>
        Dataset{' '}
        <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="dataset-picker">
          {(blank !== undefined || !value) && <option value="">{blank ?? '…'}</option>}
          {datasets.data?.map((d) => (
            <option key={d.dataset.id} value={d.dataset.name}>
              {d.dataset.name}
            </option>
          ))}
        </select>
      </label>
      <Failure error={datasets.error} />
    </>
  );
}

export function ModelPicker({ value, onChange, label = 'Model' }: { value: string; onChange: (model: string) => void; label?: string }) {
  const models = useCall('models.list', {});
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="model-picker">
        {models.data?.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
        {!models.data && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}
