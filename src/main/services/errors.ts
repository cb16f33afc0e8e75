import { ZodError } from 'zod';
import type { ApiError, ErrorCode, ImportErrorDetails } from '../../shared/domain';
import { ImportCancelledError, ImportError, oneLine } from '../import/errors';
import { DatabaseTooNewError } from '../store/db';

/** An expected failure of a service call, with the code that travels to the caller. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** `cause`: an ImportError, whose parts then travel as the error's details. */
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Turns anything thrown inside a service into data that can cross a process boundary, its message one line with
 * control characters escaped (messages quote input, and the CLI prints them to a terminal).
 */
export function toApiError(error: unknown): ApiError {
  const { code, message } = classify(error);
  const importError = error instanceof ImportError ? error : error instanceof ServiceError && error.cause instanceof ImportError ? error.cause : null;
  return { code, message: oneLine(message), ...(importError ? { details: importDetails(importError) } : {}) };
}

/** An import failure's parts, for a caller that words it itself (the page: the file's own name, its menus). */
function importDetails(error: ImportError): ImportErrorDetails {
  const { location } = error;
  return {
    file: error.file,
    ...('line' in location ? { line: location.line } : {}),
    ...('offset' in location ? { byte: location.offset } : {}),
    reason: oneLine(error.reason),
    ...(error.fix ? { fix: error.fix } : {}),
  };
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
