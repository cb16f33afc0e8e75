import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { modelDescriptors } from '../../../shared/models';
import type { ModelInput, ModelResult } from '../model';

/** Where user models live: a `models` folder beside the workbench database (in the user data folder by default). */
export const userModelsDir = (dbPath: string) => path.join(path.dirname(dbPath), 'models');

const MODEL_FILE = /\.(mjs|js|ts|mts)$/;

/** The input a user model gets: the graph arrays and account attributes, to be read and not written. */
export interface UserModelInput {
  nodeCount: number;
  accountIds: Int32Array;
  out: { offsets: Int32Array; targets: Int32Array; weights: Float64Array };
  incoming: { offsets: Int32Array; targets: Int32Array; weights: Float64Array };
  outWeight: Float64Array;
  outDegree: Int32Array;
  followers: Float64Array;
  interactions: ModelInput['interactions'];
  posts: ModelInput['posts'];
}

const Descriptor = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, { error: 'an id of 2 to 41 lower-case letters, digits, - or _' }),
  version: z.string().min(1).max(40),
  label: z.string().min(1).max(100),
  description: z.string().min(1),
  citation: z.string().default(''),
  params: z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, { error: 'params must be a z.object(...) made with the z it is given' }),
  outputs: z
    .array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), description: z.string() }))
    .min(1)
    .refine((outputs) => outputs[0]!.name === 'score', { error: 'the first output must be "score"' }),
  needs: z.object({ followers: z.boolean(), interactions: z.boolean(), posts: z.boolean() }).partial().default({}),
  timeLimitSeconds: z.number().min(1).max(3600).default(120),
  score: z.custom<(input: UserModelInput, params: Record<string, unknown>) => unknown>((value) => typeof value === 'function', {
    error: 'score must be a function',
  }),
});
export type UserModel = z.infer<typeof Descriptor> & { file: string; sha256: string };

export class UserModelError extends Error {
  constructor(file: string, message: string) {
    super(`user model ${path.basename(file)}: ${message}`);
  }
}

/** Loads one model file: its default export is a function given `{ z }` that returns the model (docs/USER-MODELS.md). */
export async function loadUserModel(file: string): Promise<UserModel> {
  const bytes = fs.readFileSync(file);
  let module: Record<string, unknown>;
  try {
    module = (await import(`${pathToFileURL(file).href}?sha=${createHash('sha1').update(bytes).digest('hex')}`)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ERR_UNKNOWN_FILE_EXTENSION' ? 'TypeScript models run only from source (npm run lens); write the model as .mjs' : (error as Error).message;
    throw new UserModelError(file, `cannot be loaded: ${why}`);
  }
  const factory = module.default;
  if (typeof factory !== 'function') throw new UserModelError(file, 'its default export must be a function ({ z }) => model');
  let described: unknown;
  try {
    described = factory({ z });
  } catch (error) {
    throw new UserModelError(file, `its factory threw: ${(error as Error).message}`);
  }
  const parsed = Descriptor.safeParse(described);
  if (!parsed.success) {
    throw new UserModelError(file, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'model'}: ${issue.message}`).join('; '));
  }
  if (modelDescriptors.some((model) => model.id === parsed.data.id)) {
    throw new UserModelError(file, `its id "${parsed.data.id}" is a built-in model's; choose another`);
  }
  return { ...parsed.data, file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The model files of a folder by name; listing them runs none of their code. */
export function userModelFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => MODEL_FILE.test(name)).sort().map((name) => path.join(dir, name));
}

/** Every model file of the folder, loaded or with the reason it cannot be. */
export async function loadUserModels(dir: string): Promise<Array<{ file: string; model?: UserModel; error?: string }>> {
  const loaded = [];
  for (const file of userModelFiles(dir)) {
    try {
      loaded.push({ file, model: await loadUserModel(file) });
    } catch (error) {
      loaded.push({ file, error: (error as Error).message });
    }
  }
  return loaded;
}

/** Runs a user model and checks what it returns: every declared output, one finite-or-NaN number per account. */
export function runUserModel(model: UserModel, input: ModelInput, params: Record<string, unknown>): ModelResult {
  const { graph } = input;
  const userInput: UserModelInput = {
    nodeCount: graph.nodeCount,
    accountIds: graph.accountIds,
    out: graph.out,
    incoming: graph.incoming(),
    outWeight: graph.outWeight,
    outDegree: graph.outDegree,
    followers: input.followers,
    interactions: input.interactions,
    posts: input.posts,
  };
  let returned: unknown;
  try {
    returned = model.score(userInput, params);
  } catch (error) {
    throw new UserModelError(model.file, `score threw: ${(error as Error).message}`);
  }
  if (typeof returned !== 'object' || returned === null) throw new UserModelError(model.file, 'score must return an object of output columns');
  const outputs: Record<string, Float64Array> = {};
  for (const { name } of model.outputs) {
    const column = (returned as Record<string, unknown>)[name];
    if (!(column instanceof Float64Array || Array.isArray(column)) || column.length !== graph.nodeCount) {
      throw new UserModelError(model.file, `score returned no "${name}" column of ${graph.nodeCount} numbers (one per account)`);
    }
    const values = Float64Array.from(column as ArrayLike<number>);
    if (values.some((value) => typeof value !== 'number' || value === Infinity || value === -Infinity)) {
      throw new UserModelError(model.file, `"${name}" holds a value that is not a finite number`);
    }
    outputs[name] = values;
  }
  return { outputs, stats: {} };
}

/** A user model as `lens models` lists it, like a built-in one plus its file. */
export function userModelInfo(model: UserModel) {
  return {
    id: model.id,
    version: model.version,
    label: model.label,
    description: model.description,
    citation: model.citation,
    stochastic: false,
    outputs: model.outputs,
    params: z.toJSONSchema(model.params, { io: 'input' }) as Record<string, unknown>,
    file: model.file,
    sha256: model.sha256,
    timeLimitSeconds: model.timeLimitSeconds,
  };
}
