import { api, type ApiName } from '../../shared/api';
import type { Result } from '../../shared/domain';
import type { In, Out, ServiceContext } from './context';
import { analysisHandlers } from './analysis';
import { auditHandlers } from './audit';
import { auditTopicHandlers } from './audit-topics';
import { datasetHandlers } from './datasets';
import { modelHandlers } from './models';
import { overviewHandlers } from './overview';
import { previewHandlers } from './preview';
import { reportHandlers } from './report';
import { resultHandlers } from './results';
import { runHandlers } from './runs';
import { runBundleHandlers } from './run-bundle';
import { sensitivityHandlers } from './sensitivity';
import { whatIfHandlers } from './whatif';
import { windowHandlers } from './windows';
import { toApiError } from './errors';

/** One handler per call, each checked against its call's input and output: a wrong shape does not compile. */
type Handlers = { [N in ApiName]: (context: ServiceContext, input: In<N>) => Promise<Out<N>> };

const handlers: Handlers = {
  ...datasetHandlers,
  ...previewHandlers,
  ...modelHandlers,
  ...runHandlers,
  ...runBundleHandlers,
  ...sensitivityHandlers,
  ...resultHandlers,
  ...whatIfHandlers,
  ...analysisHandlers,
  ...windowHandlers,
  ...auditHandlers,
  ...auditTopicHandlers,
  ...reportHandlers,
  ...overviewHandlers,
};

/**
 * The one entry point every adapter (CLI, local server, Electron IPC) goes through: input validated against the
 * contract, errors returned as data.
 */
export async function callService<N extends ApiName>(
  name: N,
  input: unknown,
  context: ServiceContext,
): Promise<Result<Out<N>>> {
  try {
    const parsed = api[name].input.parse(input ?? {});
    const handler: Handlers[N] = handlers[name];
    return { ok: true, value: await handler(context, parsed as In<N>) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
