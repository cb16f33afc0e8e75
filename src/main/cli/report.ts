import type { ApiError } from '../../shared/domain';
import type { CommandIo } from './command';

/** One line on stderr, and an exit code that says a call failed. */
export function reportFailure(io: CommandIo, error: ApiError): number {
  io.err(`lens: ${error.message}`);
  return error.code === 'invalid_input' ? 2 : 1;
}
