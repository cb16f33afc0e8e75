import { scaleLinear } from 'd3';
import { formatNumber } from '../format';

export interface Standing {
  score: number | null;
  rank: number | null;
}

const WIDTH = 320;
const BAR = 22;

/**
 * Two bars: the score with all interactions and without the removed ones, each with its rank. Plain SVG from d3
 * scales (no DOM work), so the HTML report can render the same chart to static markup.
 */
export function BeforeAfterChart({ before, after }: { before: Standing; after: Standing }) {
  const max = Math.max(before.score ?? 0, after.score ?? 0) || 1;
  const x = scaleLinear().domain([0, max]).range([0, WIDTH - 170]);
  const rows = [
    { label: 'with', standing: before, color: '#2f5fd0' },
    { label: 'without', standing: after, color: '#d08a2f' },
  ];
  return (
    <svg
      width={WIDTH}
      height={rows.length * (BAR + 10) + 6}
      role="img"
      aria-label="Score with and without"
      data-testid="whatif-before-after"
      data-before={before.score ?? ''}
      data-after={after.score ?? ''}
    >
      {rows.map(({ label, standing, color }, i) => (
        <g key={label} transform={`translate(0,${i * (BAR + 10) + 4})`}>
          <text x={0} y={BAR / 2 + 4} fontSize={12}>
            {label}
          </text>
          <rect x={56} width={Math.max(1, x(standing.score ?? 0))} height={BAR} fill={color} />
          <text x={60 + x(standing.score ?? 0)} y={BAR / 2 + 4} fontSize={12}>
            {standing.score === null ? 'unscored' : formatNumber(standing.score)}
            {standing.rank !== null ? ` (#${standing.rank})` : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}
