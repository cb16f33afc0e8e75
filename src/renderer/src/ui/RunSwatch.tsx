import { runColor } from './charts/colors';

/** The run's own colour (the one its lines and bars have in every chart), beside its name in cards and tables. */
export function RunSwatch({ runId }: { runId: number }) {
  return <span className="run-swatch" style={{ background: runColor(runId) }} data-testid={`run-swatch-${runId}`} aria-hidden="true" />;
}
