import { openDatabase } from '../store/db';
import { findRun, readRunResults } from '../store/runs';
import { JobError } from '../jobs/errors';
import type { JobControls } from '../jobs/worker-runtime';
import { graphOptionsOf } from '../../shared/models/descriptor';
import type { Removal } from '../../shared/runs';
import { loadModelInput, type LoadedInput } from './input/load-input';
import { resolveAccountNode, topicStrength } from './input/lookups';
import { countRemoved, resolveRemoval, restriction, type ResolvedRemoval } from './input/removal';
import type { ScoreContext } from './model';
import { explainableModel, runnableModel, type RunnableModel } from './runnable';
import { openModelSession } from './user-models/sandbox';
import { rankScores } from './rank';
import type { AccountExplanation, ExplainJob, ExplainJobResult, ScoreJob, ScoreJobResult } from './jobs';
import type { Db } from '../store/db';

/** Enough for the B-tree pages a job reads repeatedly; graph BLOBs are read once. */
export const JOB_CACHE_MIB = 8;

function contextFor(db: Db, datasetId: number, loaded: LoadedInput, seed: number, controls: JobControls): ScoreContext {
  return {
    seed,
    progress: controls.progress,
    checkCancelled: controls.checkCancelled,
    nodeOf: (reference) => resolveAccountNode(db, datasetId, reference, loaded.nodeOfAccount, loaded.excluded),
    topicStrength: (topic) =>
      topicStrength(db, datasetId, topic, loaded.input.graph.nodeCount, loaded.nodeOfAccount),
  };
}

interface LoadRequest {
  datasetId: number;
  needs: RunnableModel['needs'];
  params: Record<string, unknown>;
  removal: ResolvedRemoval | null;
}

function load(db: Db, request: LoadRequest, controls: JobControls) {
  return {
    loaded: loadModelInput(db, request.datasetId, {
      needs: request.needs,
      graph: graphOptionsOf(request.params),
      includeMinors: request.params.include_minors === true,
      removal: request.removal,
      progress: (fraction, phase) => {
        controls.checkCancelled();
        controls.progress(fraction, phase);
      },
    }),
  };
}

/** What a run leaves out: a what-if removal, a time window, both or neither. */
function resolved(db: Db, datasetId: number, removal: Removal | undefined, window: { from: string; to: string } | undefined) {
  const limits = window ? { fromMs: Date.parse(window.from), toMs: Date.parse(window.to) } : undefined;
  if (removal) return { ...resolveRemoval(db, datasetId, removal), ...(limits ? { window: limits } : {}) };
  return limits ? restriction({ window: limits }) : null;
}

/** Loads the run's input, runs the model, and hands the score columns back without copying them. */
export async function score(job: ScoreJob, controls: JobControls) {
  const started = performance.now();
  const db = openDatabase(job.dbPath, { cacheMib: JOB_CACHE_MIB });
  let onClose: (() => void) | undefined;
  try {
    const removal = resolved(db, job.datasetId, job.removal, job.window);
    const model = await runnableModel(job.modelId, job.params, job.userModel, controls);
    onClose = model.close;
    const { loaded } = load(db, { datasetId: job.datasetId, needs: model.needs, params: model.params, removal }, controls);
    const context = contextFor(db, job.datasetId, loaded, job.seed, controls);
    controls.progress(0, 'scoring');
    const loadedAt = performance.now();
    const result = await model.score(loaded.input, context);
    const seconds = { loading: (loadedAt - started) / 1000, scoring: (performance.now() - loadedAt) / 1000 };
    const outputs = model.outputNames.map((name) => {
      const scores = result.outputs[name];
      if (!scores || scores.length !== loaded.input.graph.nodeCount) {
        throw new Error(`model ${job.modelId} returned no "${name}" column for every account`);
      }
      return [name, scores] as [string, Float64Array];
    });
    const value: ScoreJobResult = {
      accountIds: loaded.input.graph.accountIds,
      outputs,
      stats: { ...result.stats, seconds },
      contentHash: loaded.contentHash,
      graph: {
        nodes: loaded.input.graph.nodeCount,
        edges: loaded.input.graph.edgeCount,
        interactionsRead: loaded.interactionsRead,
        cache: loaded.graphCache,
      },
      excluded: loaded.excluded,
      interactionsRemoved: job.removal && removal ? countRemoved(db, job.datasetId, removal) : 0,
      params: model.params,
      ...(model.user ? { userModel: model.user } : {}),
    };
    return { value, transfer: [value.accountIds.buffer as ArrayBuffer, ...outputs.map(([, s]) => s.buffer as ArrayBuffer)] };
  } finally {
    onClose?.();
    db.close();
  }
}

/** Explains several accounts of a stored run with its input loaded once; refuses when the dataset changed since. */
export async function explain(job: ExplainJob, controls: JobControls) {
  const db = openDatabase(job.dbPath, { cacheMib: JOB_CACHE_MIB });
  try {
    const run = findRun(db, job.runId)!;
    const { params, seed, model, whatIf, window } = run.manifest;
    const removal = resolved(db, run.datasetId, whatIf?.removal, window);
    // A user model's explanation needs none of its code: the stored scores are explained as they are.
    const runnable = model.file ? explainableModel(model.id, model.file, params) : await runnableModel(model.id, params, undefined, controls);
    const { loaded } = load(db, { datasetId: run.datasetId, needs: runnable.needs, params: runnable.params, removal }, controls);
    const results = readRunResults(db, job.runId);
    const { accountIds } = loaded.input.graph;
    const sameAccounts =
      results.accountIds.length === accountIds.length && results.accountIds.every((id, node) => accountIds[node] === id);
    if (!sameAccounts) throw new JobError('conflict', 'the dataset changed since this run; rerun it to explain');
    const context = contextFor(db, run.datasetId, loaded, seed, controls);
    const outputs = Object.fromEntries(results.outputs);
    const { rank } = rankScores(outputs.score!);
    const value: ExplainJobResult = [];
    for (const account of job.accounts) {
      const node = context.nodeOf(account);
      const explanation = await runnable.explain(loaded.input, outputs, node, context, job.limit);
      const one: AccountExplanation = {
        accountId: accountIds[node]!,
        rank: rank[node]!,
        outputs: Object.fromEntries(results.outputs.map(([name, scores]) => [name, scores[node]!])),
        summary: explanation.summary,
        factors: explanation.factors,
        contributions: explanation.contributions.map((c) => ({ ...c, accountId: c.node === null ? null : accountIds[c.node]! })),
      };
      value.push(one);
    }
    return { value };
  } finally {
    db.close();
  }
}

/**
 * One model file checked before it is approved: loaded where user code is confined (sandbox.ts), only if its bytes
 * are the ones the caller read. The job host's time limit covers it, as every job that loads a model.
 */
export async function checkModel(job: { file: string; sha256: string; timeLimitMs: number }, controls: JobControls) {
  const session = await openModelSession(job.file, job.sha256, { timeLimitMs: job.timeLimitMs, controls });
  session.close();
  return { value: session.info };
}
