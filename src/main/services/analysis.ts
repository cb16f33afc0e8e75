import type { PairAgreement, PairIntervals } from '../../shared/analysis';
import { alignRuns } from '../analysis/align';
import { bootstrapAgreement, BootstrapCancelledError } from '../analysis/bootstrap';
import { platformIdOrder, platformIdPositions } from '../analysis/canonical-order';
import { reconstructedCascadeNodes, storedCascadeNodes } from '../analysis/cascade-nodes';
import { cascadeMetrics } from '../analysis/cascades';
import { egoNetwork, UnknownAccountError } from '../analysis/ego';
import { describeDistribution } from '../analysis/distribution';
import { agreementOf, prepareComparison, type PreparedComparison } from '../analysis/rank-agreement';
import { readRunResults, type RunRow } from '../store/runs';
import { rankScores } from '../scoring/rank';
import type { In, Out, ServiceContext } from './context';
import { ServiceError } from './errors';
import { noiseCeilings } from './noise-ceiling';
import { explainAccounts, runRef } from './results';
import { requireDataset } from './datasets';
import { requireRun } from './runs';

function requireSameDataset(runs: RunRow[]): void {
  const other = runs.find((run) => run.datasetId !== runs[0]!.datasetId);
  if (other) {
    throw new ServiceError(
      'invalid_input',
      `runs ${runs[0]!.id} and ${other.id} score different datasets ("${runs[0]!.datasetName}", "${other.datasetName}"); compare runs of one dataset`,
    );
  }
}

type BootstrapPlan = NonNullable<Out<'analysis.compare'>['bootstrap']>;

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

async function resample(
  context: ServiceContext,
  datasetId: number,
  accountIds: Int32Array,
  comparison: PreparedComparison,
  input: In<'analysis.compare'>,
  plan: BootstrapPlan,
): Promise<PairIntervals> {
  const canonical = platformIdOrder(context.db, datasetId, accountIds);
  try {
    const options = { resamples: plan.resamples, seed: plan.seed, k: input.k, p: input.p, canonical, signal: context.signal };
    return await bootstrapAgreement(comparison, options);
  } catch (error) {
    if (error instanceof BootstrapCancelledError) throw new ServiceError('cancelled', error.message);
    throw error;
  }
}

