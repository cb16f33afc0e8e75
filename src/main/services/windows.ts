import { INTERACTION_KINDS, type InteractionKind } from '../../shared/domain';
import type { Explanation } from '../../shared/runs';
import type { WindowsOutput } from '../../shared/windows';
import { findAccountId } from '../store/account-lookup';
import { readRunResults } from '../store/runs';
import { rankScores } from '../scoring/rank';
import type { In, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError } from './errors';
import { stepContext } from './jobs';
import { explainAccounts, finite } from './results';
import { requireRun, score } from './runs';

const MAX_WINDOWS = 120;
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const durationMs = (text: string) => Number(text.slice(0, -1)) * UNIT_MS[text.at(-1) as keyof typeof UNIT_MS];
const iso = (ms: number) => new Date(ms).toISOString();

/** Windows of `window` length every `step`, from the first interaction time until a window starts after the last. */
function windowBounds(first: number, last: number, window: number, step: number): [number, number][] {
  const bounds: [number, number][] = [];
  for (let from = first; from <= last; from += step) bounds.push([from, from + window]);
  return bounds;
}

export const windowHandlers = {
  'analysis.windows': async (context: ServiceContext, input: In<'analysis.windows'>): Promise<WindowsOutput> => {
    const dataset = requireDataset(context, input.dataset);
    const span = context.db
      .prepare('SELECT min(time) AS first, max(time) AS last FROM interactions WHERE dataset_id = ? AND time IS NOT NULL')
      .get(dataset.id) as { first: number | null; last: number | null };
    if (span.first === null || span.last === null) {
      throw new ServiceError('invalid_input', `dataset "${dataset.name}" has no interaction times, so it has no windows`);
    }
    const window = durationMs(input.window);
    const step = durationMs(input.step);
    if (window <= 0 || step <= 0) throw new ServiceError('invalid_input', 'window and step must be longer than 0');
    const bounds = windowBounds(span.first, span.last, window, step);
    if (bounds.length > MAX_WINDOWS) {
      throw new ServiceError('invalid_input', `that makes ${bounds.length} windows (at most ${MAX_WINDOWS}); choose a longer step`);
    }
    const accountId = input.account === undefined ? null : findAccount(context, dataset.id, input.account);
    const runs: WindowsOutput['windows'] = [];
    // One bar over every job of the call: a score per window, then (for an account) an explanation per window.
    const steps = bounds.length * (input.account === undefined ? 1 : 2);
    for (const [index, [from, to]] of bounds.entries()) {
      const output = await score(stepContext(context, index, steps, `window ${index + 1} of ${bounds.length} (${iso(from).slice(0, 10)} to ${iso(to).slice(0, 10)})`), {
        dataset: { id: dataset.id, name: dataset.name },
        modelId: input.model,
        params: input.params,
        seed: input.seed,
        window: { from: iso(from), to: iso(to) },
      });
      runs.push({ run: output.run.id, from: iso(from), to: iso(to), accounts_scored: output.accounts_scored, account: accountId === null ? null : standing(context, output.run.id, accountId) });
    }
    if (accountId === null || input.account === undefined) return { windows: runs, changes: [] };
    const explanations: Explanation[] = [];
    for (const [index, run] of runs.entries()) {
      const step = stepContext(context, bounds.length + index, steps, `explaining window ${index + 1} of ${runs.length}`);
      explanations.push((await explainAccounts(step, requireRun(context, run.run), [input.account], 1000))[0]!);
    }
    const changes: WindowsOutput['changes'] = [];
    for (let i = 1; i < runs.length; i++) {
      const before = runs[i - 1]!;
      const after = runs[i]!;
      const [beforeFrom, beforeTo] = bounds[i - 1]!;
      const [afterFrom, afterTo] = bounds[i]!;
      changes.push({
        from_run: before.run,
        to_run: after.run,
        score_before: before.account?.score ?? null,
        score_after: after.account?.score ?? null,
        entered: moved(context, dataset.id, accountId, Math.max(beforeTo, afterFrom), afterTo, input.limit),
        aged_out: moved(context, dataset.id, accountId, beforeFrom, Math.min(afterFrom, beforeTo), input.limit),
        movers: movers(explanations[i - 1]!, explanations[i]!, input.limit),
      });
    }
    return { windows: runs, changes };
  },
};

function findAccount(context: ServiceContext, datasetId: number, reference: string): number {
  const id = findAccountId(context.db, datasetId, reference);
  if (id === undefined) throw new ServiceError('not_found', `no account "${reference}" in this dataset (by id or handle)`);
  return id;
}

function standing(context: ServiceContext, runId: number, accountId: number) {
  const results = readRunResults(context.db, runId);
  const scores = results.outputs[0]![1];
  const node = results.accountIds.indexOf(accountId);
  if (node < 0) return { score: null, rank: null };
  return { score: finite(scores[node]!), rank: rankScores(scores).rank[node] || null };
}

/** Interactions the account received with a time in [from, to): counts by kind and the first few. */
function moved(context: ServiceContext, datasetId: number, accountId: number, from: number, to: number, limit: number) {
  const where = 'FROM interactions JOIN accounts actor ON actor.id = actor_id WHERE interactions.dataset_id = ? AND target_id = ? AND time >= ? AND time < ?';
  const byKind = context.db.prepare(`SELECT kind, count(*) AS n ${where} GROUP BY kind`).all(datasetId, accountId, from, to) as { kind: InteractionKind; n: number }[];
  const examples = context.db
    .prepare(`SELECT interactions.id, actor.platform_id, actor.handle, kind, time ${where} ORDER BY time, interactions.id LIMIT ?`)
    .all(datasetId, accountId, from, to, limit) as { id: number; platform_id: string; handle: string | null; kind: InteractionKind; time: number }[];
  const counts = Object.fromEntries(INTERACTION_KINDS.flatMap((kind) => {
    const n = byKind.find((row) => row.kind === kind)?.n;
    return n ? [[kind, n]] : [];
  }));
  return {
    count: byKind.reduce((sum, row) => sum + row.n, 0),
    by_kind: counts,
    examples: examples.map((row) => ({ interaction_id: row.id, actor: { accountId: row.platform_id, handle: row.handle }, kind: row.kind, time: iso(row.time) })),
  };
}

/** Each contributor's value in both explanations, matched by account (or label), largest change first. */
function movers(before: Explanation, after: Explanation, limit: number): WindowsOutput['changes'][number]['movers'] {
  const key = (c: Explanation['contributions'][number]) => (c.account ? `a:${c.account.accountId}` : `l:${c.label}`);
  const rows = new Map<string, WindowsOutput['changes'][number]['movers'][number]>();
  for (const c of before.contributions) rows.set(key(c), { account: c.account, label: c.label, before: c.value, after: 0, delta: -c.value });
  for (const c of after.contributions) {
    const row = rows.get(key(c)) ?? { account: c.account, label: c.label, before: 0, after: 0, delta: 0 };
    row.after = c.value;
    row.delta = c.value - row.before;
    rows.set(key(c), row);
  }
  return [...rows.values()].filter((row) => row.delta !== 0).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, limit);
}
