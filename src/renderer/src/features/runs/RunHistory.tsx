import { withFidelity } from '../../../../shared/models/fidelity';
import { useCall } from '../../ui/use-call';
import { formatNumber, time } from '../../ui/format';
import { DatasetPicker } from '../../ui/pickers';
import { Failure } from '../../ui/notices';
import { EdgeReadingNote, RunWarnings } from '../../ui/RunWarnings';
import { paramWords } from '../../ui/run-label';
import { useRunLabel } from '../../ui/run-picker';

/** `lens runs [--dataset NAME]`, newest last as the service lists them. */
export function RunHistory({ dataset, selected, onDataset, onSelect }: { dataset: string; selected: number | null; onDataset: (name: string) => void; onSelect: (run: number) => void }) {
  const runs = useCall('runs.list', { dataset: dataset || undefined });
  const runLabel = useRunLabel();
  return (
    <div className="panel" data-panel="run-history">
      <div className="row">
        <h2 style={{ margin: 0 }}>Runs</h2>
        <DatasetPicker blank="all datasets" value={dataset} onChange={onDataset} />
      </div>
      <Failure error={runs.error} />
      {runs.data?.length === 0 && <p className="muted">No runs yet.</p>}
      {runs.data && runs.data.length > 0 && (
        <div style={{ maxHeight: 320, overflow: 'auto', marginTop: 8 }}>
          <table data-testid="runs-table">
            <thead>
              <tr>
                <th>Run</th>
                <th>Dataset</th>
                <th>Model</th>
                <th>Seed</th>
                <th>Accounts</th>
                <th>Excluded</th>
                <th>Finished</th>
                <th>Parameters</th>
                <th>Warnings</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id} data-testid="run-row" data-run={run.id} aria-selected={run.id === selected} style={run.id === selected ? { background: '#eef3fd' } : undefined}>
                  <td>
                    <a href={`#/runs?run=${run.id}`} onClick={(event) => { event.preventDefault(); onSelect(run.id); }}>
                      {runLabel(run)}
                    </a>
                  </td>
                  <td>{run.dataset}</td>
                  <td>{withFidelity(`${run.model} v${run.version}`, run.fidelity ?? undefined)}</td>
                  <td>{run.seed}</td>
                  <td>{formatNumber(run.accountsScored)}</td>
                  <td>{formatNumber(run.excluded)}</td>
                  <td>{time(run.finishedAt)}</td>
                  <td className="muted" style={{ fontSize: 12, maxWidth: 380 }} data-testid="run-params">
                    {paramWords(run.params).join(', ')}
                    <div><EdgeReadingNote edges={run.edges} warnings={run.warnings} /></div>
                  </td>
                  <td><RunWarnings warnings={run.warnings} compact /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
