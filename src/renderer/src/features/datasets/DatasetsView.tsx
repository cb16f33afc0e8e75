import type { ViewProps } from '../../ui/routes';
import { navigate } from '../../ui/routes';
import { useCall } from '../../ui/use-call';
import { DatasetDetail } from './DatasetDetail';
import { ImportPanel } from './ImportPanel';
import { formatNumber, time } from '../../ui/format';
import { Failure } from '../../ui/notices';
import { rememberDataset } from '../../ui/last-used';

/**
 * Opens a dataset's detail and makes it the dataset last used, so Compare, Account and the other views follow it
 * instead of the one they showed before (after an import they switched to the alphabetically first: issue 16).
 */
function openDataset(name: string): void {
  rememberDataset(name);
  navigate('datasets', { dataset: name });
}

/** The datasets: their totals, one dataset's sources and places, and importing files into a new or existing one. */
export function DatasetsView({ params }: ViewProps) {
  const list = useCall('datasets.list', {});
  const selected = params.get('dataset') ?? '';
  return (
    <>
      <h1>Datasets</h1>
      <div className="panel" data-panel="dataset-list">
        <Failure error={list.error} />
        {list.data?.length === 0 && <p className="muted">No datasets yet: import files below.</p>}
        {list.data && list.data.length > 0 && (
          <table data-testid="datasets-table">
            <thead>
              <tr>
                <th>Dataset</th>
                <th>Accounts</th>
                <th>Posts</th>
                <th>Interactions</th>
                <th>Cascades</th>
                <th>First</th>
                <th>Last</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((dataset) => {
                const name = dataset.dataset.name;
                const interactions = Object.values(dataset.interactions).reduce((sum, n) => sum + n, 0);
                return (
                  <tr key={dataset.dataset.id} data-testid="dataset-row" data-dataset={name} aria-selected={name === selected} style={name === selected ? { background: '#eef3fd' } : undefined}>
                    <td>
                      <a href={`#/datasets?dataset=${encodeURIComponent(name)}`} onClick={(event) => { event.preventDefault(); openDataset(name); }}>
                        {name}
                      </a>
                      {dataset.pseudonymized && <span className="tag" style={{ marginLeft: 6 }}>pseudonymized</span>}
                    </td>
                    <td>{formatNumber(dataset.accounts)}</td>
                    <td>{formatNumber(dataset.posts)}</td>
                    <td>{formatNumber(interactions)}</td>
                    <td>{formatNumber(dataset.cascades)}</td>
                    <td>{time(dataset.timeSpan.first)}</td>
                    <td>{time(dataset.timeSpan.last)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {selected && <DatasetDetail key={selected} name={selected} onDeleted={() => { list.reload(); navigate('datasets'); }} />}
      <ImportPanel onImported={(name) => { list.reload(); openDataset(name); }} />
    </>
  );
}
