import type { NoiseCeiling } from '../../../../shared/analysis';
import { ErrorNotice, ProgressBar } from '../../ui/notices';
import type { useJob } from '../../ui/use-call';
import { dataValue, formatNumber } from '../../ui/format';
import { Term } from '../../ui/Term';

/** "spread agrees with itself under seed 2 at Spearman 0.837, ...: no pair with run 12 can be read beyond that". */
function CeilingLine({ ceiling }: { ceiling: NoiseCeiling }) {
  if (ceiling.reseeded_run === null) {
    return (
      <li data-testid={`noise-ceiling-${ceiling.run}`} data-value="">
        Run {ceiling.run} ({ceiling.model}, seed {ceiling.seed}) is Monte Carlo; its agreement with itself under seed {ceiling.reseeded_seed} is not
        known yet: {ceiling.note}
      </li>
    );
  }
  const jaccard = Object.entries(ceiling.jaccard).map(([k, value]) => `top-${k} overlap ${formatNumber(value)}`);
  return (
    <li data-testid={`noise-ceiling-${ceiling.run}`} data-value={dataValue(ceiling.spearman)}>
      Run {ceiling.run}: {ceiling.model} agrees with itself under seed {ceiling.reseeded_seed} (run {ceiling.reseeded_run}
      {ceiling.source === 'scored' ? ', scored now and stored' : ', stored'}) at <strong>rank agreement {formatNumber(ceiling.spearman)}</strong>, top-weighted
      overlap {formatNumber(ceiling.rbo)}, {jaccard.join(', ')}: no pair with run {ceiling.run} can be read beyond that.
    </li>
  );
}

/**
 * The noise ceilings of the compared Monte Carlo runs. The view asks only for stored re-seeded runs, so opening it
 * never starts a scoring job; a button scores the missing ones in the worker, with progress and cancel.
 */
export function NoiseCeilings({
  ceilings,
  job,
  onScore,
}: {
  ceilings: NoiseCeiling[];
  job: ReturnType<typeof useJob<'analysis.compare'>>;
  onScore: () => void;
}) {
  if (ceilings.length === 0) return null;
  const missing = ceilings.some((ceiling) => ceiling.reseeded_run === null && ceiling.note?.startsWith('no stored run'));
  return (
    <section className="panel" data-panel="noise-ceiling" aria-label="Noise ceiling" data-testid="noise-ceilings">
      <h2>
        <Term id="noise_ceiling" />
      </h2>
      <p className="muted">
        A Monte Carlo model ranks differently under another seed. Its agreement with itself, the same model, parameters and data under the next
        seed, is the most any pair with it can show.
      </p>
      <ul>
        {ceilings.map((ceiling) => (
          <CeilingLine key={ceiling.run} ceiling={ceiling} />
        ))}
      </ul>
      {missing && !job.running && (
        <button type="button" data-testid="score-noise-ceiling" onClick={onScore}>
          Score the missing runs under the next seed (stored as normal runs)
        </button>
      )}
      {job.running && <ProgressBar progress={job.progress ?? { kind: 'job', progress: { fraction: 0, phase: 'noise ceiling' } }} onCancel={job.cancel} />}
      <ErrorNotice error={job.error} />
    </section>
  );
}
