import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { jobValue } from './jobs';

/**
 * Topics (LASTA-style, with evidence and flags), the places of a dataset, and topic rankings within a place. Each
 * loads the whole dataset, so each runs as a job (tasks/audit-topics.ts) on a thread of the pool with its own
 * connection; the engine only resolves the dataset.
 */
export const auditTopicHandlers = {
  'audit.topics': async (context: ServiceContext, input: In<'audit.topics'>): Promise<Out<'audit.topics'>> => {
    const datasetId = requireDataset(context, input.dataset).id;
    return jobValue(context, 'auditTopics', { dbPath: context.db.name, datasetId, account: input.account, showMinors: input.show_minors });
  },
  'audit.top': async (context: ServiceContext, input: In<'audit.top'>): Promise<Out<'audit.top'>> => {
    const datasetId = requireDataset(context, input.dataset).id;
    return jobValue(context, 'auditTop', { dbPath: context.db.name, datasetId, topic: input.topic, place: input.place, limit: input.limit });
  },
  'audit.places': async (context: ServiceContext, input: In<'audit.places'>): Promise<Out<'audit.places'>> => {
    const datasetId = requireDataset(context, input.dataset).id;
    return jobValue(context, 'auditPlaces', { dbPath: context.db.name, datasetId, top: input.top });
  },
};
