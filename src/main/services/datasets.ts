import { runImport } from '../import/run-import';
import { datasetDetail, deleteDataset, findDataset, findDatasetById, listDatasets, type DatasetRow } from '../store/datasets';
import { ServiceError } from './errors';
import type { In, Out, ServiceContext } from './context';

export function requireDataset(context: ServiceContext, name: string) {
  const row = findDataset(context.db, name);
  if (!row) throw new ServiceError('not_found', `no dataset named "${name}"; \`lens datasets\` lists them`);
  return row;
}

/** The dataset row by id, for a request that already named an existing dataset. */
export function requireDatasetRow(context: ServiceContext, id: number): DatasetRow {
  const row = findDatasetById(context.db, id);
  if (!row) throw new ServiceError('not_found', `no dataset with id ${id}; \`lens datasets\` lists them`);
  return row;
}

/** The datasets domain: one handler per API call. */
export const datasetHandlers = {
  'datasets.import': async (context: ServiceContext, input: In<'datasets.import'>): Promise<Out<'datasets.import'>> =>
    runImport(context.db, { ...input, signal: context.signal, onProgress: context.onProgress }),
  'datasets.list': async (context: ServiceContext): Promise<Out<'datasets.list'>> => listDatasets(context.db),
  'datasets.show': async (context: ServiceContext, input: In<'datasets.show'>): Promise<Out<'datasets.show'>> =>
    datasetDetail(context.db, requireDataset(context, input.name)),
  'datasets.delete': async (context: ServiceContext, input: In<'datasets.delete'>): Promise<Out<'datasets.delete'>> => {
    const row = requireDataset(context, input.name);
    deleteDataset(context.db, row);
    return { deleted: { id: row.id, name: row.name } };
  },
};
