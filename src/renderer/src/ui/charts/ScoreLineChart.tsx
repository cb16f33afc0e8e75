import { extent, line, scaleLinear } from 'd3';
import type { WindowsOutput } from '../../../../shared/windows';
import { formatNumber } from '../format';
import { planTicks } from './axes';
import { textWidth } from './text-extent';

const W = 640;
const H = 220;
const M = { top: 12, right: 40, bottom: 40, left: 56 };
const DATE_FONT_PX = 11;
/** Room between two date labels: less and "2023-03-312023-04-30" reads as one. */
const DATE_GAP = 8;

/** Every how many windows a date is labelled, so that 10-character dates at 11px never touch. */
export function dateLabelStep(count: number, plotWidth: number, sample: string): number {
  const spacing = plotWidth / Math.max(1, count - 1);
  return Math.max(1, Math.ceil((textWidth(sample, DATE_FONT_PX) + DATE_GAP) / spacing));
}

/**
 * The account's score per window as a line, a point per window. JSX over d3 scales rather than d3 selections, so
 * the HTML report renders the same chart to static SVG; clicking the point after a change selects that change.
 */
export function ScoreLineChart({ windows, selected, onSelect }: { windows: WindowsOutput['windows']; selected?: number; onSelect?: (index: number) => void }) {
  const points = windows.map((w, i) => ({ i, score: w.account?.score ?? null, label: w.to.slice(0, 10) }));
  const scored = points.filter((p): p is typeof p & { score: number } => p.score !== null);
  const [low = 0, high = 1] = extent(scored, (p) => p.score);
  const x = scaleLinear().domain([0, Math.max(1, points.length - 1)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([Math.min(0, low), high === low ? high + 1 : high]).nice().range([H - M.bottom, M.top]);
  // Unscored windows break the line instead of drawing it down to zero.
  const path = line<(typeof points)[number]>()
    .defined((p) => p.score !== null)
    .x((p) => x(p.i))
    .y((p) => y(p.score ?? 0))(points);
  const every = dateLabelStep(points.length, W - M.left - M.right, points[0]?.label ?? '');
  // The y labels planned like every other chart's: SI from 1000 (12k, not 1.20e+4), thinned until apart.
  const yTicks = planTicks(y, 'left', [0, H - M.bottom + 6], M.left);
  return (
    <svg width={W} height={H} role="img" aria-label="Score per window" data-testid="windows-chart">
      {yTicks.map((tick) => (
        <g key={tick.value} transform={`translate(0,${y(tick.value)})`}>
          <line x1={M.left} x2={W - M.right} stroke="#eceef2" />
          <text x={M.left - 9} y={4} fontSize={10} textAnchor="end" fill="#5b6475">
            {tick.text}
          </text>
        </g>
      ))}
      {points.map((p) =>
        p.i % every === 0 ? (
          <text key={p.i} x={x(p.i)} y={H - M.bottom + 16} fontSize={DATE_FONT_PX} textAnchor="middle" fill="#5b6475">
            {p.label}
          </text>
        ) : null,
      )}
      <text x={W / 2} y={H - 6} fontSize={11} textAnchor="middle" fill="#5b6475">
        window end
      </text>
      <path d={path ?? ''} fill="none" stroke="#2f5fd0" strokeWidth={2} />
      {scored.map((p) => (
        <circle
          key={p.i}
          cx={x(p.i)}
          cy={y(p.score)}
          r={p.i === selected ? 6 : 4}
          fill={p.i === selected ? '#d08a2f' : '#2f5fd0'}
          style={onSelect && p.i > 0 ? { cursor: 'pointer' } : undefined}
          onClick={onSelect && p.i > 0 ? () => onSelect(p.i) : undefined}
        >
          <title>{`${p.label}: ${formatNumber(p.score)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
