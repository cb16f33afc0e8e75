import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callService } from '../../services';
import { withDb, type Command } from '../command';
import { formatDatasetList } from '../format';
import { reportFailure } from '../report';

const sampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../resources/sample');

/** The bundled samples, each its own dataset; importing them again changes nothing. */
export const samples = [
  { dataset: 'sample-brexit-tweets', paths: ['brexit.jsonl'] },
  { dataset: 'sample-karate-club', paths: ['karate_club_weighted.csv'] },
  { dataset: 'sample-twitter15-cascades', paths: ['twitter15'] },
];

export const startCommand: Command = {
  name: 'start',
  summary: 'Load the bundled sample datasets into the workbench database (once) and list what it holds.',
  usage: 'start',
  options: {},
  run: (args, io) =>
    withDb(io, args, async (db) => {
      for (const sample of samples) {
        const paths = sample.paths.map((file) => path.join(sampleDir, file));
        const result = await callService('datasets.import', { paths, dataset: sample.dataset }, { db });
        if (!result.ok) return reportFailure(io, result.error);
      }
      const list = await callService('datasets.list', {}, { db });
      if (!list.ok) return reportFailure(io, list.error);
      io.out(`Workbench database: ${db.name}\n`);
      io.out(formatDatasetList(list.value));
      io.out('\nThe workbench window is not built yet; explore the data with `npm run -s lens -- --help`.');
      return 0;
    }),
};
