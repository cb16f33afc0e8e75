import { useMemo, useState } from 'react';
import type { DistributionOutput } from '../../../../shared/analysis';
import type { RunSummary } from '../../../../shared/runs';
import { ChartFrame, Segmented } from '../../ui/charts/ChartFrame';
import { LineChart, type Series } from '../../ui/charts/LineChart';
import type { Marker } from '../../ui/charts/draw';
import { Term } from '../../ui/Term';
import { formatNumber } from '../../ui/format';

export interface RunDistribution {
  run: RunSummary;
  /** The run's one label (useRunLabel), the same as on every other view. */
  label: string;
  color: string;
  distribution: DistributionOutput;
}

const HEIGHT = 320;

/** The one value every scored account of the run has, or null when the scores differ (or there are none). */
export const constantScore = ({ n, min, max }: DistributionOutput): number | null => (n > 0 && min !== null && min === max ? min : null);

/** What a constant run's line says, and why it is a line: every account shares one score, there is no spread. */
const constantNote = (label: string, distribution: DistributionOutput, value: number): string =>
  `every one of the ${formatNumber(distribution.n)} scored accounts of ${label} scores ${formatNumber(value)}: ` +
  'there is no spread to draw, so the run is the dashed line at that score';

/** Constant runs as labelled spikes: their whole count at their one value (histogram), or a share of 1 (CCDF). */
function constantMarkers(runs: RunDistribution[], top: (distribution: DistributionOutput) => number): (Marker & { legend: string })[] {
  return runs.flatMap(({ label, color, distribution }) => {
    const value = constantScore(distribution);
    return value === null
      ? []
      : [{ x: value, y: top(distribution), color, label: `all ${formatNumber(distribution.n)} at ${formatNumber(value)}`, legend: label }];
  });
}

/** The note above the charts when some runs are constant, or nothing. */
export function ConstantNote({ runs }: { runs: RunDistribution[] }) {
  const notes = runs.flatMap(({ label, distribution }) => {
    const value = constantScore(distribution);
    return value === null ? [] : [constantNote(label, distribution, value)];
  });
  if (notes.length === 0) return null;
  return (
    <div className="notice info" data-testid="constant-runs">
      {notes.join('; ')}.
    </div>
  );
}

/**
 * Overlaid histograms of the runs' scores. Log bins (equal widths in log score) show a heavy tail that linear bins
 * crush into the first bar; a run with scores at or below zero has no log bins and is left out of that view.
 */
export function HistogramChart({ runs }: { runs: RunDistribution[] }) {
  const [binning, setBinning] = useState<'log' | 'linear'>('log');
  const log = binning === 'log';
  const series = useMemo<Series[]>(
    () =>
      runs.flatMap(({ label, color, distribution }) => {
        if (constantScore(distribution) !== null) return [];
        const bins = log ? distribution.histogram.log : distribution.histogram.linear;
        const last = bins?.at(-1);
        // A step curve needs the last bin's right edge as a final point to draw that bin's top.
        return bins && last
          ? [{ label, color, points: [...bins.map((bin): [number, number] => [bin.from, bin.count]), [last.to, last.count]] }]
          : [];
      }),
    [runs, log],
  );
  const markers = useMemo(() => constantMarkers(runs, (distribution) => distribution.n), [runs]);
  // Log bins cannot hold scores at or below zero: say how many accounts each run leaves out, or that it has none.
  // A constant run is explained by its own note, not as a run without log bins.
  const leftOut = log
    ? runs.flatMap(({ label, distribution, distribution: { histogram } }) =>
        constantScore(distribution) !== null
          ? []
          : histogram.log === null
          ? [`${label} has no log bins (some scores are zero or negative)`]
          : histogram.zeroOrNegative > 0
            ? [`${formatNumber(histogram.zeroOrNegative)} accounts of ${label} score zero or less and are not shown`]
            : [],
      )
    : [];
  return (
    <ChartFrame
      title="Histogram"
      name="histogram"
      controls={
        <Segmented
          label="Histogram bins"
          testId="hist-scale"
          value={binning}
          onChange={setBinning}
          options={[
            { value: 'log', label: 'log bins' },
            { value: 'linear', label: 'linear bins' },
          ]}
        />
      }
    >
      {(width) => (
        <>
          {leftOut.length > 0 && (
            <div className="notice info" data-testid="hist-left-out">
              {leftOut.join('; ')}.
            </div>
          )}
          <LineChart series={series} markers={markers} width={width} height={HEIGHT} xLog={log} yLog={false} step labels={{ x: 'score', y: 'accounts' }} testId="histogram" />
        </>
      )}
    </ChartFrame>
  );
}

/** The share of accounts scoring at least x. On log-log axes a power-law tail is a straight line. */
export function CcdfChart({ runs }: { runs: RunDistribution[] }) {
  const [axes, setAxes] = useState<'log' | 'linear'>('log');
  const series = useMemo<Series[]>(
    () =>
      runs.flatMap(({ label, color, distribution }) =>
        constantScore(distribution) === null
          ? [{ label, color, points: distribution.ccdf.map((point): [number, number] => [point.x, point.p]) }]
          : [],
      ),
    [runs],
  );
  const markers = useMemo(() => constantMarkers(runs, () => 1), [runs]);
  const log = axes === 'log';
  return (
    <ChartFrame
      title="CCDF"
      name="ccdf"
      controls={
        <Segmented
          label="CCDF axes"
          testId="ccdf-scale"
          value={axes}
          onChange={setAxes}
          options={[
            { value: 'log', label: 'log-log' },
            { value: 'linear', label: 'linear' },
          ]}
        />
      }
    >
      {(width) => (
        <>
          <p className="muted" style={{ margin: '0 0 4px', fontSize: 12 }}>
            Each line is a run's <Term id="ccdf" />.
          </p>
          <LineChart series={series} markers={markers} width={width} height={HEIGHT} xLog={log} yLog={log} labels={{ x: 'score x', y: 'P(score ≥ x)' }} testId="ccdf" />
        </>
      )}
    </ChartFrame>
  );
}
