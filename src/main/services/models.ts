import { z } from 'zod';
import type { ModelInfo } from '../../shared/runs';
import { findModel, modelDescriptors } from '../../shared/models';
import type { ModelDescriptor } from '../../shared/models/descriptor';
import { ServiceError } from './errors';

export function modelInfo(model: ModelDescriptor): ModelInfo {
  return {
    id: model.id,
    version: model.version,
    label: model.label,
    description: model.description,
    citation: model.citation,
    stochastic: model.stochastic,
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

export const modelHandlers = {
  'models.list': async (): Promise<ModelInfo[]> => modelDescriptors.map(modelInfo),
};
