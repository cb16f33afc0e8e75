import { INTERACTION_KINDS, InteractionKind } from '../../../shared/domain';
import { runIdOption, UsageError, withEngine, type Command } from '../command';
import { formatComparison, formatDisagreements, formatDistribution, formatWhatIf } from '../format-analysis';
import { formatCascades, formatEgo } from '../format-cascades';
import { integerList, stringList } from '../list-option';
import { reportFailure } from '../report';
import { withJob } from '../with-job';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Rank agreement of runs on one dataset: Spearman, Kendall tau-b, top-k Jaccard, RBO, top 10% and 1%, with 95% intervals.',
  usage: 'compare --runs A,B[,C...] [--k 10,100] [--p 0.9] [--bootstrap N] [--seed N] [--noise-ceiling score|stored|off] [--json]',
  details: [
    'Every pair of the runs is compared; the top 10% and 1% segments are those of the first run of each pair.',
    'Tied scores share their mean rank; top-k lists and segments take a tie group whole, and each run\'s share of tied',
    'scores is shown. --bootstrap N: resamples for the 95% percentile intervals (default 200, fewer on very large runs,',
    'as the output says; 0 turns them off); --seed N: the bootstrap seed (default 1). Ctrl-C cancels.',
    'A Monte Carlo run (spread) is compared with its own recipe under the next seed: its noise ceiling, which no pair',
    'with it can be read beyond. That run is found if stored, else scored in the worker and stored as a normal run',
    '(--noise-ceiling stored: only use a stored one; off: skip).',
  ].join('\n'),
  options: {
    runs: { type: 'string' },
    k: { type: 'string' },
    p: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' },
    'noise-ceiling': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const runs = integerList(args.values.runs, 'runs');
    if (runs.length < 2) throw new UsageError('compare needs at least two runs: --runs A,B');
    const k = args.values.k === undefined ? undefined : integerList(args.values.k, 'k');
    const number = (name: string) => (args.values[name] === undefined ? undefined : Number(args.values[name]));
    const noiseCeiling = args.values['noise-ceiling'];
    if (noiseCeiling !== undefined && !['score', 'stored', 'off'].includes(noiseCeiling as string)) throw new UsageError('--noise-ceiling is score, stored or off');
    const input = { runs, k, p: number('p'), bootstrap: number('bootstrap'), bootstrap_seed: number('seed'), noise_ceiling: noiseCeiling };
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('analysis.compare', input, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatComparison(result.value));
        return 0;
      }),
    );
  },
};

export const disagreementsCommand: Command = {
  name: 'disagreements',
  summary: 'The accounts two runs rank most differently (by |ln(rank_a / rank_b)|), with both explanations.',
  usage: 'disagreements --runs A,B [--limit N] [--json]',
  options: { runs: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const runs = integerList(args.values.runs, 'runs');
    if (runs.length !== 2) throw new UsageError('disagreements compares two runs: --runs A,B');
    const limit = args.values.limit === undefined ? undefined : Number(args.values.limit);
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('analysis.disagreements', { runs, limit }, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatDisagreements(result.value));
        return 0;
      }),
    );
  },
};

export const distributionCommand: Command = {
  name: 'distribution',
  summary: "A run's score distribution: percentiles, linear and log histograms, CCDF, Gini, top-1% share.",
  usage: 'distribution --run ID [--output NAME] [--bins N] [--json]',
  options: { run: { type: 'string' }, output: { type: 'string' }, bins: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const run = runIdOption(args, 'distribution');
    const bins = args.values.bins === undefined ? undefined : Number(args.values.bins);
    return withEngine(io, args, async (engine) => {
      const result = await engine.call('analysis.distribution', { run, output: args.values.output, bins });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatDistribution(result.value));
      return 0;
    });
  },
};

