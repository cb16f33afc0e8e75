import { MINOR_RULE_VERSION } from '../../shared/minors';
import type { Removal, RunManifest, ScoreOutput } from '../../shared/runs';
import { datasetContentHash } from '../store/datasets';
import { scoringWarnings, withDeclaredDirection } from '../store/derivation';
import type { Db } from '../store/db';
import { findRun, insertRun, listRuns, readRunResults, runSummary, type RunRow } from '../store/runs';
import type { ScoreJob, ScoreJobResult } from '../scoring/jobs';
import type { JobPriority } from '../jobs/host';
import { APP_VERSION } from '../version';
import type { In, Out, ServiceContext } from './context';
import { requireDataset, requireDatasetRow } from './datasets';
import { ServiceError } from './errors';
import { JobFailedError, jobValue } from './jobs';
import { SANDBOX_KILL_GRACE_MS, userModels, validateParams } from './models';
import { runProvenance } from './provenance';
import { scoreWarnings } from './run-warnings';
import { findModel, modelDescriptors } from '../../shared/models';

export interface ScoreRequest {
  dataset: { id: number; name: string };
  modelId: string;
  params: Record<string, unknown>;
  seed: number;
  /** A what-if run: the run it varies and what it leaves out. */
  whatIf?: { base: number; removal: Removal };
  /** A windowed run: ISO times [from, to). */
  window?: { from: string; to: string };
  /** Where the score waits in the job pool's queue; a score is a long task unless its caller says otherwise. */
  priority?: JobPriority;
  /** List excluded minors' platform ids in the manifest; withheld unless asked. */
  recordMinorIds?: boolean;
}

export interface ComputedRun {
  manifest: RunManifest;
  accountIds: Int32Array;
  outputs: Array<[name: string, scores: Float64Array]>;
  seconds: number;
}

/**
 * Runs a model in the scoring worker and stores the run with its manifest and warnings; nothing is stored if it
 * fails. The warnings are about its input (read before: the dataset as it was scored) and its scores.
 */
export async function score(context: ServiceContext, request: ScoreRequest): Promise<ScoreOutput> {
  const inputWarnings = scoringWarnings(context.db, requireDatasetRow(context, request.dataset.id), request.params);
  const run = await computeRun(context, request);
  const { manifest } = run;
  const warnings = [
    ...inputWarnings,
    ...scoreWarnings(context.db, { datasetId: request.dataset.id, model: request.modelId, params: manifest.params, scores: run.outputs[0]![1] }),
  ];
  const id = insertRun(context.db, { manifest, accountIds: run.accountIds, outputs: run.outputs, warnings });
  return {
    run: { id, model: request.modelId, version: manifest.model.version, params: manifest.params, seed: request.seed },
    accounts_scored: manifest.accountsScored,
    excluded: manifest.excluded.minors,
    seconds: run.seconds,
    warnings,
  };
}

/** Runs a model in the scoring worker and builds the run's manifest, without storing anything. */
export async function computeRun(context: ServiceContext, request: ScoreRequest): Promise<ComputedRun> {
  const model = await requireRunnable(context, request.modelId);
  // The dataset's declared edge direction is the default of edge_direction, so the manifest records it.
  const declared = withDeclaredDirection(requireDatasetRow(context, request.dataset.id), request.params);
  const params = model.builtIn ? validateParams(model.builtIn, declared) : request.params;
  const started = new Date();
  const job: ScoreJob = {
    dbPath: context.db.name,
    datasetId: request.dataset.id,
    modelId: request.modelId,
    params,
    seed: request.seed,
    removal: request.whatIf?.removal,
    window: request.window,
    userModel: model.user,
  };
  let result: ScoreJobResult;
  try {
    // A user model's code runs in a thread of its own, which exits after it.
    result = await jobValue(context, 'score', job, { timeLimitMs: model.timeLimitMs, isolated: model.user !== undefined, priority: request.priority });
  } catch (error) {
    // A user model that ran too long was killed: say which file.
    if (model.user && error instanceof JobFailedError && error.failure.code === 'timeout') {
      throw new ServiceError('internal', `user model ${model.user.file}: ran past its time limit of ${model.user.timeLimitSeconds} s and was stopped`);
    }
    throw error;
  }
  const finished = new Date();
  const manifest: RunManifest = {
    dataset: { ...request.dataset, contentHash: result.contentHash },
    model: result.userModel
      ? { id: request.modelId, version: result.userModel.version, file: result.userModel.file, sha256: result.userModel.sha256 }
      : { id: request.modelId, version: model.builtIn!.version, fidelity: model.builtIn!.fidelity },
    provenance: runProvenance(context.db, request.dataset.id),
    params: result.params,
    seed: request.seed,
    appVersion: APP_VERSION,
    minorRuleVersion: MINOR_RULE_VERSION,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    accountsScored: result.accountIds.length,
    excluded: {
      minors: result.excluded.length,
      accounts: request.recordMinorIds ? result.excluded.map((a) => ({ accountId: a.platformId, reason: a.reason })) : [],
    },
    graph: result.graph,
    stats: result.stats,
    ...(request.window ? { window: request.window } : {}),
    ...(request.whatIf ? { whatIf: { ...request.whatIf, interactionsRemoved: result.interactionsRemoved } } : {}),
  };
  return { manifest, accountIds: result.accountIds, outputs: result.outputs, seconds: (finished.getTime() - started.getTime()) / 1000 };
}

