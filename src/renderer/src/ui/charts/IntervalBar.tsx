/** The scale every agreement figure lives on: correlations from -1, overlaps and RBO from 0, all up to 1. */
const WIDTH = 64;
const HEIGHT = 10;

/**
 * A 95% interval drawn as a bar on a fixed scale, with the figure as a tick: at a glance, a wide bar is a figure to
 * read with care. The scale is fixed (not fitted to the data) so that bars in one table compare with each other.
 */
export function IntervalBar({ value, low, high, from }: { value: number | null; low: number; high: number; from: -1 | 0 }) {
  const x = (v: number) => ((Math.min(1, Math.max(from, v)) - from) / (1 - from)) * WIDTH;
  return (
    <svg className="interval-bar" width={WIDTH} height={HEIGHT} role="img" aria-label={`95% interval ${low} to ${high}`}>
      <line x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="#d0d5dd" />
      {from === -1 && <line x1={x(0)} x2={x(0)} y1={2} y2={HEIGHT - 2} stroke="#98a2b3" />}
      <rect x={x(low)} y={2} width={Math.max(1, x(high) - x(low))} height={HEIGHT - 4} fill="#7aa2e3" />
      {value !== null && <line x1={x(value)} x2={x(value)} y1={0} y2={HEIGHT} stroke="#1d3f8f" strokeWidth={2} />}
    </svg>
  );
}
