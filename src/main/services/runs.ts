import type { z } from 'zod';
import type { api } from '../../shared/api';
import { MINOR_RULE_VERSION } from '../../shared/minors';
import type { Removal, RunManifest, ScoreOutput } from '../../shared/runs';
import { datasetContentHash } from '../store/datasets';
import { findRun, insertRun, listRuns, readRunResults, runSummary, type RunRow } from '../store/runs';
import type { ScoreJob, ScoreJobResult } from '../scoring/jobs';
import { APP_VERSION } from '../version';
import type { ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError } from './errors';
import { runJob } from './jobs';
import { requireModel, validateParams } from './models';

type In<N extends keyof typeof api> = z.output<(typeof api)[N]['input']>;
type Out<N extends keyof typeof api> = z.output<(typeof api)[N]['output']>;

export interface ScoreRequest {
  dataset: { id: number; name: string };
  modelId: string;
  params: Record<string, unknown>;
  seed: number;
  /** A what-if run: the run it varies and what it leaves out. */
  whatIf?: { base: number; removal: Removal };
  /** A windowed run: ISO times [from, to). */
  window?: { from: string; to: string };
}

/** Runs a model in the scoring worker and stores the run with its manifest; nothing is stored if it fails. */
export async function score(context: ServiceContext, request: ScoreRequest): Promise<ScoreOutput> {
  const model = requireModel(request.modelId);
  const params = validateParams(model, request.params);
  const started = new Date();
  const job: ScoreJob = {
    dbPath: context.db.name,
    datasetId: request.dataset.id,
    modelId: model.id,
    params,
    seed: request.seed,
    removal: request.whatIf?.removal,
    window: request.window,
  };
  const result = await runJob<ScoreJobResult>(context, 'score', job);
  const finished = new Date();
  const manifest: RunManifest = {
    dataset: { ...request.dataset, contentHash: result.contentHash },
    model: { id: model.id, version: model.version },
    params,
    seed: request.seed,
    appVersion: APP_VERSION,
    minorRuleVersion: MINOR_RULE_VERSION,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    accountsScored: result.accountIds.length,
    excluded: {
      minors: result.excluded.length,
      accounts: result.excluded.map((a) => ({ accountId: a.platformId, handle: a.handle, reason: a.reason })),
    },
    graph: result.graph,
    stats: result.stats,
    ...(request.window ? { window: request.window } : {}),
    ...(request.whatIf ? { whatIf: { ...request.whatIf, interactionsRemoved: result.interactionsRemoved } } : {}),
  };
  const id = insertRun(context.db, { manifest, accountIds: result.accountIds, outputs: result.outputs });
  return {
    run: { id, model: model.id, version: model.version, params, seed: request.seed },
    accounts_scored: manifest.accountsScored,
    excluded: manifest.excluded.minors,
    seconds: (finished.getTime() - started.getTime()) / 1000,
  };
}

export function requireRun(context: ServiceContext, id: number): RunRow {
  const run = findRun(context.db, id);
  if (!run) throw new ServiceError('not_found', `no run ${id}; \`lens runs\` lists them`);
  return run;
}

/** The run's model, when this app has the same version of it and the dataset still has the same content. */
export function requireReproducible(context: ServiceContext, run: RunRow, what: string) {
  const { manifest } = run;
  const model = requireModel(manifest.model.id);
  if (model.version !== manifest.model.version) {
    throw new ServiceError('conflict', `run ${run.id} used ${model.id} version ${manifest.model.version}; this app has version ${model.version}`);
  }
  if (datasetContentHash(context.db, run.datasetId) !== manifest.dataset.contentHash) {
    throw new ServiceError('conflict', `dataset "${run.datasetName}" has changed since run ${run.id} (files were added), so it cannot be ${what}`);
  }
  return model;
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** The scoring domain: running models and reading runs back. */
export const runHandlers = {
  'runs.score': async (context: ServiceContext, input: In<'runs.score'>): Promise<Out<'runs.score'>> => {
    const dataset = requireDataset(context, input.dataset);
    return score(context, { dataset: { id: dataset.id, name: dataset.name }, modelId: input.model, params: input.params, seed: input.seed });
  },
  'runs.rerun': async (context: ServiceContext, input: In<'runs.rerun'>): Promise<Out<'runs.rerun'>> => {
    const original = requireRun(context, input.run);
    const { manifest } = original;
    const model = requireReproducible(context, original, 'reproduced');
    const output = await score(context, {
      dataset: { id: original.datasetId, name: original.datasetName },
      modelId: model.id,
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
  'runs.show': async (context: ServiceContext, input: In<'runs.show'>): Promise<Out<'runs.show'>> => {
    const run = requireRun(context, input.run);
    const outputs = readRunResults(context.db, run.id).outputs.map(([name]) => name);
    return { ...runSummary(context.db, run.id)!, outputs, manifest: run.manifest };
  },
};
