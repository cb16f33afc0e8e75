import { describe, expect, it } from 'vitest';
import { CancelledError, JOB_ERROR_CODES, JobError, jobFailure } from '../../src/main/jobs/errors';
import { ModelInputError } from '../../src/main/scoring/model';
import { toApiError } from '../../src/main/services/errors';
import { JobFailedError } from '../../src/main/services/jobs';

describe('JobError: how a task failure crosses the worker boundary and reaches a caller', () => {
  it('a thrown JobError keeps its code and message; anything else is `failed` with the message', () => {
    expect(jobFailure(new JobError('not_found', 'no model "x"'))).toEqual({ code: 'not_found', message: 'no model "x"' });
    expect(jobFailure(new ModelInputError('no account @nobody'))).toEqual({ code: 'invalid_input', message: 'no account @nobody' });
    expect(jobFailure(new CancelledError())).toEqual({ code: 'cancelled', message: 'the job was cancelled' });
    expect(jobFailure(new TypeError('x is undefined'))).toEqual({ code: 'failed', message: 'the job failed: x is undefined' });
    expect(jobFailure('a string')).toEqual({ code: 'failed', message: 'the job failed: a string' });
  });

  it('the failure is plain data: a structured clone (postMessage) keeps it whole', () => {
    const failure = jobFailure(new ModelInputError('bad'));
    expect(structuredClone(failure)).toEqual(failure);
  });

  it('every job code maps to an API code; the job code stays on the error for callers that need it', () => {
    const api = Object.fromEntries(JOB_ERROR_CODES.map((code) => [code, toApiError(new JobFailedError({ code, message: code })).code]));
    expect(api).toEqual({
      timeout: 'internal',
      cancelled: 'cancelled',
      out_of_memory: 'internal',
      invalid_input: 'invalid_input',
      not_found: 'not_found',
      conflict: 'conflict',
      failed: 'internal',
    });
    expect(new JobFailedError({ code: 'timeout', message: 'ran past' }).failure.code).toBe('timeout');
  });
});
