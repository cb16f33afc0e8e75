import type { NoiseCeiling } from '../../shared/analysis';
import { findModel } from '../../shared/models';
import type { RunManifest } from '../../shared/runs';
import { findRun, type RunRow } from '../store/runs';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import { jobValue } from './jobs';
import { requireReproducible, score } from './runs';

export type NoiseCeilingMode = 'score' | 'stored' | 'off';

const LARGEST_SEED = 2 ** 31 - 1;

/** The other seed: the next one, or the one before for the largest seed runs.score accepts. */
export const reseededSeed = (seed: number) => (seed < LARGEST_SEED ? seed + 1 : seed - 1);

/** JSON with object keys sorted, so two parameter objects built in another key order still match. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

/** What must be equal for another run to be this run under another seed: data, model, parameters, restriction. */
function sameRecipe(a: RunManifest, b: RunManifest): boolean {
  const recipe = (m: RunManifest) =>
    canonicalJson([m.dataset.contentHash, m.model.id, m.model.version, m.params, m.window ?? null, m.whatIf ? [m.whatIf.base, m.whatIf.removal] : null]);
  return recipe(a) === recipe(b);
}

/** The lowest-numbered stored run that is `run` under `seed`, so repeated compares always read the same one. */
function findReseeded(context: ServiceContext, run: RunRow, seed: number): number | null {
  const candidates = context.db
    .prepare('SELECT id FROM runs WHERE dataset_id = ? AND model_id = ? AND model_version = ? AND seed = ? ORDER BY id')
    .pluck()
    .all(run.datasetId, run.manifest.model.id, run.manifest.model.version, seed) as number[];
  return candidates.find((id) => sameRecipe(findRun(context.db, id)!.manifest, run.manifest)) ?? null;
}

/** Scores `run`'s recipe under `seed` through the scoring worker and stores it as a normal run. */
async function scoreReseeded(context: ServiceContext, run: RunRow, seed: number): Promise<number> {
  const { manifest } = run;
  const output = await score(context, {
    dataset: { id: run.datasetId, name: run.datasetName },
    modelId: manifest.model.id,
    params: manifest.params,
    seed,
    ...(manifest.whatIf ? { whatIf: { base: manifest.whatIf.base, removal: manifest.whatIf.removal } } : {}),
    ...(manifest.window ? { window: manifest.window } : {}),
  });
  return output.run.id;
}

function unavailable(run: RunRow, seed: number, note: string): NoiseCeiling {
  const base = { run: run.id, model: run.manifest.model.id, seed: run.manifest.seed, reseeded_seed: seed, reseeded_run: null };
  return { ...base, source: 'unavailable', n: 0, spearman: null, kendall_tau_b: null, rbo: null, jaccard: {}, note };
}

/** The seed-vs-seed agreement of one Monte Carlo run (SPEC "Uncertainty"), with the figures compare reports. */
async function noiseCeilingOf(
  context: ServiceContext,
  run: RunRow,
  mode: Exclude<NoiseCeilingMode, 'off'>,
  options: { k: number[]; p: number },
): Promise<NoiseCeiling> {
  const seed = reseededSeed(run.manifest.seed);
  let reseeded = findReseeded(context, run, seed);
  let source: NoiseCeiling['source'] = 'found';
  if (reseeded === null) {
    if (mode === 'stored') return unavailable(run, seed, `no stored run of this recipe with seed ${seed}; compare with noise_ceiling "score" scores it`);
    try {
      await requireReproducible(context, run, 'scored again under another seed');
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'conflict') return unavailable(run, seed, error.message);
      throw error;
    }
    reseeded = await scoreReseeded(context, run, seed);
    source = 'scored';
  }
  const job = { dbPath: context.db.name, datasetId: run.datasetId, runs: [run.id, reseeded], ...options, bootstrap: 0, bootstrapSeed: 0 };
  const agreement = (await jobValue(context, 'compare', job)).pairs[0]!;
  return {
    run: run.id,
    model: run.manifest.model.id,
    seed: run.manifest.seed,
    reseeded_seed: seed,
    reseeded_run: reseeded,
    source,
    n: agreement.n,
    spearman: agreement.spearman,
    kendall_tau_b: agreement.kendall_tau_b,
    rbo: agreement.rbo,
    jaccard: agreement.jaccard,
    note: null,
  };
}

/**
 * Noise ceilings of the compared runs whose model is Monte Carlo, one after another (each may start a scoring
 * job; the progress phase names the run), in the order the runs were given.
 */
export async function noiseCeilings(
  context: ServiceContext,
  runs: RunRow[],
  mode: NoiseCeilingMode,
  options: { k: number[]; p: number },
): Promise<NoiseCeiling[]> {
  if (mode === 'off') return [];
  const distinct = [...new Map(runs.map((run) => [run.id, run])).values()];
  const stochastic = distinct.filter((run) => findModel(run.manifest.model.id)?.stochastic === true);
  const ceilings: NoiseCeiling[] = [];
  for (const run of stochastic) {
    const report = context.onJobProgress;
    const step: ServiceContext = {
      ...context,
      onJobProgress: report && ((p) => report({ ...p, phase: `noise ceiling of run ${run.id} (seed ${reseededSeed(run.manifest.seed)}): ${p.phase}` })),
    };
    ceilings.push(await noiseCeilingOf(step, run, mode, options));
  }
  return ceilings;
}
