import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ModelInfo } from '../../shared/runs';
import { findModel, modelDescriptors } from '../../shared/models';
import type { ModelDescriptor } from '../../shared/models/descriptor';
import { ServiceError } from './errors';
import type { ServiceContext } from './context';
import { runJob } from './jobs';

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

interface UserModelEntry {
  file: string;
  info: ModelInfo | null;
  error: string | null;
}

/** The user models of the database's folder, as the scoring worker loads them (they never load in this process). */
export async function userModels(context: ServiceContext): Promise<UserModelEntry[]> {
  return runJob<UserModelEntry[]>(context, 'userModels', { dbPath: context.db.name });
}

export const modelHandlers = {
  'models.list': async (context: ServiceContext): Promise<ModelInfo[]> => [
    ...modelDescriptors.map(modelInfo),
    ...(await userModels(context)).flatMap((entry) => (entry.info ? [entry.info] : [])),
  ],
  'models.problems': async (context: ServiceContext) =>
    (await userModels(context)).flatMap((entry) => (entry.error ? [{ file: entry.file, error: entry.error }] : [])),
  /** Checks a model file in the worker, then copies it into the models folder. */
  'models.add': async (context: ServiceContext, input: { file: string }) => {
    if (!fs.existsSync(input.file)) throw new ServiceError('not_found', `no file ${input.file}`);
    const info = await runJob<ModelInfo>(context, 'checkModel', { file: path.resolve(input.file) });
    const dir = path.join(path.dirname(context.db.name), 'models');
    const existing = (await userModels(context)).find((entry) => entry.info?.id === info.id);
    const target = path.join(dir, path.basename(input.file));
    if (existing && existing.file !== target) {
      throw new ServiceError('conflict', `a user model with id "${info.id}" is already in ${existing.file}; remove it first`);
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(input.file, target);
    return { model: { ...info, file: target }, replaced: existing !== undefined };
  },
};
