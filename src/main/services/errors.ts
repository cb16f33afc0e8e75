import { ZodError } from 'zod';
import type { ApiError, ErrorCode } from '../../shared/domain';
import { ImportCancelledError, ImportError, oneLine } from '../import/errors';
import { DatabaseTooNewError } from '../store/db';

/** An expected failure of a service call, with the code that travels to the caller. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns anything thrown inside a service into data that can cross a process boundary, its message one line with
 * control characters escaped (messages quote input, and the CLI prints them to a terminal).
 */
export function toApiError(error: unknown): ApiError {
  const { code, message } = classify(error);
  return { code, message: oneLine(message) };
}

function classify(error: unknown): ApiError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  if (error instanceof ImportError) return { code: 'import_failed', message: error.message };
  if (error instanceof ImportCancelledError) return { code: 'cancelled', message: error.message };
  if (error instanceof DatabaseTooNewError) return { code: 'database_too_new', message: error.message };
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
    return { code: 'invalid_input', message: issues.join('; ') };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
