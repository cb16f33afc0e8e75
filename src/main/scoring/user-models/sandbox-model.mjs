// What runs a user model's code: load the file, check what its factory returns, parse parameters, score. Plain
// JavaScript with no imports but Node's own, because it runs in the sandbox child (sandbox-child.mjs) under Node's
// permission model, where only this folder, zod and the model file may be read (and tsx cannot run: it starts a
// process). The job thread imports the same code when no sandbox is available. zod is passed in, so the model gets
// the very `z` whose ZodObject its params are checked against.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A failure the caller reports with its code: `invalid_input` for parameters the model rejects, else `failed`. */
export class SandboxError extends Error {
  constructor(file, message, code = 'failed') {
    super(`user model ${path.basename(file)}: ${message}`);
    this.code = code;
  }
}

function descriptorSchema(z) {
  return z.object({
    id: z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, { error: 'an id of 2 to 41 lower-case letters, digits, - or _' }),
    version: z.string().min(1).max(40),
    label: z.string().min(1).max(100),
    description: z.string().min(1),
    citation: z.string().default(''),
    params: z.custom((value) => value instanceof z.ZodObject, { error: 'params must be a z.object(...) made with the z it is given' }),
    outputs: z
      .array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), description: z.string() }))
      .min(1)
      .refine((outputs) => outputs[0].name === 'score', { error: 'the first output must be "score"' }),
    needs: z.object({ followers: z.boolean(), interactions: z.boolean(), posts: z.boolean() }).partial().default({}),
    timeLimitSeconds: z.number().min(1).max(3600).default(120),
    score: z.custom((value) => typeof value === 'function', { error: 'score must be a function' }),
  });
}

const issuesText = (error) => error.issues.map((issue) => `${issue.path.join('.') || 'model'}: ${issue.message}`).join('; ');

export function createSandbox(z) {
  const Descriptor = descriptorSchema(z);

  /**
   * Loads the file only if its bytes are the approved ones: the bytes read and hashed here are the bytes imported
   * (as a data: URL), so a file changed after approval never runs, even between the check and the import.
   */
  async function load(file, sha256, builtInIds) {
    const bytes = fs.readFileSync(file);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new SandboxError(file, `changed since it was approved (sha256 ${actual.slice(0, 12)}, approved ${sha256.slice(0, 12)}); add it again to approve it`);
    let module;
    try {
      module = await import(`data:text/javascript;base64,${bytes.toString('base64')}`);
    } catch (error) {
      throw new SandboxError(file, `cannot be loaded: ${error.message}${sandboxHint(error)}`);
    }
    if (typeof module.default !== 'function') throw new SandboxError(file, 'its default export must be a function ({ z }) => model');
    let described;
    try {
      described = module.default({ z });
    } catch (error) {
      throw new SandboxError(file, `its factory threw: ${error.message}${sandboxHint(error)}`);
    }
    const parsed = Descriptor.safeParse(described);
    if (!parsed.success) throw new SandboxError(file, issuesText(parsed.error));
    if (builtInIds.includes(parsed.data.id)) throw new SandboxError(file, `its id "${parsed.data.id}" is a built-in model's; choose another`);
    return { ...parsed.data, file, sha256 };
  }

  /** What `lens models` shows of a model, as plain data (the score function and the zod schema stay here). */
  function info(model) {
    const { id, version, label, description, citation, outputs, needs, timeLimitSeconds, file, sha256 } = model;
    const params = z.toJSONSchema(model.params, { io: 'input' });
    return { id, version, label, description, citation, stochastic: false, outputs, params, needs, timeLimitSeconds, file, sha256 };
  }

  function parseParams(model, params) {
    const parsed = model.params.safeParse(params);
    if (parsed.success) return parsed.data;
    throw new SandboxError(model.file, issuesText(parsed.error).replaceAll('model:', 'params:'), 'invalid_input');
  }

  function score(model, input, params) {
    try {
      return model.score(input, params);
    } catch (error) {
      throw new SandboxError(model.file, `score threw: ${error.message}${sandboxHint(error)}`);
    }
  }

  return { load, info, parseParams, score };
}

/** Why the sandbox refused, so a model author sees it is the sandbox and not a bug of theirs. */
export function sandboxHint(error) {
  return error && error.code === 'ERR_ACCESS_DENIED' ? ' (the sandbox lets a model read only its own file: no file writes, other files, processes or threads)' : '';
}