/** Comparing runs: rank agreement, the accounts they disagree on, and one run's score distribution. */
export const analysisHandlers = {
  'analysis.compare': async (context: ServiceContext, input: In<'analysis.compare'>): Promise<Out<'analysis.compare'>> => {
    const runs = input.runs.map((id) => requireRun(context, id));
    requireSameDataset(runs);
    const results = runs.map((run) => readRunResults(context.db, run.id));
    const pairs: PairAgreement[] = [];
    let bootstrap: BootstrapPlan | null = null;
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const aligned = alignRuns(results[i]!, results[j]!);
        const comparison = prepareComparison(aligned);
        const labels = { a: `run ${runs[i]!.id}`, b: `run ${runs[j]!.id}` };
        const agreement = agreementOf(comparison, { k: input.k, p: input.p, labels });
        bootstrap ??= bootstrapPlan(input.bootstrap, input.bootstrap_seed, aligned.accountIds.length);
        const intervals = bootstrap.resamples === 0 ? null : await resample(context, runs[0]!.datasetId, aligned.accountIds, comparison, input, bootstrap);
        pairs.push({ a: runs[i]!.id, b: runs[j]!.id, ...agreement, intervals });
      }
    }
    const noise_ceiling = await noiseCeilings(context, runs, input.noise_ceiling, { k: input.k, p: input.p });
    return { pairs, bootstrap: bootstrap && bootstrap.resamples > 0 ? bootstrap : null, noise_ceiling };
  },
  'analysis.disagreements': async (
    context: ServiceContext,
    input: In<'analysis.disagreements'>,
  ): Promise<Out<'analysis.disagreements'>> => {
    const [runA, runB] = input.runs.map((id) => requireRun(context, id)) as [RunRow, RunRow];
    requireSameDataset([runA, runB]);
    const aligned = alignRuns(readRunResults(context.db, runA.id), readRunResults(context.db, runB.id));
    const rankA = rankScores(aligned.a).rank;
    const rankB = rankScores(aligned.b).rank;
    const candidates: { index: number; ratio: number }[] = [];
    for (let i = 0; i < aligned.accountIds.length; i++) {
      if (rankA[i]! > 0 && rankB[i]! > 0) candidates.push({ index: i, ratio: Math.abs(Math.log(rankA[i]! / rankB[i]!)) });
    }
    // Equal ratios by the better of the two ranks, then by platform id: never by storage order.
    const position = platformIdPositions(context.db, runA.datasetId, aligned.accountIds);
    const better = (index: number) => Math.min(rankA[index]!, rankB[index]!);
    candidates.sort((x, y) => y.ratio - x.ratio || better(x.index) - better(y.index) || position[x.index]! - position[y.index]!);
    const chosen = candidates.slice(0, input.limit);
    const platformId = context.db.prepare('SELECT platform_id FROM accounts WHERE id = ?').pluck();
    const references = chosen.map(({ index }) => platformId.get(aligned.accountIds[index]!) as string);
    const [explainedA, explainedB] = await Promise.all([
      explainAccounts(context, runA, references, 5),
      explainAccounts(context, runB, references, 5),
    ]);
    return {
      a: runRef(runA),
      b: runRef(runB),
      accounts: chosen.map(({ index, ratio }, i) => ({
        account: explainedA[i]!.account,
        rank_a: rankA[index]!,
        rank_b: rankB[index]!,
        score_a: explainedA[i]!.score,
        score_b: explainedB[i]!.score,
        log_rank_ratio: ratio,
        explanation_a: explainedA[i]!,
        explanation_b: explainedB[i]!,
      })),
    };
  },
  'analysis.distribution': async (
    context: ServiceContext,
    input: In<'analysis.distribution'>,
  ): Promise<Out<'analysis.distribution'>> => {
    const run = requireRun(context, input.run);
    const { outputs } = readRunResults(context.db, run.id);
    const column = outputs.find(([name]) => name === input.output);
    if (!column) {
      throw new ServiceError('invalid_input', `run ${run.id} has no output "${input.output}"; it has ${outputs.map(([name]) => name).join(', ')}`);
    }
    const distribution = describeDistribution(column[1], { bins: input.bins, ccdfPoints: input.ccdf_points });
    return { run: run.id, output: input.output, ...distribution };
  },
  'analysis.cascades': async (context: ServiceContext, input: In<'analysis.cascades'>): Promise<Out<'analysis.cascades'>> =>
    cascadeMetrics(context.db, requireDataset(context, input.dataset).id, { source: input.source }),
  'analysis.ego': async (context: ServiceContext, input: In<'analysis.ego'>): Promise<Out<'analysis.ego'>> => {
    const dataset = requireDataset(context, input.dataset);
    try {
      return egoNetwork(context.db, dataset.id, input.account, { depth: input.depth, limit: input.limit, seed: input.seed });
    } catch (error) {
      if (error instanceof UnknownAccountError) throw new ServiceError('not_found', error.message);
      throw error;
    }
  },
  'analysis.cascade': async (context: ServiceContext, input: In<'analysis.cascade'>): Promise<Out<'analysis.cascade'>> => {
    const dataset = requireDataset(context, input.dataset);
    if (input.source === 'tree') {
      const owner = context.db.prepare('SELECT dataset_id FROM cascades WHERE id = ?').pluck().get(input.cascade_id) as number | undefined;
      if (input.cascade_id === null || owner !== dataset.id) throw new ServiceError('not_found', `no stored cascade ${input.cascade_id} in "${dataset.name}"`);
      return storedCascadeNodes(context.db, input.cascade_id);
    }
    const nodes = reconstructedCascadeNodes(context.db, dataset.id, input.root_post_id);
    if (nodes.nodes.length === 0) throw new ServiceError('not_found', `no post ${input.root_post_id} in "${dataset.name}"`);
    return nodes;
  },
};
