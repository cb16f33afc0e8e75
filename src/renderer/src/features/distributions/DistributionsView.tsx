import { useMemo } from 'react';
import type { ViewProps } from '../../ui/routes';
import { ErrorNotice } from '../../ui/notices';
import { RunPicker, useRunLabel, useRunSelection } from '../../ui/run-picker';
import { CcdfChart, ConstantNote, HistogramChart, type RunDistribution } from './DistributionCharts';
import { PercentilesTable, StatsTable } from './DistributionTables';
import { useDistributions } from './use-distributions';
import { runColor } from '../../ui/charts/colors';

/** How each chosen run's scores are spread: histogram, CCDF, concentration and percentiles, runs overlaid. */
export function DistributionsView({ params }: ViewProps) {
  const selection = useRunSelection('distributions', params);
  const ids = selection.selected.map((run) => run.id);
  const { data, error, loading } = useDistributions(ids);
  const all = selection.runs;
  const runLabel = useRunLabel();
  const runs = useMemo<RunDistribution[]>(
    () =>
      (data ?? []).flatMap((distribution) => {
        const run = all.find((candidate) => candidate.id === distribution.run);
        // A run's colour follows its id, the same in every chart, table and view whatever else is chosen.
        return run ? [{ run, label: runLabel(run), color: runColor(run.id), distribution }] : [];
      }),
    [data, all, runLabel],
  );
  return (
    <div>
      <h1>Score distributions</h1>
      <ErrorNotice error={selection.error ?? error} />
      <RunPicker selection={selection} />
      {ids.length === 0 && <div className="notice info">Choose one or more runs to see how their scores are spread.</div>}
      {loading && <p className="muted">Loading…</p>}
      {runs.length > 0 && (
        <>
          <ConstantNote runs={runs} />
          <div className="grid2">
            <HistogramChart runs={runs} />
            <CcdfChart runs={runs} />
          </div>
          <section className="panel" data-panel="concentration" aria-label="Concentration">
            <h2>Concentration</h2>
            <StatsTable runs={runs} />
          </section>
          <section className="panel" data-panel="percentiles" aria-label="Percentiles">
            <h2>Percentiles</h2>
            <PercentilesTable runs={runs} />
          </section>
        </>
      )}
    </div>
  );
}
