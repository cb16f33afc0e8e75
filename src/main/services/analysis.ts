import type { RunRow } from '../store/runs';
import type { In, Out, ServiceContext } from './context';
import { ServiceError } from './errors';
import { jobValue } from './jobs';
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

/**
 * Comparing runs: rank agreement, the accounts they disagree on, one run's score distribution, cascades and ego
 * networks. Each reads whole runs or scans a dataset, so each runs as a job in the pool (tasks/) on a connection of
 * its own; the engine checks the runs or dataset, awaits the job and answers other calls meanwhile.
 */
export const analysisHandlers = {
  'analysis.compare': async (context: ServiceContext, input: In<'analysis.compare'>): Promise<Out<'analysis.compare'>> => {
    const runs = input.runs.map((id) => requireRun(context, id));
    requireSameDataset(runs);
    const { pairs, bootstrap } = await jobValue(context, 'compare', {
      dbPath: context.db.name,
      datasetId: runs[0]!.datasetId,
      runs: runs.map((run) => run.id),
      k: input.k,
      p: input.p,
      bootstrap: input.bootstrap,
      bootstrapSeed: input.bootstrap_seed,
    });
    const noise_ceiling = await noiseCeilings(context, runs, input.noise_ceiling, { k: input.k, p: input.p });
    return { pairs, bootstrap, noise_ceiling };
  },
  'analysis.disagreements': async (
    context: ServiceContext,
    input: In<'analysis.disagreements'>,
  ): Promise<Out<'analysis.disagreements'>> => {
    const [runA, runB] = input.runs.map((id) => requireRun(context, id)) as [RunRow, RunRow];
    requireSameDataset([runA, runB]);
    const chosen = await jobValue(context, 'disagreements', { dbPath: context.db.name, datasetId: runA.datasetId, runs: [runA.id, runB.id], limit: input.limit });
    const references = chosen.map((account) => account.accountId);
    const [explainedA, explainedB] = await Promise.all([
      explainAccounts(context, runA, references, 5),
      explainAccounts(context, runB, references, 5),
    ]);
    return {
      a: runRef(runA),
      b: runRef(runB),
      accounts: chosen.map(({ rankA, rankB, ratio }, i) => ({
        account: explainedA[i]!.account,
        rank_a: rankA,
        rank_b: rankB,
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
    const { output, bins, ccdf_points: ccdfPoints } = input;
    return jobValue(context, 'distribution', { dbPath: context.db.name, runId: run.id, output, bins, ccdfPoints });
  },
  'analysis.cascades': async (context: ServiceContext, input: In<'analysis.cascades'>): Promise<Out<'analysis.cascades'>> =>
    jobValue(context, 'cascades', { dbPath: context.db.name, datasetId: requireDataset(context, input.dataset).id, source: input.source }),
  'analysis.ego': async (context: ServiceContext, input: In<'analysis.ego'>): Promise<Out<'analysis.ego'>> => {
    const dataset = requireDataset(context, input.dataset);
    const { account, depth, limit, seed } = input;
    return jobValue(context, 'ego', { dbPath: context.db.name, datasetId: dataset.id, account, depth, limit, seed });
  },
  'analysis.cascade': async (context: ServiceContext, input: In<'analysis.cascade'>): Promise<Out<'analysis.cascade'>> => {
    const dataset = requireDataset(context, input.dataset);
    const read = { dbPath: context.db.name, datasetId: dataset.id };
    if (input.source === 'tree') {
      const owner = context.db.prepare('SELECT dataset_id FROM cascades WHERE id = ?').pluck().get(input.cascade_id) as number | undefined;
      if (input.cascade_id === null || owner !== dataset.id) throw new ServiceError('not_found', `no stored cascade ${input.cascade_id} in "${dataset.name}"`);
      return jobValue(context, 'cascadeNodes', { ...read, source: 'tree', cascadeId: input.cascade_id });
    }
    const nodes = await jobValue(context, 'cascadeNodes', { ...read, source: 'reconstructed', rootPostId: input.root_post_id });
    if (nodes.nodes.length === 0) throw new ServiceError('not_found', `no post ${input.root_post_id} in "${dataset.name}"`);
    return nodes;
  },
};
