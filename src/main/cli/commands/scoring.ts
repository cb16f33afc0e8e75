import { USER_MODEL_WARNING } from '../../../shared/user-model-trust';
import { runIdOption, UsageError, withEngine, type Command, type CommandIo, type ParsedArgs } from '../command';
import { formatModels, formatScoreOutput, warningLines } from '../format-runs';
import { parseParams } from '../params';
import { withJob } from '../with-job';
import { reportFailure } from '../report';

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List the scoring models (built in and your own) with versions, citations and parameters; add a model file.',
  usage: 'models [--json] | models add FILE [--yes] [--json]',
  details: [
    '`models add FILE` approves the file: it is checked in the model sandbox, copied into the models folder of your app data folder and its sha256 recorded; only approved, unchanged files run (never a models folder beside a database). docs/USER-MODELS.md says what a model can and cannot do.',
    'It first prints what approving means and asks for a yes on the terminal; --yes confirms without asking, and is required when stdin is not a terminal (a script or a pipe).',
  ].join('\n'),
  options: { json: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
  allowPositionals: true,
  async run(args, io) {
    const [action, file, ...extra] = args.positionals;
    if ((action !== undefined && action !== 'add') || (action === 'add' && !file) || extra.length > 0) {
      throw new UsageError('expected `models` or `models add FILE`; see `lens models --help`');
    }
    if (action === 'add' && !(await confirmAdd(file!, args, io))) return 1;
    return withEngine(io, args, async (engine) => {
      if (action === 'add') {
        const added = await engine.call('models.add', { file: file!, trust: true });
        if (!added.ok) return reportFailure(io, added.error);
        const { model, replaced } = added.value;
        io.out(args.values.json ? JSON.stringify(added.value) : `${replaced ? 'replaced' : 'added'} ${model.id} v${model.version} (${model.file})`);
        return 0;
      }
      const result = await engine.call('models.list', {});
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatModels(result.value));
      const problems = await engine.call('models.problems', {});
      if (problems.ok) for (const problem of problems.value) io.err(`lens: skipped ${problem.error}`);
      return 0;
    });
  },
};

/**
 * The warning always goes to stderr (also with --yes, so a script's log records what was accepted); then --yes, or
 * a yes typed on the terminal. Without a terminal and without --yes nothing is added: a usage error, exit 2.
 */
async function confirmAdd(file: string, args: ParsedArgs, io: CommandIo): Promise<boolean> {
  io.err(`lens: ${file}: ${USER_MODEL_WARNING}`);
  if (args.values.yes) return true;
  const answer = (await io.confirm?.(`Add ${file} as a model?`)) ?? null;
  if (answer === null) throw new UsageError('models add needs a confirmation and stdin is not a terminal: pass --yes to add the file as it says above');
  if (!answer) io.err('lens: not added');
  return answer;
}

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Run a scoring model on a dataset in the scoring worker and store the run with its manifest.',
  usage: 'score --dataset NAME --model ID [--param key=value ...] [--seed N] [--record-minor-ids] [--json]',
  details: [
    '  --param key=value  a model parameter (see `lens models`); JSON values, a,b lists, a.b=1 for nested keys',
    '  --seed N           random seed (default 1); recorded in the manifest',
    '  --record-minor-ids list the accounts excluded as likely minors in the manifest by platform id (by default',
    '                     only their count is recorded: manifests travel with exports and reports)',
  ].join('\n'),
  options: {
    dataset: { type: 'string' },
    model: { type: 'string' },
    param: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'record-minor-ids': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const { dataset, model } = args.values;
    if (typeof dataset !== 'string' || typeof model !== 'string') {
      throw new UsageError('score needs --dataset NAME and --model ID; see `lens score --help`');
    }
    const seed = args.values.seed === undefined ? undefined : Number(args.values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, found "${args.values.seed}"`);
    const params = parseParams((args.values.param as string[] | undefined) ?? []);
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('runs.score', { dataset, model, params, seed, record_minor_ids: args.values['record-minor-ids'] === true }, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        for (const line of warningLines(result.value.warnings)) io.err(line);
        io.out(args.values.json ? JSON.stringify(result.value) : formatScoreOutput(result.value));
        return 0;
      }),
    );
  },
};

export const rerunCommand: Command = {
  name: 'rerun',
  summary: "Run a stored run's manifest again and say whether the scores are byte-identical.",
  usage: 'rerun --run ID [--json]',
  options: { run: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const run = runIdOption(args, 'rerun');
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('runs.rerun', { run }, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        const { original, identical } = result.value;
        for (const line of warningLines(result.value.warnings)) io.err(line);
        io.out(
          args.values.json
            ? JSON.stringify(result.value)
            : `${formatScoreOutput(result.value)}\nrerun of run ${original}: scores ${identical ? 'byte-identical' : 'DIFFER'}`,
        );
        return identical ? 0 : 1;
      }),
    );
  },
};
