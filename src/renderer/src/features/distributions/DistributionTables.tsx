import { Term } from '../../ui/Term';
import type { RunDistribution } from './DistributionCharts';
import { dataValue, formatNumber, formatShare } from '../../ui/format';


/** A number as printed, with the API's exact value in data-value (and as a tooltip) beside it. */
function Cell({ value, text }: { value: number | null; text: string }) {
  return (
    <td data-value={dataValue(value)} title={dataValue(value)}>
      {text}
    </td>
  );
}

/** Per run: how many accounts were scored, the spread of scores, and how concentrated they are. */
export function StatsTable({ runs }: { runs: RunDistribution[] }) {
  return (
    <table data-testid="dist-stats">
      <thead>
        <tr>
          <th>Run</th>
          <th>n</th>
          <th title="accounts with no score (NaN)">unscored</th>
          <th>min</th>
          <th>median</th>
          <th>mean</th>
          <th>max</th>
          <th>
            <Term id="gini" short="Gini" />
          </th>
          <th>
            <Term id="top1_share" short="top-1% share" />
          </th>
          <th title="share of accounts whose score equals another account's; tied accounts share their mean rank">tied</th>
          <th title="the largest group of accounts with one and the same score">largest tie</th>
        </tr>
      </thead>
      <tbody>
        {runs.map(({ run, label, color, distribution: d }) => (
          <tr key={run.id} data-testid={`dist-stats-${run.id}`} data-gini={dataValue(d.gini)} data-top1={dataValue(d.top1Share)}>
            <td>
              <span className="tag" style={{ background: color, color: '#fff' }}>
                {label}
              </span>
            </td>
            <Cell value={d.n} text={formatNumber(d.n)} />
            <Cell value={d.unscored} text={formatNumber(d.unscored)} />
            <Cell value={d.min} text={formatNumber(d.min)} />
            <Cell value={d.median} text={formatNumber(d.median)} />
            <Cell value={d.mean} text={formatNumber(d.mean)} />
            <Cell value={d.max} text={formatNumber(d.max)} />
            <Cell value={d.gini} text={formatNumber(d.gini)} />
            <Cell value={d.top1Share} text={formatShare(d.top1Share)} />
            <Cell value={d.ties.tied_share} text={formatShare(d.ties.tied_share)} />
            <Cell
              value={d.ties.largest_group}
              text={d.ties.largest_group > 1 ? `${formatNumber(d.ties.largest_group)} at ${formatNumber(d.ties.largest_group_score)}` : 'none'}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Score percentiles, one column per run; every run reports the same percentile points. */
export function PercentilesTable({ runs }: { runs: RunDistribution[] }) {
  const points = runs[0]?.distribution.percentiles.map((entry) => entry.p) ?? [];
  return (
    <table data-testid="percentiles-table">
      <thead>
        <tr>
          <th>Percentile</th>
          {runs.map(({ run, label }) => (
            <th key={run.id}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p} data-testid={`percentile-${p}`}>
            <td>{p}</td>
            {runs.map(({ run, distribution }) => {
              const value = distribution.percentiles.find((entry) => entry.p === p)?.value ?? null;
              return <Cell key={run.id} value={value} text={formatNumber(value)} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
