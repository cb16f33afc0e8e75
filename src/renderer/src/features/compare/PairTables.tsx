import type { PairAgreement } from '../../../../shared/analysis';
import type { RunSummary } from '../../../../shared/runs';
import { dataValue, fixed3 } from '../../ui/charts/format';
import { runLabel } from './RunPicker';

/** A statistic as printed (3 decimals) with the API's exact value alongside for tests and copy-paste. */
function Stat({ value }: { value: number | null }) {
  return (
    <td data-value={dataValue(value)} title={dataValue(value)}>
      {fixed3(value)}
    </td>
  );
}

function useLabel(runs: RunSummary[]) {
  const byId = new Map(runs.map((run) => [run.id, run]));
  return (id: number) => {
    const run = byId.get(id);
    return run ? runLabel(run) : `#${id}`;
  };
}

/** Per pair of runs: overlap, whole-ranking correlations, top-k Jaccard and rank-biased overlap. */
export function PairTable({ runs, pairs }: { runs: RunSummary[]; pairs: PairAgreement[] }) {
  const label = useLabel(runs);
  const ks = Object.keys(pairs[0]?.jaccard ?? {}).sort((a, b) => Number(a) - Number(b));
  return (
    <table data-testid="pair-table">
      <thead>
        <tr>
          <th>Run A</th>
          <th>Run B</th>
          <th title="accounts scored by both runs">n</th>
          <th>Spearman ρ</th>
          <th>Kendall τ-b</th>
          {ks.map((k) => (
            <th key={k}>Jaccard@{k}</th>
          ))}
          <th title="rank-biased overlap">RBO</th>
          <th title="accounts scored by one run only">only A / only B</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair) => (
          <tr
            key={`${pair.a}-${pair.b}`}
            data-testid={`pair-${pair.a}-${pair.b}`}
            data-n={pair.n}
            data-spearman={dataValue(pair.spearman)}
            data-kendall={dataValue(pair.kendall_tau_b)}
            data-rbo={dataValue(pair.rbo)}
          >
            <td>{label(pair.a)}</td>
            <td>{label(pair.b)}</td>
            <td data-value={pair.n}>{pair.n.toLocaleString()}</td>
            <Stat value={pair.spearman} />
            <Stat value={pair.kendall_tau_b} />
            {ks.map((k) => (
              <Stat key={k} value={pair.jaccard[k] ?? null} />
            ))}
            <Stat value={pair.rbo} />
            <td>
              {pair.only_a.toLocaleString()} / {pair.only_b.toLocaleString()}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Cha et al. (2010) compared rankings over all users and again within the top 10% and top 1%, where the models
 * that agree overall often part ways. Rows are named segment-A-B-all / -top10 / -top1.
 */
export function SegmentTable({ runs, pairs }: { runs: RunSummary[]; pairs: PairAgreement[] }) {
  const label = useLabel(runs);
  return (
    <table data-testid="segment-table">
      <thead>
        <tr>
          <th>Pair</th>
          <th>Segment</th>
          <th>n</th>
          <th>Spearman ρ</th>
          <th>Kendall τ-b</th>
        </tr>
      </thead>
      <tbody>
        {pairs.flatMap((pair) => {
          const segments = [
            { id: 'all', name: 'all', n: pair.n, spearman: pair.spearman, kendall: pair.kendall_tau_b },
            { id: 'top10', name: 'top 10%', n: pair.segments.top10.n, spearman: pair.segments.top10.spearman, kendall: pair.segments.top10.kendall_tau_b },
            { id: 'top1', name: 'top 1%', n: pair.segments.top1.n, spearman: pair.segments.top1.spearman, kendall: pair.segments.top1.kendall_tau_b },
          ];
          return segments.map((segment, i) => (
            <tr key={`${pair.a}-${pair.b}-${segment.id}`} data-testid={`segment-${pair.a}-${pair.b}-${segment.id}`}>
              <td>{i === 0 ? `${label(pair.a)} vs ${label(pair.b)}` : ''}</td>
              <td>{segment.name}</td>
              <td data-value={segment.n}>{segment.n.toLocaleString()}</td>
              <Stat value={segment.spearman} />
              <Stat value={segment.kendall} />
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
