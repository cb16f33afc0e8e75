import { UsageError, withEngine, type Command } from '../command';
import { formatDatasetDetail, formatDatasetList } from '../format';
import { reportFailure } from '../report';

export const datasetsCommand: Command = {
  name: 'datasets',
  summary: 'List the datasets in the database with their totals.',
  usage: 'datasets [--json]',
  options: { json: { type: 'boolean' } },
  run: (args, io) =>
    withEngine(io, args, async (engine) => {
      const result = await engine.call('datasets.list', {});
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
    return withEngine(io, args, async (engine) => {
      if (action === 'show') {
        const result = await engine.call('datasets.show', { name });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatDatasetDetail(result.value));
        return 0;
      }
      const result = await engine.call('datasets.delete', { name });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : `deleted dataset "${result.value.deleted.name}"`);
      return 0;
    });
  },
};
