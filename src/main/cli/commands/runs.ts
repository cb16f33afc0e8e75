import { runIdOption, UsageError, withEngine, type Command } from '../command';
import { scoresCsv } from '../../../shared/scores-csv';
import { formatExplanation, formatRunDetail, formatRunList, scoresAsJson, warningLines } from '../format-runs';
import { reportFailure } from '../report';
import { withJob } from '../with-job';
import type { VerifyOutput } from '../../../shared/run-bundle';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'List stored runs, show one run with its full manifest, export a run as a bundle, or verify a bundle.',
  usage: 'runs [--dataset NAME] [--json] | runs show --run ID [--json] | runs export --run ID --out DIR | runs verify DIR [--json]',
  details: [
    '  export  writes DIR/manifest.json, DIR/scores.csv and DIR/dataset.sha256',
    '  verify  recomputes the bundle\'s run against this database: prints "identical" (exit 0) or what differs (exit 1)',
  ].join('\n'),
  options: { dataset: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
  run: (args, io) =>
    withEngine(io, args, async (engine) => {
      const [action, ...extra] = args.positionals;
      const usage = 'expected `runs`, `runs show --run ID`, `runs export --run ID --out DIR` or `runs verify DIR`; see `lens runs --help`';
      if (action === 'export') {
        if (extra.length > 0 || typeof args.values.out !== 'string') throw new UsageError(usage);
        const result = await engine.call('runs.export', { run: runIdOption(args, 'runs export'), out: args.values.out });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : `run ${result.value.run} exported to ${result.value.dir}: ${result.value.files.join(', ')}`);
        return 0;
      }
      if (action === 'verify') {
        if (extra.length !== 1) throw new UsageError(usage);
        const result = await withJob((signal, onJobProgress) => engine.call('runs.verify', { dir: extra[0] }, { signal, onJobProgress }));
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatVerify(result.value));
        return result.value.identical ? 0 : 1;
      }
      if ((action !== undefined && action !== 'show') || extra.length > 0) throw new UsageError(usage);
      if (action === 'show') {
        const result = await engine.call('runs.show', { run: runIdOption(args, 'runs show') });
        if (!result.ok) return reportFailure(io, result.error);
        // The manifest stays the whole of stdout (scripts parse it); the stored warnings go where `score` puts them.
        for (const line of warningLines(result.value.warnings ?? [])) io.err(line);
        io.out(args.values.json ? JSON.stringify(result.value) : formatRunDetail(result.value));
        return 0;
      }
      const result = await engine.call('runs.list', { dataset: args.values.dataset });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatRunList(result.value));
      return 0;
    }),
};

function formatVerify(output: VerifyOutput): string {
  const lines = [output.identical ? 'identical' : `run ${output.run}: differs`];
  for (const d of output.differences) lines.push(`  ${d.what}: bundle ${d.bundle}; database ${d.database}`);
  for (const note of output.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

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
    return withEngine(io, args, async (engine) => {
      const result = await engine.call('runs.scores', { run, limit });
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
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('runs.explain', { run, account, limit }, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatExplanation(result.value));
        return 0;
      }),
    );
  },
};
