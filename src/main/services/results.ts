import type { Explanation, RunManifest, ScoreRow, ScoresOutput } from '../../shared/runs';
import type { Db } from '../store/db';
import { readRunResults, type RunResults, type RunRow } from '../store/runs';
import type { ExplainJob } from '../scoring/jobs';
import { rankByPlatformId } from '../analysis/canonical-order';
import type { In, Out, ServiceContext } from './context';
import { jobValue } from './jobs';
import { requireRun } from './runs';

/** Platform id and handle of accounts by row id. */
export function accountLabeller(db: Db) {
  const select = db.prepare('SELECT platform_id, handle FROM accounts WHERE id = ?');
  return (accountId: number) => {
    const row = select.get(accountId) as { platform_id: string; handle: string | null };
    return { accountId: row.platform_id, handle: row.handle };
  };
}

/** A score as the contract carries it: NaN (no score) as null. */
export const finite = (value: number) => (Number.isNaN(value) ? null : value);

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

/** A run's scores highest first, rows offset to offset + limit: what `runs.scores` answers and a bundle's CSV holds. */
export function scoreTable(db: Db, runId: number, manifest: RunManifest, results: RunResults, offset = 0, limit?: number): ScoresOutput {
  // Tied accounts listed by platform id: the same page whatever order the dataset's lines were imported in.
  const { order, rank } = rankByPlatformId(db, manifest.dataset.id, results.accountIds, results.outputs[0]![1]);
  const end = Math.min(order.length, offset + (limit ?? order.length));
  const label = accountLabeller(db);
  const rows: ScoreRow[] = [];
  for (let position = offset; position < end; position++) {
    const node = order[position]!;
    rows.push({
      ...label(results.accountIds[node]!),
      rank: rank[node] || null,
      values: results.outputs.map(([, scores]) => finite(scores[node]!)),
    });
  }
  const { id, version, fidelity } = manifest.model;
  const model = { id, version, fidelity: fidelity ?? null };
  return { run: runId, model, total: order.length, columns: results.outputs.map(([name]) => name), rows };
}

/** A run's results read back: scores, ranks, and one account's explanation. */
export const resultHandlers = {
  'runs.scores': async (context: ServiceContext, input: In<'runs.scores'>): Promise<Out<'runs.scores'>> => {
    const run = requireRun(context, input.run);
    return scoreTable(context.db, run.id, run.manifest, readRunResults(context.db, run.id), input.offset, input.limit);
  },
  'runs.explain': async (context: ServiceContext, input: In<'runs.explain'>): Promise<Out<'runs.explain'>> => {
    const run = requireRun(context, input.run);
    const [explanation] = await explainAccounts(context, run, [input.account], input.limit);
    return explanation!;
  },
};
