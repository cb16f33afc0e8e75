import { extent, line, scaleLinear } from 'd3';
import type { WindowsOutput } from '../../../../shared/windows';

const W = 640;
const H = 220;
const M = { top: 12, right: 40, bottom: 40, left: 56 };

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
  const every = Math.ceil(points.length / 8);
  return (
    <svg width={W} height={H} role="img" aria-label="Score per window" data-testid="windows-chart">
      {y.ticks(5).map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line x1={M.left} x2={W - M.right} stroke="#eceef2" />
          <text x={M.left - 6} y={4} fontSize={11} textAnchor="end" fill="#5b6475">
            {t.toPrecision(3)}
          </text>
        </g>
      ))}
      {points.map((p) =>
        p.i % every === 0 ? (
          <text key={p.i} x={x(p.i)} y={H - M.bottom + 16} fontSize={11} textAnchor="middle" fill="#5b6475">
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
          <title>{`${p.label}: ${p.score.toPrecision(4)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
