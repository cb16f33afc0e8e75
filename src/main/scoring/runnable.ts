import { findModel } from '../../shared/models';
import { JobError } from '../jobs/errors';
import type { JobControls } from '../jobs/worker-runtime';
import type { ExplanationData, ModelImplementation, ModelInput, ModelResult, ScoreContext } from './model';
import { findImplementation } from './models';
import { checkOutputs, userModelInput, type UserModelInfo } from './user-models/info';
import { openModelSession } from './user-models/sandbox';

/** A model the worker can run, built in or from a user's file; user models' parameters are validated here. */
export interface RunnableModel {
  needs: ModelImplementation['needs'];
  outputNames: string[];
  params: Record<string, unknown>;
  score(input: ModelInput, context: ScoreContext): Promise<ModelResult> | ModelResult;
  explain(input: ModelInput, outputs: Record<string, Float64Array>, node: number, context: ScoreContext, limit: number): Promise<ExplanationData> | ExplanationData;
  /** For a user model: what the manifest records of it. */
  user?: { version: string; file: string; sha256: string };
  /** Ends what the model holds (a user model's sandbox process). */
  close?(): void;
}

/** A user model's stored scores explained without loading its code: it gives no explanation of its own. */
function userExplanation(modelId: string, file: string) {
  return (_input: ModelInput, outputs: Record<string, Float64Array>, node: number): ExplanationData => ({
    summary: `Score from the user model ${modelId} (${file}); it gives no explanation of its own.`,
    factors: Object.entries(outputs).map(([name, scores]) => ({ label: name, value: scores[node]! })),
    contributions: [],
  });
}

/**
 * A built-in model, or the one approved user model file the job names (no other file is loaded). A user model's
 * session starts here, so its time limit covers loading it, parsing its parameters and scoring.
 */
export async function runnableModel(modelId: string, params: Record<string, unknown>, userModel: UserModelInfo | undefined, controls: JobControls): Promise<RunnableModel> {
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
  if (userModel?.id !== modelId) throw new JobError('not_found', `no model "${modelId}" (built in, or an approved user model)`);
  const session = await openModelSession(userModel.file, userModel.sha256, { timeLimitMs: userModel.timeLimitSeconds * 1000, controls });
  try {
    const parsed = await session.parseParams(params);
    return {
      needs: session.info.needs,
      outputNames: session.info.outputs.map((output) => output.name),
      params: parsed,
      score: async (input) => checkOutputs(session.info, await session.score(userModelInput(input), parsed), input.graph.nodeCount),
      explain: userExplanation(modelId, userModel.file),
      user: { version: session.info.version, file: userModel.file, sha256: userModel.sha256 },
      close: session.close,
    };
  } catch (error) {
    session.close();
    throw error;
  }
}

/** A user model's run, explained from its manifest: the parameters it ran with, and no columns beyond the graph. */
export function explainableModel(modelId: string, file: string, params: Record<string, unknown>): RunnableModel {
  return {
    needs: {},
    outputNames: [],
    params,
    score: () => {
      throw new Error(`the explanation of ${modelId} does not score`);
    },
    explain: userExplanation(modelId, file),
  };
}
