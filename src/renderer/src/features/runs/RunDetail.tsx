import { useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import { client } from '../../api';
import { useCall } from '../../ui/use-call';
import { useJob } from '../../ui/use-call';
import { scoresCsv } from '../../../../shared/scores-csv';
import { downloadFile } from '../../ui/download';
import { ScoresTable } from './ScoresTable';
import { formatNumber, time } from '../../ui/format';
import { Failure, LongCallProgress } from '../../ui/notices';
import { EdgeReadingNote, RunWarnings } from '../../ui/RunWarnings';
import { paramWords } from '../../ui/run-label';
import { useRunLabel } from '../../ui/run-picker';

/** One run: `lens runs show` (its manifest), `lens rerun`, `lens scores` and the CSV export. */
export function RunDetail({ run, onRerun, onOpen }: { run: number; onRerun: () => void; onOpen: (run: number) => void }) {
  const detail = useCall('runs.show', { run });
  const runLabel = useRunLabel();
  const rerun = useJob('runs.rerun');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    // Every row, not only the pages the table has fetched: the file must equal the CLI's.
    const result = await client.call('runs.scores', { run });
    setExporting(false);
    if (result.ok) downloadFile(`run-${run}-scores.csv`, `${scoresCsv(result.value)}\n`, 'text/csv');
    else setExportError(result.error);
  };
  const d = detail.data;
  return (
    <div className="panel" data-panel="run-detail" data-testid="run-detail">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>{detail.data ? runLabel(detail.data) : `Run ${run}`}</h2>
        <div className="row">
          <button type="button" data-testid="rerun-button" disabled={rerun.running} onClick={() => void rerun.start({ run }).then((output) => output && onRerun())}>Rerun</button>
          <button type="button" data-testid="export-csv" disabled={exporting} onClick={() => void exportCsv()}>Export CSV</button>
        </div>
      </div>
      <Failure error={detail.error ?? exportError} />
      {d && (
        <p>
          {d.model} v{d.version} on <strong>{d.dataset}</strong>, seed {d.seed}: {formatNumber(d.accountsScored)} accounts scored
          {d.excluded ? `, ${formatNumber(d.excluded)} excluded` : ''}; finished {time(d.finishedAt)}. Outputs: {d.outputs.join(', ')}.{' '}
          <span data-testid="run-detail-params">Parameters: {paramWords(d.params).join(', ') || 'none'}.</span>{' '}
          <EdgeReadingNote edges={d.edges} warnings={d.warnings} />
        </p>
      )}
      {d && <RunWarnings warnings={d.warnings} />}
      <LongCallProgress running={rerun.running} progress={rerun.progress} onCancel={rerun.cancel} />
      <Failure error={rerun.error} />
      {rerun.data && (
        <div className={`notice ${rerun.data.identical ? 'info' : 'error'}`} data-testid="rerun-result">
          Rerun as run{' '}
          <a href={`#/runs?run=${rerun.data.run.id}`} onClick={(event) => { event.preventDefault(); if (rerun.data) onOpen(rerun.data.run.id); }}>
            {rerun.data.run.id}
          </a>
          : scores identical to run {rerun.data.original}: <strong data-testid="rerun-identical">{rerun.data.identical ? 'yes' : 'no'}</strong>
        </div>
      )}
      {d && (
        <details>
          <summary>Manifest</summary>
          <pre data-testid="manifest" style={{ background: '#f6f7f9', padding: 10, maxHeight: 360, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(d.manifest, null, 2)}</pre>
        </details>
      )}
      {d && <ScoresTable run={run} dataset={d.dataset} />}
    </div>
  );
}
