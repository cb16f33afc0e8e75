import { callService } from '../../services';
import { runIdOption, UsageError, withDb, type Command } from '../command';
import { scoresCsv } from '../../../shared/scores-csv';
import { formatExplanation, formatRunDetail, formatRunList, scoresAsJson } from '../format-runs';
import { reportFailure } from '../report';
import { withJob } from '../with-job';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'List stored runs, or show one run with its full manifest.',
  usage: 'runs [--dataset NAME] [--json] | runs show --run ID [--json]',
  options: { dataset: { type: 'string' }, run: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
  run: (args, io) =>
    withDb(io, args, async (db) => {
      const [action, ...extra] = args.positionals;
      if ((action !== undefined && action !== 'show') || extra.length > 0) {
        throw new UsageError('expected `runs` or `runs show --run ID`; see `lens runs --help`');
      }
      if (action === 'show') {
        const result = await callService('runs.show', { run: runIdOption(args, 'runs show') }, { db });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatRunDetail(result.value));
        return 0;
      }
      const result = await callService('runs.list', { dataset: args.values.dataset }, { db });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatRunList(result.value));
      return 0;
    }),
};

export const scoresCommand: Command = {
  name: 'scores',
  summary: "Print a run's scores, highest first: CSV account_id,handle,score,rank (+ extra outputs) or JSON.",
  usage: 'scores --run ID [--format csv|json] [--limit N]',
  details: 'Rank 1 is the highest score; tied accounts share the lowest rank; unscored accounts have no rank.',
  options: { run: { type: 'string' }, format: { type: 'string' }, limit: { type: 'string' } },
  async run(args, io) {
    const run = runIdOption(args, 'scores');
    const format = (args.values.format as string | undefined) ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, found "${format}"`);
    const limit = args.values.limit === undefined ? undefined : Number(args.values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError('--limit must be a positive integer');
    return withDb(io, args, async (db) => {
      const result = await callService('runs.scores', { run, limit }, { db });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(format === 'csv' ? scoresCsv(result.value) : JSON.stringify(scoresAsJson(result.value)));
      return 0;
    });
  },
};

export const explainCommand: Command = {
  name: 'explain',
  summary: "Explain one account's score in a run: the contributions and factors that make it.",
  usage: 'explain --run ID --account ID_OR_HANDLE [--limit N] [--json]',
  options: { run: { type: 'string' }, account: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const run = runIdOption(args, 'explain');
    const account = args.values.account;
    if (typeof account !== 'string' || account === '') throw new UsageError('explain needs --account ID_OR_HANDLE');
    const limit = args.values.limit === undefined ? undefined : Number(args.values.limit);
    return withDb(io, args, (db) =>
      withJob(async (signal, onJobProgress) => {
        const result = await callService('runs.explain', { run, account, limit }, { db, signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatExplanation(result.value));
        return 0;
      }),
    );
  },
};
