import type { CompareOutput, PairAgreement } from '../../../../shared/analysis';
import type { RunSummary } from '../../../../shared/runs';
import { useRunLabel } from '../../ui/run-picker';
import { dataValue, formatNumber, formatShare } from '../../ui/format';
import { IntervalBar } from '../../ui/charts/IntervalBar';
import { STAT_TERMS } from '../../ui/glossary';
import { Term } from '../../ui/Term';

type Interval = { low: number; high: number } | null | undefined;

/**
 * A statistic as printed (3 significant digits) with its 95% bootstrap interval, "0.83 [0.79, 0.86]", and the API's
 * exact values in data attributes for tests and copy-paste; n/a explained on hover.
 */
function Stat({ value, interval, note, from = -1 }: { value: number | null; interval?: Interval; note?: string; from?: -1 | 0 }) {
  const exact = value === null ? STAT_TERMS.na.tip : interval ? `${formatNumber(value)}, 95% range ${formatNumber(interval.low)} to ${formatNumber(interval.high)}` : formatNumber(value);
  return (
    <td
      data-value={dataValue(value)}
      data-low={interval ? interval.low : undefined}
      data-high={interval ? interval.high : undefined}
      title={note ? `${exact}; ${note}` : exact}
    >
      {formatNumber(value)}
      {interval && <span className="muted"> [{formatNumber(interval.low)}, {formatNumber(interval.high)}]</span>}
      {interval && <> <IntervalBar value={value} low={interval.low} high={interval.high} from={from} /></>}
      {note && <span className="muted"> *</span>}
    </td>
  );
}

/** Share of tied scores in one run, with its largest group. */
function tiesText(ties: PairAgreement['ties']['a']): string {
  return ties.largest_group > 1 ? `${formatShare(ties.tied_share)} (largest ${formatNumber(ties.largest_group)})` : formatShare(ties.tied_share);
}

/** What the figures need said: all-tied rankings and top-k cuts through ties, and how the intervals were made. */
export function CompareNotes({ pairs, bootstrap }: { pairs: PairAgreement[]; bootstrap: CompareOutput['bootstrap'] }) {
  const warnings = [...new Set(pairs.flatMap((pair) => pair.warnings))];
  return (
    <div data-testid="compare-notes" className="muted">
      <p>
        {bootstrap
          ? `[brackets]: the ${STAT_TERMS.interval.name}, from ${bootstrap.resamples} seeded redraws of the accounts (bootstrap, seed ${bootstrap.seed}; ${bootstrap.method}).`
          : 'No intervals (bootstrap off).'}
        {bootstrap?.note ? ` ${bootstrap.note}.` : ''} Tied scores share their mean rank; top-k lists take a tie group
        whole, and * marks a top k that cuts through a tie (hover for the range over the cuts).
      </p>
      {warnings.length > 0 && (
        <ul>
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function useLabel(runs: RunSummary[]) {
  const runLabel = useRunLabel();
  const byId = new Map(runs.map((run) => [run.id, run]));
  return (id: number) => {
    const run = byId.get(id);
    return run ? runLabel(run) : `#${id}`;
  };
}

/**
 * Per pair of runs: overlap, whole-ranking correlations, top-k Jaccard and rank-biased overlap. Ten columns share
 * about 780 px at a 1024 px window; the glossary's full names ("Top-weighted overlap (RBO)") set each column's
 * narrowest width by their longest word and made the table 73 px too wide, so headers are short and each names
 * the statistic in full on hover.
 */
export function PairTable({ runs, pairs }: { runs: RunSummary[]; pairs: PairAgreement[] }) {
  const label = useLabel(runs);
  const ks = Object.keys(pairs[0]?.jaccard ?? {}).sort((a, b) => Number(a) - Number(b));
  return (
    <table data-testid="pair-table">
      <thead>
        <tr>
          <th>Run A</th>
          <th>Run B</th>
          <th>
            <Term id="n" short="In both" />
          </th>
          <th>
            <Term id="spearman" short="Spearman ρ" />
          </th>
          <th>
            <Term id="kendall_tau_b" short="Kendall τ-b" />
          </th>
          {ks.map((k) => (
            <th key={k}>
              <Term id="jaccard" short={`Top-${k} overlap`} />
            </th>
          ))}
          <th>
            <Term id="rbo" short="RBO" />
          </th>
          <th>
            <Term id="only" short="Only A / B" />
          </th>
          <th>
            <Term id="tied_share" short="Tied A / B" />
          </th>
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
            <td data-value={pair.n}>{formatNumber(pair.n)}</td>
            <Stat value={pair.spearman} interval={pair.intervals?.spearman} />
            <Stat value={pair.kendall_tau_b} interval={pair.intervals?.kendall_tau_b} />
            {ks.map((k) => {
              const range = pair.jaccard_range[k];
              const cut = range && range.min !== range.max ? `a tie straddles place ${k}: depending on which tied accounts are counted, the overlap is ${formatNumber(range.min)} to ${formatNumber(range.max)}` : undefined;
              return <Stat key={k} value={pair.jaccard[k] ?? null} interval={pair.intervals?.jaccard[k]} note={cut} from={0} />;
            })}
            <Stat value={pair.rbo} interval={pair.intervals?.rbo} from={0} />
            <td>
              {formatNumber(pair.only_a)} / {formatNumber(pair.only_b)}
            </td>
            <td data-tied-a={dataValue(pair.ties.a.tied_share)} data-tied-b={dataValue(pair.ties.b.tied_share)}>
              {tiesText(pair.ties.a)} / {tiesText(pair.ties.b)}
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
          <th>
            <Term id="segment" short="Segment" />
          </th>
          <th>
            <Term id="n" />
          </th>
          <th>
            <Term id="spearman" />
          </th>
          <th>
            <Term id="kendall_tau_b" />
          </th>
        </tr>
      </thead>
      <tbody>
        {pairs.flatMap((pair) => {
          const segments = [
            { id: 'all', name: 'all', tied: 0, ...pair, intervals: pair.intervals },
            { id: 'top10', name: 'top 10%', tied: pair.segments.top10.tied_past_cut, ...pair.segments.top10, intervals: pair.intervals?.segments.top10 },
            { id: 'top1', name: 'top 1%', tied: pair.segments.top1.tied_past_cut, ...pair.segments.top1, intervals: pair.intervals?.segments.top1 },
          ];
          return segments.map((segment, i) => (
            <tr key={`${pair.a}-${pair.b}-${segment.id}`} data-testid={`segment-${pair.a}-${pair.b}-${segment.id}`}>
              <td>{i === 0 ? `${label(pair.a)} vs ${label(pair.b)}` : ''}</td>
              <td>{segment.name}</td>
              <td data-value={segment.n} title={segment.tied > 0 ? `${segment.tied} accounts tied with the last one inside the segment are in it too` : undefined}>
                {formatNumber(segment.n)}
                {segment.tied > 0 && <span className="muted"> (+{formatNumber(segment.tied)} tied)</span>}
              </td>
              <Stat value={segment.spearman} interval={segment.intervals?.spearman} />
              <Stat value={segment.kendall_tau_b} interval={segment.intervals?.kendall_tau_b} />
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
