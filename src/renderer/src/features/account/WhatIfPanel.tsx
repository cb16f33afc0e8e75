import type { RunSummary } from '../../../../shared/runs';
import { ErrorNotice, ProgressBar } from '../../ui/notices';
import { BeforeAfterChart } from '../../ui/charts/BeforeAfterChart';
import { formatNumber } from '../../ui/format';
import { useRunLabel } from '../../ui/run-picker';
import type { useWhatIf } from './use-whatif';

interface Props {
  runs: RunSummary[];
  base: number | null;
  onBase: (run: number) => void;
  whatif: ReturnType<typeof useWhatIf>;
}

/** The base run of the what-ifs, the "without endorsements" rescoring, and the last what-if's before and after. */
export function WhatIfPanel({ runs, base, onBase, whatif }: Props) {
  const { result } = whatif;
  const runLabel = useRunLabel();
  return (
    <div>
      <div className="row">
        <label>
          Base run{' '}
          <select value={base ?? ''} onChange={(event) => onBase(Number(event.target.value))} data-testid="whatif-base">
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="whatif-endorsements" disabled={base === null || whatif.running !== null} onClick={() => base !== null && void whatif.start(base, { kinds: ['endorse'] }, 'without endorsements')}>
          Without endorsements
        </button>
        <span className="muted">or “Without this case” below, per case.</span>
      </div>
      {whatif.running && (
        <ProgressBar progress={whatif.progress ?? { kind: 'job', progress: { fraction: 0, phase: `rescoring ${whatif.running}` } }} onCancel={whatif.cancel} />
      )}
      <ErrorNotice error={whatif.error} />
      {result && (
        <div data-testid="whatif-result" data-before={result.before.score ?? ''} data-after={result.after.score ?? ''} data-rank-before={result.before.rank ?? ''} data-rank-after={result.after.rank ?? ''}>
          <p>
            <b>{result.label}</b>: run {result.run} rescored run {result.base} without {formatNumber(result.removed)} interactions.
          </p>
          <BeforeAfterChart before={result.before} after={result.after} />
        </div>
      )}
    </div>
  );
}
