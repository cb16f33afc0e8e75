import { useEffect } from 'react';
import { useCall } from '../../ui/use-call';

/** The dataset select of the dataset-scoped views; with none chosen it picks the first, so a view opens populated. */
export function DatasetPicker({ value, onChange }: { value: string; onChange: (dataset: string) => void }) {
  const datasets = useCall('datasets.list', {});
  const first = datasets.data?.[0]?.dataset.name;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  return (
    <label>
      Dataset{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="dataset-picker">
        {!value && <option value="">…</option>}
        {datasets.data?.map((d) => (
          <option key={d.dataset.id} value={d.dataset.name}>
            {d.dataset.name}
          </option>
        ))}
      </select>
    </label>
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
