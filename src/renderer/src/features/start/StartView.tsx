import { useCallback } from 'react';
import type { DatasetSummary } from '../../../../shared/api';
import { formatNumber } from '../../ui/format';
import { ErrorNotice } from '../../ui/notices';
import { DatasetPicker } from '../../ui/pickers';
import { navigate, type ViewProps } from '../../ui/routes';
import { useCall } from '../../ui/use-call';
import { Suggestions } from './Suggestions';

const interactionTotal = (d: DatasetSummary): number => Object.values(d.interactions).reduce((sum, count) => sum + count, 0);

/** A fresh database: what to do first. */
function EmptyStart() {
  return (
    <section className="panel" data-panel="start-empty" data-testid="start-empty" aria-label="Nothing loaded yet">
      <h2 style={{ marginTop: 0 }}>Nothing is loaded yet</h2>
      <p>Influence Lens works on data you load into it; nothing leaves this machine. Start with one of these:</p>
      <ol>
        <li>
          <strong>Import your own export</strong> (tweets as Twitter API v1.1 or v2 JSON, a propagation tree, or an interaction graph as CSV, GEXF,
          GraphML or an edge list):{' '}
          <a href="#/datasets" data-testid="start-import" onClick={(event) => {
            event.preventDefault();
            navigate('datasets');
          }}>
            open Datasets and choose a file
          </a>
          .
        </li>
        <li>
          <strong>Load the demo</strong>: the bundled samples (Brexit tweets, the karate club, Twitter15 cascades) and a generated world with
          planted cases, scored by three models and audited. Quit and start the workbench again (<code>npm start</code>): a start that finds no
          dataset loads the demo, printing each step.
        </li>
      </ol>
    </section>
  );
}

/** The datasets loaded, with their totals and runs, each a link to its detail. */
function LoadedData({ datasets, runCounts }: { datasets: DatasetSummary[]; runCounts: Map<string, number> }) {
  return (
    <section className="panel" data-panel="start-data" aria-label="Data loaded" data-testid="start-data">
      <h2 style={{ marginTop: 0 }}>Data loaded</h2>
      <table>
        <thead>
          <tr>
            <th>Dataset</th>
            <th>Accounts</th>
            <th>Posts</th>
            <th>Interactions</th>
            <th>Cascades</th>
            <th>Runs</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.dataset.id} data-testid={`start-dataset-${d.dataset.name}`}>
              <td>
                <a href="#/datasets" onClick={(event) => {
                  event.preventDefault();
                  navigate('datasets', { dataset: d.dataset.name });
                }}>
                  {d.dataset.name}
                </a>
              </td>
              <td>{formatNumber(d.accounts)}</td>
              <td>{formatNumber(d.posts)}</td>
              <td>{formatNumber(interactionTotal(d))}</td>
              <td>{formatNumber(d.cascades)}</td>
              <td data-value={runCounts.get(d.dataset.name) ?? 0}>{formatNumber(runCounts.get(d.dataset.name) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The first screen: what is loaded, and what to look at first in the dataset last used (its strongest audit cases
 * and the models that disagree most), each one click into the view that shows it. A fresh database gets what to
 * do first instead.
 */
export function StartView({ params }: ViewProps) {
  const datasets = useCall('datasets.list', {});
  const runs = useCall('runs.list', {});
  const dataset = params.get('dataset') ?? '';
  const setDataset = useCallback((name: string, how?: 'auto') => navigate('start', { dataset: name }, { replace: how === 'auto' }), []);
  const runCounts = new Map<string, number>();
  for (const run of runs.data ?? []) if (run.kind === 'base') runCounts.set(run.dataset, (runCounts.get(run.dataset) ?? 0) + 1);
  return (
    <div>
      <h1>Start here</h1>
      <ErrorNotice error={datasets.error ?? runs.error} />
      {datasets.data?.length === 0 && <EmptyStart />}
      {datasets.data && datasets.data.length > 0 && (
        <>
          <LoadedData datasets={datasets.data} runCounts={runCounts} />
          <h2>What to look at first</h2>
          <div className="panel row" data-panel="start-actions">
            <DatasetPicker value={dataset} onChange={setDataset} />
          </div>
          {dataset && <Suggestions key={dataset} dataset={dataset} />}
        </>
      )}
    </div>
  );
}
