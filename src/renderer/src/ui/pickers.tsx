import { useEffect } from 'react';
import { Failure } from './notices';
import { useCall } from './use-call';

/**
 * The one dataset select. With `blank` the empty value is a choice of its own shown under that text ("all
 * datasets" for a filter, "choose a dataset" for a form); without it an empty value picks the first dataset, so a
 * dataset-scoped view opens populated.
 */
export function DatasetPicker({ value, onChange, blank }: { value: string; onChange: (dataset: string) => void; blank?: string }) {
  const datasets = useCall('datasets.list', {});
  const first = datasets.data?.[0]?.dataset.name;
  const pickFirst = blank === undefined && !value && first !== undefined;
  useEffect(() => {
    if (pickFirst) onChange(first);
  }, [pickFirst, first, onChange]);
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
