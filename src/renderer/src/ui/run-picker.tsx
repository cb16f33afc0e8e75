import type { ApiError } from '../../../shared/domain';
import type { RunSummary } from '../../../shared/runs';
import { navigate, type ViewPath } from './routes';
import { useCall } from './use-call';

export const runLabel = (run: Pick<RunSummary, 'id' | 'model'>): string => `#${run.id} ${run.model}`;

export interface RunSelection {
  runs: RunSummary[];
  datasets: string[];
  dataset: string | null;
  /** The chosen runs, in the dataset's run order. */
  selected: RunSummary[];
  select: (dataset: string, runs: number[]) => void;
  loading: boolean;
  error: ApiError | null;
}

/**
 * The dataset and runs a view works on, kept in the URL (`dataset=NAME&runs=1,2`) so other views and tests can link
 * to a populated page and the back button undoes a change. Without a dataset parameter the first run's dataset is
 * used, so `runs=1,2` alone is enough.
 */
export function useRunSelection(view: ViewPath, params: URLSearchParams): RunSelection {
  const { data, loading, error } = useCall('runs.list', {});
  const runs = data ?? [];
  const ids = (params.get('runs') ?? '').split(',').map(Number).filter((id) => Number.isInteger(id) && id > 0);
  const datasets = [...new Set(runs.map((run) => run.dataset))];
  const dataset = params.get('dataset') ?? runs.find((run) => run.id === ids[0])?.dataset ?? datasets[0] ?? null;
  const selected = runs.filter((run) => run.dataset === dataset && ids.includes(run.id));
  const select = (name: string, chosen: number[]) =>
    navigate(view, { dataset: name, runs: chosen.length > 0 ? chosen.join(',') : undefined });
  return { runs, datasets, dataset, selected, select, loading, error };
}

/** A dataset menu and one checkbox per run of that dataset. */
export function RunPicker({ selection }: { selection: RunSelection }) {
  const { runs, datasets, dataset, selected, select, loading } = selection;
  if (!loading && runs.length === 0) {
    return <div className="notice info">No runs yet: score a dataset under Models &amp; runs first.</div>;
  }
  const chosen = selected.map((run) => run.id);
  const toggle = (id: number, on: boolean) =>
    dataset && select(dataset, on ? [...chosen, id].sort((a, b) => a - b) : chosen.filter((other) => other !== id));
  return (
    <div className="panel row">
      <label>
        Dataset{' '}
        <select data-testid="dataset-picker" value={dataset ?? ''} onChange={(event) => select(event.target.value, [])}>
          {datasets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="row" data-testid="run-picker" style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="muted" style={{ float: 'left', marginRight: 8 }}>
          Runs
        </legend>
        {runs
          .filter((run) => run.dataset === dataset)
          .map((run) => (
            <label key={run.id} title={JSON.stringify(run.params)}>
              <input
                type="checkbox"
                data-testid={`run-option-${run.id}`}
                checked={chosen.includes(run.id)}
                onChange={(event) => toggle(run.id, event.target.checked)}
              />{' '}
              {runLabel(run)} <span className="muted">seed {run.seed}</span>
            </label>
          ))}
      </fieldset>
    </div>
  );
}