export const whatIfCommand: Command = {
  name: 'whatif',
  summary: "Rescore a run's manifest with chosen interactions removed; a new run, and each account before and after.",
  usage: 'whatif --run ID [--remove-accounts a,b] [--remove-kind K,...] [--remove-from T] [--remove-to T] [--remove-interactions 1,2] [--limit N] [--json]',
  details: [
    '  --remove-accounts a,b      interactions given or received by these accounts (ids or @handles)',
    `  --remove-kind K,...        interactions of these kinds (${INTERACTION_KINDS.join(', ')})`,
    '  --remove-from/--remove-to  interactions with a time in [from, to) (ISO dates or date-times)',
    '  --remove-interactions 1,2  interactions by row id',
    '  --limit N                  accounts listed, most changed first (default 20; 0 for all)',
  ].join('\n'),
  options: {
    run: { type: 'string' },
    'remove-accounts': { type: 'string' },
    'remove-kind': { type: 'string' },
    'remove-from': { type: 'string' },
    'remove-to': { type: 'string' },
    'remove-interactions': { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const run = runIdOption(args, 'whatif');
    const { values } = args;
    const kinds = values['remove-kind'] === undefined ? undefined : stringList(values['remove-kind'] as string);
    for (const kind of kinds ?? []) {
      if (!InteractionKind.safeParse(kind).success) throw new UsageError(`--remove-kind: unknown kind "${kind}"; kinds: ${INTERACTION_KINDS.join(', ')}`);
    }
    const remove = {
      ...(values['remove-accounts'] !== undefined ? { accounts: stringList(values['remove-accounts'] as string) } : {}),
      ...(kinds ? { kinds } : {}),
      ...(values['remove-from'] !== undefined ? { from: values['remove-from'] } : {}),
      ...(values['remove-to'] !== undefined ? { to: values['remove-to'] } : {}),
      ...(values['remove-interactions'] !== undefined ? { interactions: integerList(values['remove-interactions'], 'remove-interactions') } : {}),
    };
    if (Object.keys(remove).length === 0) throw new UsageError('whatif needs something to remove; see `lens whatif --help`');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('runs.whatif', { run, remove, limit }, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(values.json ? JSON.stringify(result.value) : formatWhatIf(result.value));
        return 0;
      }),
    );
  },
};

export const cascadesCommand: Command = {
  name: 'cascades',
  summary: "Metrics of a dataset's cascades: size, depth, max breadth, structural virality, time to half size, top spreaders.",
  usage: 'cascades --dataset NAME [--source tree|reconstructed] [--json]',
  details: 'Stored propagation trees, and retweet/quote/reply trees reconstructed from the posts where the parent is known.',
  options: { dataset: { type: 'string' }, source: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    if (typeof args.values.dataset !== 'string') throw new UsageError('cascades needs --dataset NAME');
    const source = args.values.source;
    if (source !== undefined && source !== 'tree' && source !== 'reconstructed') throw new UsageError('--source is tree or reconstructed');
    return withEngine(io, args, async (engine) => {
      const result = await engine.call('analysis.cascades', { dataset: args.values.dataset, source });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatCascades(result.value));
      return 0;
    });
  },
};

export const egoCommand: Command = {
  name: 'ego',
  summary: "An account's ego network: accounts within 1 or 2 steps and the interactions among them (sampled past --limit).",
  usage: 'ego --dataset NAME --account ID_OR_HANDLE [--depth 1|2] [--limit N] [--seed N] [--json]',
  options: {
    dataset: { type: 'string' },
    account: { type: 'string' },
    depth: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const { dataset, account } = args.values;
    if (typeof dataset !== 'string' || typeof account !== 'string') throw new UsageError('ego needs --dataset NAME and --account ID_OR_HANDLE');
    const number = (name: string) => (args.values[name] === undefined ? undefined : Number(args.values[name]));
    return withEngine(io, args, async (engine) => {
      const input = { dataset, account, depth: number('depth'), limit: number('limit'), seed: number('seed') };
      const result = await engine.call('analysis.ego', input);
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatEgo(result.value));
      return 0;
    });
  },
};
