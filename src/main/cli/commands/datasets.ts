import { callService } from '../../services';
import { UsageError, type Command } from '../command';
import { formatDatasetDetail, formatDatasetList } from '../format';
import { reportFailure } from '../report';

export const datasetsCommand: Command = {
  name: 'datasets',
  summary: 'List the datasets in the database with their totals.',
  usage: 'datasets [--json]',
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const db = io.openDb(values.db as string | undefined);
    try {
      const result = await callService('datasets.list', {}, { db });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(values.json ? JSON.stringify(result.value) : formatDatasetList(result.value));
      return 0;
    } finally {
      db.close();
    }
  },
};

export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'Show one dataset (totals, sources with sha256, time span, top hashtags), or delete it.',
  usage: 'dataset show NAME [--json] | dataset delete NAME',
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [action, name, ...extra] = positionals;
    if ((action !== 'show' && action !== 'delete') || !name || extra.length > 0) {
      throw new UsageError('expected `dataset show NAME` or `dataset delete NAME`; see `lens dataset --help`');
    }
    const db = io.openDb(values.db as string | undefined);
    try {
      if (action === 'show') {
        const result = await callService('datasets.show', { name }, { db });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(values.json ? JSON.stringify(result.value) : formatDatasetDetail(result.value));
        return 0;
      }
      const result = await callService('datasets.delete', { name }, { db });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(values.json ? JSON.stringify(result.value) : `deleted dataset "${result.value.deleted.name}"`);
      return 0;
    } finally {
      db.close();
    }
  },
};
