import type { AuditCase } from '../../shared/audit';
import type { AuditJob } from '../audit/run-audit';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { runJob } from './jobs';
import { requireModel } from './models';

/** The audit: every case of a dataset with its evidence and what-if, computed in the scoring worker. */
export const auditHandlers = {
  'audit.cases': async (context: ServiceContext, input: In<'audit.cases'>): Promise<Out<'audit.cases'>> => {
    const dataset = requireDataset(context, input.dataset);
    requireModel(input.model);
    const job: AuditJob = {
      dbPath: context.db.name,
      datasetId: dataset.id,
      kinds: input.kinds ?? null,
      model: input.model,
      showMinors: input.show_minors,
    };
    return { cases: await runJob<AuditCase[]>(context, 'audit', job) };
  },
};
