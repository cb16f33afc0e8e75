import { withFidelity } from '../../../shared/models/fidelity';
import type { SensitivityOutput } from '../../../shared/sensitivity';
import { UsageError, withEngine, type Command } from '../command';
import { parseParams } from '../params';
import { reportFailure } from '../report';
import { withJob } from '../with-job';

const SWEEP = /^([^=]+)=(-?[\d.e+-]+):(-?[\d.e+-]+):([\d.e+-]+)$/u;

/** The one `--param name=from:to:step` among the --param options, and the others as fixed parameters. */
export function parseSweep(pairs: readonly string[]) {
  const sweeps = pairs.filter((pair) => SWEEP.test(pair));
  if (sweeps.length !== 1) throw new UsageError('give exactly one --param NAME=FROM:TO:STEP to sweep (e.g. alpha=0.75:0.95:0.05)');
  const [, param, from, to, step] = SWEEP.exec(sweeps[0]!)!;
  const numbers = [from, to, step].map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) throw new UsageError(`--param ${sweeps[0]}: FROM, TO and STEP must be numbers`);
  const [fromValue, toValue, stepValue] = numbers as [number, number, number];
  return { param: param!.trim(), from: fromValue, to: toValue, step: stepValue, params: parseParams(pairs.filter((pair) => pair !== sweeps[0])) };
}

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(4));

export function formatSensitivity(output: SensitivityOutput): string {
  const model = withFidelity(`${output.model.id} v${output.model.version}`, output.model.fidelity ?? undefined);
  const lines = [
    `${model} on ${output.dataset}: ${output.param} swept against base run ${output.base.run} (${output.param} = ${output.base.value})`,
    `${output.param.padStart(12)}  ${'run'.padStart(5)}  spearman  rbo(p=${output.p})  top-${output.k} jaccard  top-${output.k} turnover`,
    ...output.points.map(
      (point) =>
        `${String(point.value).padStart(12)}  ${String(point.run).padStart(5)}  ${fixed(point.spearman).padStart(8)}  ${fixed(point.rbo).padStart(10)}  ` +
        `${fixed(point.jaccard).padStart(14)}  ${fixed(point.turnover).padStart(15)}`,
    ),
  ];
  if (output.movers.length > 0) {
    lines.push('', `accounts whose rank moves most (mean rank in the base run -> at each ${output.param}):`);
    for (const mover of output.movers) {
      const name = mover.account.handle ? `@${mover.account.handle} (${mover.account.accountId})` : mover.account.accountId;
      const ranks = mover.ranks.map((rank) => (rank === null ? '-' : String(rank))).join(', ');
      lines.push(`  ${name}: ${mover.base_rank} -> ${ranks}  (moves up to ${mover.max_shift})`);
    }
  }
  return lines.join('\n');
}

export const sensitivityCommand: Command = {
  name: 'sensitivity',
  summary: "Sweep one numeric parameter of a model and print each value's rank agreement with the default run.",
  usage: 'sensitivity --dataset NAME --model ID --param NAME=FROM:TO:STEP [--param key=value ...] [--seed N] [--k N] [--movers N] [--json]',
  details: [
    '  --param NAME=FROM:TO:STEP  the swept parameter, any numeric one or a kind weight (weights.mention=0:1:0.25)',
    '  --param key=value          other parameters, fixed in the base run and in every swept run',
    '  --k N                      top-k size for the Jaccard overlap and turnover (default 10)',
    '  --movers N                 how many of the accounts whose rank moves most to list (default 10)',
    'Every value is a stored run; the base run has the model defaults (and the fixed parameters).',
  ].join('\n'),
  options: {
    dataset: { type: 'string' },
    model: { type: 'string' },
    param: { type: 'string', multiple: true },
    seed: { type: 'string' },
    k: { type: 'string' },
    movers: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const { dataset, model } = args.values;
    if (typeof dataset !== 'string' || typeof model !== 'string') {
      throw new UsageError('sensitivity needs --dataset NAME, --model ID and --param NAME=FROM:TO:STEP');
    }
    const sweep = parseSweep((args.values.param as string[] | undefined) ?? []);
    const integer = (name: string) => {
      const text = args.values[name];
      if (text === undefined) return undefined;
      const value = Number(text);
      if (!Number.isInteger(value)) throw new UsageError(`--${name} must be an integer, found "${String(text)}"`);
      return value;
    };
    const input = { dataset, model, ...sweep, seed: integer('seed'), k: integer('k'), movers: integer('movers') };
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('runs.sensitivity', input, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatSensitivity(result.value));
        return 0;
      }),
    );
  },
};
