import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ModelInfo } from '../../shared/runs';
import { findModel, modelDescriptors } from '../../shared/models';
import type { ModelDescriptor } from '../../shared/models/descriptor';
import type { UserModelEntry } from '../scoring/jobs';
import { userModelFiles, userModelsDir } from '../scoring/user-models/load';
import { ServiceError } from './errors';
import type { ServiceContext } from './context';
import { jobValue } from './jobs';

export function modelInfo(model: ModelDescriptor): ModelInfo {
  return {
    id: model.id,
    version: model.version,
    label: model.label,
    description: model.description,
    citation: model.citation,
    stochastic: model.stochastic,
    fidelity: model.fidelity,
    constants: [...model.constants],
    outputs: [...model.outputs],
    params: z.toJSONSchema(model.params, { io: 'input' }) as Record<string, unknown>,
  };
}

/** The built-in models as the contract lists them: computed once, as nothing about them changes while the app runs. */
let builtInInfos: ModelInfo[] | null = null;
const builtInModels = () => (builtInInfos ??= modelDescriptors.map(modelInfo));

export function requireModel(id: string): ModelDescriptor {
  const model = findModel(id);
  if (!model) {
    throw new ServiceError('not_found', `no model "${id}"; models: ${modelDescriptors.map((m) => m.id).join(', ')}`);
  }
  return model;
}

/** A model's parameters with defaults applied; a bad one is named with the model and its bounds. */
export function validateParams(model: ModelDescriptor, params: Record<string, unknown>): Record<string, unknown> {
  const parsed = model.params.safeParse(params);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'params'}: ${issue.message}`);
  throw new ServiceError('invalid_input', `model ${model.id}: ${issues.join('; ')}`);
}

/** User model descriptors by file, valid while the file's sha256 is the one they were loaded from. */
const described = new Map<string, { sha256: string; entry: UserModelEntry }>();

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * The user models of the database's folder, as a job thread loads them (their code never runs in the engine). Only
 * files not seen before with these bytes are loaded, in one isolated job; an unchanged folder starts no thread.
 */
export async function userModels(context: ServiceContext): Promise<UserModelEntry[]> {
  const files = userModelFiles(userModelsDir(context.db.name)).map((file) => ({ file, sha256: sha256Of(file) }));
  const unknown = files.filter(({ file, sha256 }) => described.get(file)?.sha256 !== sha256);
  if (unknown.length > 0) {
    const entries = await jobValue(context, 'describeModels', { files: unknown.map(({ file }) => file) }, { isolated: true });
    entries.forEach((entry, i) => described.set(entry.file, { sha256: entry.info?.sha256 ?? unknown[i]!.sha256, entry }));
  }
  return files.map(({ file }) => described.get(file)!.entry);
}

export const modelHandlers = {
  'models.list': async (context: ServiceContext): Promise<ModelInfo[]> => [
    ...builtInModels(),
    ...(await userModels(context)).flatMap((entry) => (entry.info ? [entry.info] : [])),
  ],
  'models.problems': async (context: ServiceContext) =>
    (await userModels(context)).flatMap((entry) => (entry.error ? [{ file: entry.file, error: entry.error }] : [])),
  /** Checks a model file in an isolated job thread, then copies it into the models folder. */
  'models.add': async (context: ServiceContext, input: { file: string }) => {
    if (!fs.existsSync(input.file)) throw new ServiceError('not_found', `no file ${input.file}`);
    const info = await jobValue(context, 'checkModel', { file: path.resolve(input.file) }, { isolated: true });
    const dir = userModelsDir(context.db.name);
    const existing = (await userModels(context)).find((entry) => entry.info?.id === info.id);
    const target = path.join(dir, path.basename(input.file));
    if (existing && existing.file !== target) {
      throw new ServiceError('conflict', `a user model with id "${info.id}" is already in ${existing.file}; remove it first`);
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(input.file, target);
    // The copy has the checked file's bytes, so its descriptor is known without loading it again.
    const model = { ...info, file: target };
    described.set(target, { sha256: info.sha256, entry: { file: target, info: model, error: null } });
    return { model, replaced: existing !== undefined };
  },
};
