import type { Explanation } from '../../shared/runs';
import type { RunRow } from '../store/runs';
import type { ExplainJob } from '../scoring/jobs';
import { accountLabeller, finite, scoreTable } from '../analysis/score-table';
import type { In, Out, ServiceContext } from './context';
import { jobValue } from './jobs';
import { requireRun } from './runs';

// The score table moved below the tasks, which page it on a job thread; the services keep importing it from here.
export { accountLabeller, finite, scoreTable };

/** A run as other answers refer to it. */
export const runRef = (run: RunRow) => ({
  id: run.id,
  model: run.manifest.model.id,
  version: run.manifest.model.version,
  params: run.manifest.params,
  seed: run.manifest.seed,
});

/** Explanations of several accounts of one run, from one interactive job (a user model's run: in a thread of its own). */
export async function explainAccounts(
  context: ServiceContext,
  run: RunRow,
  accounts: string[],
  limit: number,
): Promise<Explanation[]> {
  const job: ExplainJob = { dbPath: context.db.name, runId: run.id, accounts, limit };
  const results = await jobValue(context, 'explain', job, { isolated: run.manifest.model.file !== undefined });
  const label = accountLabeller(context.db);
  const ref = runRef(run);
  return results.map((result) => ({
    run: ref,
    account: label(result.accountId),
    score: finite(result.outputs.score!),
    rank: result.rank || null,
    outputs: Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [name, finite(value)])),
    summary: result.summary,
    factors: result.factors,
    contributions: result.contributions.map((c) => ({
      account: c.accountId === null ? null : label(c.accountId),
      ...(c.kind ? { kind: c.kind } : {}),
      label: c.label,
      value: c.value,
      share: c.share,
    })),
  }));
}

/** A run's results read back: scores, ranks, and one account's explanation. */
export const resultHandlers = {
  'runs.scores': async (context: ServiceContext, input: In<'runs.scores'>): Promise<Out<'runs.scores'>> => {
    // Ranking reads the whole run (a million scores for a big dataset): a job, so the engine answers other calls meanwhile.
    const run = requireRun(context, input.run);
    return jobValue(context, 'scores', { dbPath: context.db.name, runId: run.id, offset: input.offset, limit: input.limit });
  },
  'runs.explain': async (context: ServiceContext, input: In<'runs.explain'>): Promise<Out<'runs.explain'>> => {
    const run = requireRun(context, input.run);
    const [explanation] = await explainAccounts(context, run, [input.account], input.limit);
    return explanation!;
  },
};
