import { useEffect, useState } from 'react';
import type { ViewProps } from '../../ui/routes';
import { ChartFrame, Segmented } from '../../ui/charts/ChartFrame';
import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';
import { CorrelationMatrix, type Measure } from './CorrelationMatrix';
import { Disagreements } from './Disagreements';
import { useJob } from '../../ui/use-call';
import { NoiseCeilings } from './NoiseCeilings';
import { CompareNotes, PairTable, SegmentTable } from './PairTables';
import { RankScatter } from './RankScatter';
import { RunPicker, useRunLabel, useRunSelection } from '../../ui/run-picker';
import { TopKLists } from './TopKLists';
import { useRankPair } from './use-rank-pair';
import { STAT_TERMS } from '../../ui/glossary';
import { RunWarnings, warningSuffix } from '../../ui/RunWarnings';

/** Agreement of two or more runs of one dataset; `#/compare?runs=1,2` opens with those runs chosen. */
export function CompareView({ params }: ViewProps) {
  const selection = useRunSelection('compare', params);
  const runLabel = useRunLabel();
  const { selected, dataset } = selection;
  const [measure, setMeasure] = useState<Measure>('spearman');
  // The two runs of the scatter, top-k lists and disagreements: the first two chosen until the reader picks others.
  const [pick, setPick] = useState<[number, number] | null>(null);
  const ids = selected.map((run) => run.id);
  // Only stored re-seeded runs here: opening the view never starts a scoring job; the noise panel's button does.
  const compare = useCall('analysis.compare', ids.length >= 2 ? { runs: ids, noise_ceiling: 'stored' } : null);
  const scoreCeilings = useJob('analysis.compare');
  const { reload } = compare;
  useEffect(() => {
    if (scoreCeilings.data) reload();
  }, [scoreCeilings.data, reload]);
  const valid = pick && ids.includes(pick[0]) && ids.includes(pick[1]) && pick[0] !== pick[1];
  const [aId, bId] = valid ? pick : [ids[0] ?? null, ids[1] ?? null];
  const a = selected.find((run) => run.id === aId);
  const b = selected.find((run) => run.id === bId);
  const ranks = useRankPair(a?.id ?? null, b?.id ?? null);
  // Only show an answer for the runs chosen now; useCall keeps the previous one while the next loads.
  const pairs = compare.data && ids.length >= 2 ? compare.data.pairs.filter((pair) => ids.includes(pair.a) && ids.includes(pair.b)) : [];

  const runSelect = (label: string, testId: string, value: number | null, other: number | null, onChange: (id: number) => void) => (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {selected.map((run) => (
          <option key={run.id} value={run.id} disabled={run.id === other}>
            {runLabel(run)}
            {warningSuffix(run.warnings)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div>
      <h1>Compare runs</h1>
      <ErrorNotice error={selection.error} />
      <RunPicker selection={selection} />
      {selected.some((run) => run.warnings && run.warnings.length > 0) && (
        <div className="panel" data-panel="run-warnings" data-testid="compare-run-warnings">
          {selected
            .filter((run) => run.warnings && run.warnings.length > 0)
            .map((run) => (
              <div key={run.id} className="row">
                <span>{runLabel(run)}:</span> <RunWarnings warnings={run.warnings} compact />
              </div>
            ))}
        </div>
      )}
      {selected.length < 2 && <div className="notice info">Choose two or more runs of one dataset to compare them.</div>}
      <ErrorNotice error={compare.error} />
      {pairs.length > 0 && (
        <>
          <ChartFrame
            title="Rank correlation"
            name="heatmap"
            controls={
              <Segmented
                label="Correlation measure"
                testId="corr-measure"
                value={measure}
                onChange={setMeasure}
                options={[
                  { value: 'spearman', label: STAT_TERMS.spearman.name },
                  { value: 'kendall_tau_b', label: STAT_TERMS.kendall_tau_b.name },
                ]}
              />
            }
          >
            {(width) => <CorrelationMatrix runs={selected} pairs={pairs} measure={measure} width={width} />}
          </ChartFrame>
          <section className="panel" data-panel="agreement" aria-label="Agreement per pair">
            <h2>Agreement per pair</h2>
            <PairTable runs={selected} pairs={pairs} />
            <h2>By segment (Cha et al. 2010)</h2>
            <SegmentTable runs={selected} pairs={pairs} />
            <CompareNotes pairs={pairs} bootstrap={compare.data?.bootstrap ?? null} />
          </section>
          <NoiseCeilings
            ceilings={compare.data?.noise_ceiling.filter((ceiling) => ids.includes(ceiling.run)) ?? []}
            job={scoreCeilings}
            onScore={() => void scoreCeilings.start({ runs: ids, bootstrap: 0, noise_ceiling: 'score' })}
          />
        </>
      )}
      {dataset && a && b && (
        <>
          <div className="panel row" data-panel="pair-picker" data-testid="pair-picker">
            <strong>Look closer at</strong>
            {runSelect('Run A', 'scatter-run-a', a.id, b.id, (id) => setPick([id, b.id]))}
            {runSelect('Run B', 'scatter-run-b', b.id, a.id, (id) => setPick([a.id, id]))}
          </div>
          <ErrorNotice error={ranks.error} />
          {ranks.data ? (
            <RankScatter dataset={dataset} a={a} b={b} points={ranks.data.points} />
          ) : (
            <div className="panel muted" data-panel="rank-loading">Loading every account&apos;s rank…</div>
          )}
          <TopKLists dataset={dataset} a={a} b={b} ranks={ranks.data} />
          <Disagreements dataset={dataset} a={a} b={b} />
        </>
      )}
    </div>
  );
}
