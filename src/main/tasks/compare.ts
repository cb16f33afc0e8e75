import type { CompareOutput, PairAgreement } from '../../shared/analysis';
import { alignRuns } from '../analysis/align';
import { bootstrapAgreement } from '../analysis/bootstrap';
import { platformIdOrder } from '../analysis/canonical-order';
import { agreementOf, prepareComparison } from '../analysis/rank-agreement';
import type { JobControls } from '../jobs/worker-runtime';
import { readRunResults } from '../store/runs';
import { withReadConnection } from './connection';

/** Rank agreement of every pair of `runs` (stored runs of one dataset, checked by the caller). */
export interface CompareJob {
  dbPath: string;
  datasetId: number;
  runs: number[];
  k: number[];
  p: number;
  /** Resamples asked for; left out, the budgeted default (bootstrapPlan); 0 turns the intervals off. */
  bootstrap?: number;
  bootstrapSeed: number;
}

export type CompareJobResult = Pick<CompareOutput, 'pairs' | 'bootstrap'>;
type BootstrapPlan = NonNullable<CompareOutput['bootstrap']>;

const DEFAULT_RESAMPLES = 200;
const FEWEST_BUDGETED_RESAMPLES = 20;
/**
 * Account draws a default bootstrap may spend: a resample costs about 0.13 s per million accounts (measured on two
 * 1M-account runs: 60 ms the all-account correlations, 20 ms the top 10%, 13 ms the draws, 25 ms RBO and top-k), so
 * 20M draws keep the default under about 3 s: all 200 resamples up to 100,000 accounts, 20 at a million.
 */
export const BOOTSTRAP_DRAW_BUDGET = 20_000_000;

function bootstrapPlan(requested: number | undefined, seed: number, accounts: number): BootstrapPlan {
  const method = 'percentile; accounts resampled with replacement, drawn in platform-id order';
  if (requested !== undefined) return { resamples: requested, requested, seed, level: 0.95, method, note: null };
  const fitting = Math.max(FEWEST_BUDGETED_RESAMPLES, Math.floor(BOOTSTRAP_DRAW_BUDGET / Math.max(1, accounts)));
  const resamples = Math.min(DEFAULT_RESAMPLES, fitting);
  const note =
    resamples < DEFAULT_RESAMPLES
      ? `${resamples} resamples instead of ${DEFAULT_RESAMPLES}: ${accounts} accounts x ${DEFAULT_RESAMPLES} would take about ` +
        `${Math.round((accounts / 1e6) * 0.13 * DEFAULT_RESAMPLES)} s; ask for them with --bootstrap ${DEFAULT_RESAMPLES}`
      : null;
  return { resamples, requested: DEFAULT_RESAMPLES, seed, level: 0.95, method, note };
}

/** The pairs (i, j), i < j, in the order compare lists them. */
function pairsOf(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}

/**
 * Reads the runs' scores on the job's own connection and measures every pair, with bootstrap intervals; progress
 * counts pairs, and a cancel is seen between resamples (about 0.1 s apart at a million accounts).
 */
export function compare(job: CompareJob, controls: JobControls) {
  return withReadConnection(job.dbPath, (db) => {
    const results = job.runs.map((id) => readRunResults(db, id));
    const pairs: PairAgreement[] = [];
    let plan: BootstrapPlan | null = null;
    const all = pairsOf(job.runs.length);
    for (const [at, [i, j]] of all.entries()) {
      controls.checkCancelled();
      const phase = `comparing run ${job.runs[i]} with run ${job.runs[j]}`;
      controls.progress(at / all.length, phase);
      const aligned = alignRuns(results[i]!, results[j]!);
      const comparison = prepareComparison(aligned);
      const agreement = agreementOf(comparison, { k: job.k, p: job.p, labels: { a: `run ${job.runs[i]}`, b: `run ${job.runs[j]}` } });
      plan ??= bootstrapPlan(job.bootstrap, job.bootstrapSeed, aligned.accountIds.length);
      const resamples = plan.resamples;
      const intervals =
        resamples === 0
          ? null
          : bootstrapAgreement(comparison, {
              resamples,
              seed: plan.seed,
              k: job.k,
              p: job.p,
              canonical: platformIdOrder(db, job.datasetId, aligned.accountIds),
              beforeResample: (done) => {
                controls.checkCancelled();
                controls.progress((at + done / resamples) / all.length, `${phase}: bootstrap`);
              },
            });
      pairs.push({ a: job.runs[i]!, b: job.runs[j]!, ...agreement, intervals });
    }
    return { value: { pairs, bootstrap: plan && plan.resamples > 0 ? plan : null } };
  });
}