export function requireRun(context: ServiceContext, id: number): RunRow {
  const run = findRun(context.db, id);
  if (!run) throw new ServiceError('not_found', `no run ${id}; \`lens runs\` lists them`);
  return run;
}

/** The run's model, when this app has the same version of it and the dataset still has the same content. */
export async function requireReproducible(context: ServiceContext, run: RunRow, what: string): Promise<void> {
  const { manifest } = run;
  const model = await requireRunnable(context, manifest.model.id);
  const version = model.builtIn?.version ?? model.user!.version;
  if (version !== manifest.model.version || (manifest.model.sha256 && manifest.model.sha256 !== model.user?.sha256)) {
    const now = model.user ? `${model.user.file} is version ${version} (sha256 ${model.user.sha256.slice(0, 12)})` : `this app has version ${version}`;
    throw new ServiceError('conflict', `run ${run.id} used ${manifest.model.id} version ${manifest.model.version}; ${now}`);
  }
  if (datasetContentHash(context.db, run.datasetId) !== manifest.dataset.contentHash) {
    throw new ServiceError('conflict', `dataset "${run.datasetName}" has changed since run ${run.id} (files were added), so it cannot be ${what}`);
  }
}

/** A built-in model, or an approved user model of the app's models folder (as approved: no model code runs here). */
async function requireRunnable(context: ServiceContext, id: string) {
  const builtIn = findModel(id);
  if (builtIn) return { builtIn, user: undefined, timeLimitMs: undefined };
  const entries = userModels();
  const user = entries.find((entry) => entry.info?.id === id)?.info;
  if (!user) {
    const ids = [...modelDescriptors.map((m) => m.id), ...entries.flatMap((entry) => (entry.info ? [entry.info.id] : []))];
    throw new ServiceError('not_found', `no model "${id}"; models: ${ids.join(', ')}`);
  }
  return { builtIn: undefined, user, timeLimitMs: user.timeLimitSeconds * 1000 + SANDBOX_KILL_GRACE_MS };
}

/**
 * A run's output names in the model's column order, without their scores: the names and positions sit before the
 * scores blob in each row, so SQLite never reads the blob's overflow pages (8 MB per column at a million accounts).
 */
export function outputNames(db: Db, runId: number): string[] {
  return db.prepare('SELECT name FROM run_outputs WHERE run_id = ? ORDER BY position').pluck().all(runId) as string[];
}

/** A run's summary with its output names and manifest: what `runs.show` answers. */
export function runDetail(context: ServiceContext, run: RunRow): Out<'runs.show'> {
  return { ...runSummary(context.db, run.id)!, outputs: outputNames(context.db, run.id), manifest: run.manifest };
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** The scoring domain: running models and reading runs back. */
export const runHandlers = {
  'runs.score': async (context: ServiceContext, input: In<'runs.score'>): Promise<Out<'runs.score'>> => {
    const dataset = requireDataset(context, input.dataset);
    return score(context, {
      dataset: { id: dataset.id, name: dataset.name }, modelId: input.model, params: input.params, seed: input.seed, recordMinorIds: input.record_minor_ids,
    });
  },
  'runs.rerun': async (context: ServiceContext, input: In<'runs.rerun'>): Promise<Out<'runs.rerun'>> => {
    const original = requireRun(context, input.run);
    const { manifest } = original;
    await requireReproducible(context, original, 'reproduced');
    const output = await score(context, {
      dataset: { id: original.datasetId, name: original.datasetName },
      modelId: manifest.model.id,
      params: manifest.params,
      seed: manifest.seed,
      ...(manifest.whatIf ? { whatIf: { base: manifest.whatIf.base, removal: manifest.whatIf.removal } } : {}),
      ...(manifest.window ? { window: manifest.window } : {}),
    });
    const before = readRunResults(context.db, original.id);
    const after = readRunResults(context.db, output.run.id);
    const identical =
      sameBytes(before.accountIds, after.accountIds) &&
      before.outputs.length === after.outputs.length &&
      before.outputs.every(([name, scores], i) => after.outputs[i]![0] === name && sameBytes(scores, after.outputs[i]![1]));
    return { ...output, original: original.id, identical };
  },
  'runs.list': async (context: ServiceContext, input: In<'runs.list'>): Promise<Out<'runs.list'>> =>
    listRuns(context.db, input.dataset === undefined ? undefined : requireDataset(context, input.dataset).id),
  'runs.show': async (context: ServiceContext, input: In<'runs.show'>): Promise<Out<'runs.show'>> => runDetail(context, requireRun(context, input.run)),
};
