import { CsvMapping, EdgeDeclaration } from '../../../shared/api';
import { IMPORT_FORMATS, ImportFormat } from '../../../shared/domain';
import { UsageError, type Command } from '../command';
import { formatTotals } from '../format';
import { importProgressReporter } from '../progress';
import { reportFailure } from '../report';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import files into a dataset (created if needed), in one transaction: all or nothing.',
  usage: 'import <paths...> [--dataset NAME] [--format F] [--edges attention|influence] [--map source=COL,...] [--skip-invalid] [--pseudonymize [--hash-all-ids] [--keep location,attributes] [--passphrase-env VAR]] [--json]',
  details: [
    `  --dataset NAME    dataset to import into (default: the first path's base name)`,
    `  --format F        skip detection: ${IMPORT_FORMATS.join(', ')}`,
    '  --edges D         what the plain edges of graph files mean, stored on the dataset: attention (the source',
    '                    gives attention to the target: a follow or retweet edge) or influence (the source',
    '                    influences the target, as the Congress edge list); undeclared, scoring warns',
    '  --map ...         CSV columns: source=COL,target=COL,kind=COL,time=COL,weight=COL,topic=COL',
    '  --skip-invalid    skip bad records (counted; the first 20 reasons kept) instead of stopping; a weight',
    '                    that is negative, NaN or infinite is a bad record',
    '  --pseudonymize    replace handles, names, ids that can be names, and names in texts by keyed pseudonyms;',
    '                    locations and attribute columns are dropped (new datasets only; docs/PRIVACY.md)',
    '  --hash-all-ids    with --pseudonymize: hash tweet formats\' numeric account and post ids too',
    '  --keep WHAT       with --pseudonymize: keep location and/or attributes (comma-separated)',
    '  --passphrase-env VAR  with --pseudonymize: derive the key from the passphrase in environment variable VAR',
    '                    instead of the key file in the app data folder',
    '  --json            print the dataset totals as one JSON object',
    'A folder is read as Twitter15/16 propagation trees (tree files, or label.txt with a tree/ folder).',
  ].join('\n'),
  options: {
    dataset: { type: 'string' },
    format: { type: 'string' },
    edges: { type: 'string' },
    map: { type: 'string' },
    'skip-invalid': { type: 'boolean' },
    pseudonymize: { type: 'boolean' },
    'hash-all-ids': { type: 'boolean' },
    keep: { type: 'string' },
    'passphrase-env': { type: 'string' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('import needs at least one path; see `lens import --help`');
    const format = values.format === undefined ? undefined : ImportFormat.safeParse(values.format);
    if (format && !format.success) throw new UsageError(`unknown format "${values.format}"; one of ${IMPORT_FORMATS.join(', ')}`);
    const edges = values.edges === undefined ? undefined : EdgeDeclaration.safeParse(values.edges);
    if (edges && !edges.success) throw new UsageError(`--edges is attention or influence, found "${values.edges}"`);
    const pseudonymOptions = parsePseudonymOptions(values);
    const progress = importProgressReporter();
    const abort = new AbortController();
    const onInterrupt = () => abort.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const result = await io.engine(values.db as string | undefined).call('datasets.import', {
        paths: positionals,
        dataset: values.dataset,
        format: format?.data,
        edges: edges?.data,
        map: values.map === undefined ? undefined : parseMap(values.map as string),
        skipInvalid: values['skip-invalid'] === true,
        pseudonymize: values.pseudonymize === true,
        ...pseudonymOptions,
      }, { signal: abort.signal, onProgress: progress.report });
      progress.done();
      if (!result.ok) return reportFailure(io, result.error);
      const { totals, files, warnings } = result.value;
      for (const warning of warnings) io.err(`warning: ${warning.message}`);
      if (values.json) {
        io.out(JSON.stringify(totals));
        return 0;
      }
      for (const file of files) {
        const note = file.status === 'unchanged' ? 'unchanged (already imported)' : `${file.records.toLocaleString('en-US')} records`;
        const extra = [file.skipped ? `${file.skipped} skipped` : '', file.unresolved ? `${file.unresolved} unresolved` : '']
          .filter(Boolean).join(', ');
        io.out(`${file.format.padEnd(16)} ${file.path}: ${note}${extra ? ` (${extra})` : ''}`);
        for (const reason of file.skipReasons) io.out(`    skipped ${reason}`);
      }
      io.out(formatTotals(totals));
      return 0;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  },
};

function parsePseudonymOptions(values: Record<string, unknown>): { hashAllIds: boolean; keep: ('location' | 'attributes')[];
  passphrase?: string } {
  const pseudonymize = values.pseudonymize === true;
  for (const flag of ['hash-all-ids', 'keep', 'passphrase-env']) {
    if (values[flag] !== undefined && !pseudonymize) throw new UsageError(`--${flag} applies only with --pseudonymize`);
  }
  const keep = values.keep === undefined ? [] : (values.keep as string).split(',').map((what) => what.trim());
  const unknown = keep.filter((what) => what !== 'location' && what !== 'attributes');
  if (unknown.length > 0) throw new UsageError(`--keep takes location and/or attributes, found "${unknown.join(',')}"`);
  const variable = values['passphrase-env'] as string | undefined;
  const passphrase = variable === undefined ? undefined : process.env[variable];
  if (variable !== undefined && !passphrase) throw new UsageError(`--passphrase-env ${variable}: the environment variable is not set`);
  return { hashAllIds: values['hash-all-ids'] === true, keep: keep as ('location' | 'attributes')[], passphrase };
}

function parseMap(text: string): CsvMapping {
  const entries = text.split(',').map((pair) => {
    const [key, column, ...rest] = pair.split('=');
    if (!key || !column || rest.length > 0) throw new UsageError(`--map expects field=column pairs separated by commas, found "${pair}"`);
    return [key.trim(), column.trim()];
  });
  const parsed = CsvMapping.strict().safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    throw new UsageError(`--map fields are source, target, kind, time, weight, topic; found ${entries.map(([k]) => k).join(', ')}`);
  }
  return parsed.data;
}
