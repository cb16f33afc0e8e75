import { useMemo, useState } from 'react';
import { withFidelity } from '../../../../shared/models/fidelity';
import type { SensitivityOutput } from '../../../../shared/sensitivity';
import { useCall } from '../../ui/use-call';
import { ChartFrame } from '../../ui/charts/ChartFrame';
import { LineChart, type Series } from '../../ui/charts/LineChart';
import { useJob } from '../../ui/use-call';
import { DatasetPicker } from '../../ui/pickers';
import { Failure, LongCallProgress } from '../../ui/notices';
import { formatNumber } from '../../ui/format';

const CHART_HEIGHT = 260;
const LABELS = { x: 'parameter value', y: 'agreement with the default run' };

/** Spearman, RBO and top-k turnover against the swept value: one line each, on the shared line chart. */
function sensitivitySeries(output: SensitivityOutput): Series[] {
  const line = (label: string, color: string, figure: (p: SensitivityOutput['points'][number]) => number | null): Series => ({
    label,
    color,
    points: output.points.flatMap((p) => {
      const y = figure(p);
      return y === null ? [] : [[p.value, y] as [number, number]];
    }),
  });
  return [
    line('Spearman', '#3461c1', (p) => p.spearman),
    line(`RBO (p=${output.p})`, '#c1563a', (p) => p.rbo),
    line(`top-${output.k} turnover`, '#5a9a4a', (p) => p.turnover),
  ];
}

/** `lens sensitivity`: sweep one numeric parameter of a model and chart its rank agreement with the default run. */
export function SensitivityPanel({ dataset, onDataset, onSwept }: { dataset: string; onDataset: (name: string) => void; onSwept: () => void }) {
  const models = useCall('models.list', {});
  const [model, setModel] = useState('pagerank');
  const [param, setParam] = useState('alpha');
  const [range, setRange] = useState({ from: 0.75, to: 0.95, step: 0.05 });
  const sweep = useJob('runs.sensitivity');
  const series = useMemo(() => (sweep.data ? sensitivitySeries(sweep.data) : []), [sweep.data]);
  const number = (key: keyof typeof range) => (
    <label>
      {key}{' '}
      <input type="number" data-testid={`sensitivity-${key}`} step="any" style={{ width: 80 }} value={range[key]} onChange={(event) => setRange({ ...range, [key]: Number(event.target.value) })} />
    </label>
  );
  const result = sweep.data;
  return (
    <div className="panel" data-panel="sensitivity" data-testid="sensitivity-panel">
      <h2 style={{ marginTop: 0 }}>Sensitivity</h2>
      <p className="muted" style={{ fontSize: 12 }}>
        Scores the model with its defaults and at every value of one parameter (each a stored run), and shows how far each ranking is from the default one.
      </p>
      <Failure error={models.error} />
      <div className="row">
        <label>
          Model{' '}
          <select data-testid="sensitivity-model" value={model} onChange={(event) => setModel(event.target.value)}>
            {models.data?.filter((m) => m.fidelity).map((m) => <option key={m.id} value={m.id}>{withFidelity(m.label, m.fidelity)}</option>)}
          </select>
        </label>
        <DatasetPicker blank="choose a dataset" value={dataset} onChange={onDataset} />
        <label>
          Parameter <input data-testid="sensitivity-param" style={{ width: 120 }} value={param} placeholder="alpha or weights.mention" onChange={(event) => setParam(event.target.value.trim())} />
        </label>
        {number('from')}
        {number('to')}
        {number('step')}
        <button type="button" className="primary" data-testid="sensitivity-run" disabled={!dataset || !param || sweep.running} onClick={() => void sweep.start({ dataset, model, param, ...range }).then((output) => output && onSwept())}>
          Sweep
        </button>
      </div>
      <LongCallProgress running={sweep.running} progress={sweep.progress} onCancel={sweep.cancel} />
      <Failure error={sweep.error} />
      {result && (
        <>
          <ChartFrame title={`${result.model.id}: ${result.param} against the default (${result.base.value}, run ${result.base.run})`} name="sensitivity">
            {(width) => <LineChart series={series} width={width} height={CHART_HEIGHT} xLog={false} yLog={false} labels={LABELS} testId="sensitivity-chart" />}
          </ChartFrame>
          <table data-testid="sensitivity-table">
            <thead>
              <tr><th>{result.param}</th><th>Run</th><th>Spearman</th><th>RBO</th><th>Top-{result.k} Jaccard</th><th>Turnover</th></tr>
            </thead>
            <tbody>
              {result.points.map((p) => (
                <tr key={p.run}><td>{p.value}</td><td>{p.run}</td><td>{formatNumber(p.spearman)}</td><td>{formatNumber(p.rbo)}</td><td>{formatNumber(p.jaccard)}</td><td>{formatNumber(p.turnover)}</td></tr>
              ))}
            </tbody>
          </table>
          {result.movers.length > 0 && (
            <p style={{ fontSize: 12 }} data-testid="sensitivity-movers">
              Moves most: {result.movers.map((m) => `${m.account.handle ? `@${m.account.handle}` : m.account.accountId} (rank ${m.base_rank}, up to ${m.max_shift})`).join('; ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
