import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ModelInfo } from '../../shared/runs';
import { findModel, modelDescriptors } from '../../shared/models';
import type { ModelDescriptor } from '../../shared/models/descriptor';
import type { UserModelEntry } from '../scoring/jobs';
import { approvedModelsDir, approveModel, modelFileStatuses, sha256Of } from '../scoring/user-models/approvals';
import { userDataDir } from '../store/paths';
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

/**
 * How long checking a model file may take: loading it and calling its factory only builds a descriptor (the
 * example's takes a few milliseconds); 30 s leaves room for a cold disk and a busy machine.
 */
const CHECK_TIME_LIMIT_MS = 30_000;
/**
 * The job host's limit is the model's plus this grace: in the sandbox the job thread kills the model's process at
 * the model's own limit, and must get there before the host kills the thread (a killed thread cannot kill its child).
 */
export const SANDBOX_KILL_GRACE_MS = 2_000;

/**
 * The user models of the app's own data folder, as approved: reading the approval list and hashing the files runs
 * no model code. A folder `models` beside a database is never read.
 */
export function userModels(dataDir = userDataDir()): UserModelEntry[] {
  return modelFileStatuses(dataDir).map((status) => ({ file: status.file, info: status.approval?.info ?? null, error: status.problem }));
}

function readModelFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ServiceError(code === 'ENOENT' ? 'not_found' : 'invalid_input', code === 'ENOENT' ? `no file ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
}

export const modelHandlers = {
  'models.list': async (): Promise<ModelInfo[]> => [...builtInModels(), ...userModels().flatMap((entry) => (entry.info ? [entry.info] : []))],
  'models.problems': async () => userModels().flatMap((entry) => (entry.error ? [{ file: entry.file, error: entry.error }] : [])),
  /**
   * The user's explicit approval of a model file (`lens models add FILE`): the file is checked in the model
   * sandbox, the bytes checked are copied into the app's models folder and their sha256 recorded as approved.
   */
  'models.add': async (context: ServiceContext, input: { file: string }) => {
    const source = path.resolve(input.file);
    if (!/\.(mjs|js)$/.test(source)) throw new ServiceError('invalid_input', `${source}: a user model is an ES module file ending in .mjs (or .js)`);
    const bytes = readModelFile(source);
    const sha256 = sha256Of(bytes);
    const info = await jobValue(context, 'checkModel', { file: source, sha256, timeLimitMs: CHECK_TIME_LIMIT_MS }, { isolated: true, timeLimitMs: CHECK_TIME_LIMIT_MS + SANDBOX_KILL_GRACE_MS });
    const dataDir = userDataDir();
    const name = path.basename(source);
    const existing = userModels(dataDir).find((entry) => entry.info?.id === info.id);
    if (existing && path.basename(existing.file) !== name) {
      throw new ServiceError('conflict', `a user model with id "${info.id}" is already in ${existing.file}; remove it first`);
    }
    const replaced = fs.existsSync(path.join(approvedModelsDir(dataDir), name));
    const approval = approveModel(dataDir, name, bytes, info);
    return { model: approval.info, replaced };
  },
};
