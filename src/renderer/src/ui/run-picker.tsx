import { useCallback, useEffect, useMemo } from 'react';
import type { ApiError } from '../../../shared/domain';
import type { RunSummary } from '../../../shared/runs';
import { lastDataset, lastRuns, preferredRuns, rememberDataset, rememberRuns } from './last-used';
import { paramWords, runLabelText, type LabelledRun } from './run-label';
import { warningDetails, warningSuffix } from './RunWarnings';
import { navigate, type ViewPath } from './routes';
import { useCall } from './use-call';

/**
 * The labeller every picker, card and table uses (ui/run-label.ts): "#7 PageRank, influence direction, alpha 0.85".
 * Every stored run and every model's name come through the call cache (one request each for the whole page), so
 * labels agree from view to view; until they have come a run is labelled by its model id.
 */
export function useRunLabel(): (run: LabelledRun) => string {
  const runs = useCall('runs.list', {});
  const models = useCall('models.list', {});
  const names = useMemo(() => new Map((models.data ?? []).map((model) => [model.id, model.label])), [models.data]);
  const all = runs.data;
  return useCallback((run: LabelledRun) => runLabelText(run, all ?? [run], names.get(run.model)), [all, names]);
}

export interface RunSelection {
  runs: RunSummary[];
  datasets: string[];
  dataset: string | null;
  /** The chosen runs, in the dataset's run order. */
  selected: RunSummary[];
  /** Chosen runs, or null to let the view preselect (the latest run of each model). */
  select: (dataset: string, runs: number[] | null) => void;
  loading: boolean;
  error: ApiError | null;
}

/**
 * The dataset and runs a view works on, kept in the URL (`dataset=NAME&runs=1,2`) so other views and tests can link
 * to a populated page and the back button undoes a change. What the URL leaves out is filled in, never left blank:
 * the dataset from the first named run, else the dataset last used (if it has runs), else the latest run's; the runs
 * from those last chosen on that dataset, else the latest base run of each model. `runs=` (empty) is an explicit
 * choice of none and is kept.
 */
export function useRunSelection(view: ViewPath, params: URLSearchParams): RunSelection {
  const { data, loading, error } = useCall('runs.list', {});
  const runs = useMemo(() => data ?? [], [data]);
  const explicit = params.has('runs');
  const ids = (params.get('runs') ?? '').split(',').map(Number).filter((id) => Number.isInteger(id) && id > 0);
  const datasets = [...new Set(runs.map((run) => run.dataset))];
  const remembered = lastDataset();
  const latest = runs.length > 0 ? runs[runs.length - 1]!.dataset : null;
  const dataset =
    params.get('dataset') ?? runs.find((run) => run.id === ids[0])?.dataset ?? (remembered && datasets.includes(remembered) ? remembered : latest);
  const chosen = explicit ? ids : dataset ? preferredRuns(runs, dataset, lastRuns(dataset)) : [];
  const selected = runs.filter((run) => run.dataset === dataset && chosen.includes(run.id));
  const selectedKey = selected.map((run) => run.id).join(',');
  useEffect(() => {
    if (!dataset) return;
    rememberDataset(dataset);
    if (explicit && selectedKey) rememberRuns(dataset, selectedKey.split(',').map(Number));
  }, [dataset, explicit, selectedKey]);
  const select = (name: string, picked: number[] | null) => navigate(view, { dataset: name, runs: picked === null ? undefined : picked.join(',') });
  return { runs, datasets, dataset, selected, select, loading, error };
}

/** A run option's tooltip: every parameter in words, the seed, and each warning's reason and what to change. */
function optionTip(run: RunSummary): string {
  const params = paramWords(run.params);
  const setup = `${params.length > 0 ? params.join(', ') : 'no parameters'}; seed ${run.seed}`;
  return run.warnings && run.warnings.length > 0 ? `${setup}\n\n${warningDetails(run.warnings)}` : setup;
}

/** A dataset menu and one checkbox per run of that dataset, each labelled with what sets it apart and any warning. */
export function RunPicker({ selection }: { selection: RunSelection }) {
  const { runs, datasets, dataset, selected, select, loading } = selection;
  const label = useRunLabel();
  if (!loading && runs.length === 0) {
    return <div className="notice info">No runs yet: score a dataset under Models &amp; runs first.</div>;
  }
  const chosen = selected.map((run) => run.id);
  const toggle = (id: number, on: boolean) =>
    dataset && select(dataset, on ? [...chosen, id].sort((a, b) => a - b) : chosen.filter((other) => other !== id));
  return (
    <div className="panel row" data-panel="run-picker">
      <label>
        Dataset{' '}
        <select data-testid="dataset-picker" value={dataset ?? ''} onChange={(event) => select(event.target.value, null)}>
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
            <label key={run.id} title={optionTip(run)}>
              <input
                type="checkbox"
                data-testid={`run-option-${run.id}`}
                checked={chosen.includes(run.id)}
                onChange={(event) => toggle(run.id, event.target.checked)}
              />{' '}
              {label(run)}
              {run.warnings && run.warnings.length > 0 && (
                <span className="run-option-warning" data-testid={`run-option-warning-${run.id}`} style={{ color: '#6b4a00' }}>
                  {warningSuffix(run.warnings)}
                </span>
              )}
            </label>
          ))}
      </fieldset>
    </div>
  );
}
