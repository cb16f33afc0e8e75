import path from 'node:path';
import { z } from 'zod';
import type { ModelInput, ModelResult } from '../model';

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

/** A user model as the sandbox describes it once loaded (sandbox-model.mjs `info`), checked where it arrives. */
export const UserModelInfo = z.object({
  id: z.string(),
  version: z.string(),
  label: z.string(),
  description: z.string(),
  citation: z.string(),
  stochastic: z.literal(false),
  outputs: z.array(z.object({ name: z.string(), description: z.string() })).min(1),
  params: z.record(z.string(), z.unknown()),
  needs: z.object({ followers: z.boolean().optional(), interactions: z.boolean().optional(), posts: z.boolean().optional() }),
  timeLimitSeconds: z.number().min(1).max(3600),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type UserModelInfo = z.infer<typeof UserModelInfo>;

export class UserModelError extends Error {
  constructor(file: string, message: string) {
    super(`user model ${path.basename(file)}: ${message}`);
  }
}

export function userModelInput(input: ModelInput): UserModelInput {
  const { graph } = input;
  return {
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
}

/** Checks what a user model's score returned: every declared output, one finite-or-NaN number per account. */
export function checkOutputs(model: UserModelInfo, returned: unknown, nodeCount: number): ModelResult {
  if (typeof returned !== 'object' || returned === null) throw new UserModelError(model.file, 'score must return an object of output columns');
  const outputs: Record<string, Float64Array> = {};
  for (const { name } of model.outputs) {
    const column = (returned as Record<string, unknown>)[name];
    if (!(column instanceof Float64Array || Array.isArray(column)) || column.length !== nodeCount) {
      throw new UserModelError(model.file, `score returned no "${name}" column of ${nodeCount} numbers (one per account)`);
    }
    const values = Float64Array.from(column as ArrayLike<number>);
    if (values.some((value) => typeof value !== 'number' || value === Infinity || value === -Infinity)) {
      throw new UserModelError(model.file, `"${name}" holds a value that is not a finite number`);
    }
    outputs[name] = values;
  }
  return { outputs, stats: {} };
}
