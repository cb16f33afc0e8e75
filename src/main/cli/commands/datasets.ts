import { callService } from '../../services';
import { UsageError, withDb, type Command } from '../command';
import { formatDatasetDetail, formatDatasetList } from '../format';
import { reportFailure } from '../report';

export const datasetsCommand: Command = {
  name: 'datasets',
  summary: 'List the datasets in the database with their totals.',
  usage: 'datasets [--json]',
  options: { json: { type: 'boolean' } },
  run: (args, io) =>
    withDb(io, args, async (db) => {
      const result = await callService('datasets.list', {}, { db });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatDatasetList(result.value));
      return 0;
    }),
};

export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'Show one dataset (totals, sources with sha256, time span, top hashtags), or delete it.',
  usage: 'dataset show NAME [--json] | dataset delete NAME',
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(args, io) {
    const [action, name, ...extra] = args.positionals;
    if ((action !== 'show' && action !== 'delete') || !name || extra.length > 0) {
      throw new UsageError('expected `dataset show NAME` or `dataset delete NAME`; see `lens dataset --help`');
    }
    return withDb(io, args, async (db) => {
      if (action === 'show') {
        const result = await callService('datasets.show', { name }, { db });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatDatasetDetail(result.value));
        return 0;
      }
      const result = await callService('datasets.delete', { name }, { db });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : `deleted dataset "${result.value.deleted.name}"`);
      return 0;
    });
  },
};
