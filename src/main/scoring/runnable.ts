import { ZodError } from 'zod';
import { findModel } from '../../shared/models';
import { JobError } from '../jobs/errors';
import { ModelInputError, type ExplanationData, type ModelImplementation, type ModelInput, type ModelResult, type ScoreContext } from './model';
import { findImplementation } from './models';
import { loadUserModels, runUserModel, userModelsDir, UserModelError } from './user-models/load';

/** A model the worker can run, built in or from a user's file; user models' parameters are validated here. */
export interface RunnableModel {
  needs: ModelImplementation['needs'];
  outputNames: string[];
  params: Record<string, unknown>;
  score(input: ModelInput, context: ScoreContext): Promise<ModelResult> | ModelResult;
  explain(input: ModelInput, outputs: Record<string, Float64Array>, node: number, context: ScoreContext, limit: number): Promise<ExplanationData> | ExplanationData;
  /** For a user model: what the manifest records of it. */
  user?: { version: string; file: string; sha256: string };
}

export async function runnableModel(dbPath: string, modelId: string, params: Record<string, unknown>): Promise<RunnableModel> {
  if (findModel(modelId)) {
    const implementation = findImplementation(modelId);
    return {
      needs: implementation.needs,
      outputNames: findModel(modelId)!.outputs.map((output) => output.name),
      params,
      score: (input, context) => implementation.score(input, params, context),
      explain: (input, outputs, node, context, limit) => implementation.explain(input, params, outputs, node, context, limit),
    };
  }
  const found = (await loadUserModels(userModelsDir(dbPath))).find((entry) => entry.model?.id === modelId)?.model;
  if (!found) throw new JobError('not_found', `no model "${modelId}" (built in, or in ${userModelsDir(dbPath)})`);
  let parsed: Record<string, unknown>;
  try {
    parsed = found.params.parse(params) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw new ModelInputError(`model ${modelId}: ${error.issues.map((issue) => `${issue.path.join('.') || 'params'}: ${issue.message}`).join('; ')}`);
  }
  return {
    needs: found.needs,
    outputNames: found.outputs.map((output) => output.name),
    params: parsed,
    score: (input) => runUserModel(found, input, parsed),
    explain: (_input, outputs, node) => ({
      summary: `Score from the user model ${found.label} (${found.file}); it gives no explanation of its own.`,
      factors: Object.entries(outputs).map(([name, scores]) => ({ label: name, value: scores[node]! })),
      contributions: [],
    }),
    user: { version: found.version, file: found.file, sha256: found.sha256 },
  };
}

export { UserModelError };
