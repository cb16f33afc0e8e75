// Types of sandbox-model.mjs, which is plain JavaScript so that the sandbox child can run it without a compiler.
import type { z as zod } from 'zod';

export class SandboxError extends Error {
  constructor(file: string, message: string, code?: 'failed' | 'invalid_input');
  readonly code: 'failed' | 'invalid_input';
}

export interface SandboxModel {
  id: string;
  file: string;
  sha256: string;
  params: zod.ZodObject;
  score(input: unknown, params: Record<string, unknown>): unknown;
}

export function createSandbox(z: typeof zod): {
  load(file: string, sha256: string, builtInIds: string[]): Promise<SandboxModel>;
  info(model: SandboxModel): unknown;
  parseParams(model: SandboxModel, params: Record<string, unknown>): Record<string, unknown>;
  score(model: SandboxModel, input: unknown, params: Record<string, unknown>): unknown;
};

export function sandboxHint(error: unknown): string;
