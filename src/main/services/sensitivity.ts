import { findModel } from '../../shared/models';
import { sweepValues, type SensitivityOutput, type SensitivityPoint } from '../../shared/sensitivity';
import { alignRuns } from '../analysis/align';
import { averageRanks, compareRuns } from '../analysis/rank-agreement';
import { findRun, readRunResults, type RunResults } from '../store/runs';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError } from './errors';
import { accountLabeller } from './results';
import { score } from './runs';

type Params = Record<string, unknown>;

/** `params` with the value at a dotted path ("alpha", "weights.mention") replaced, the rest untouched. */
export function withParam(params: Params, path: string, value: number): Params {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...params, [head!]: value };
  const inner = params[head!];
  return { ...params, [head!]: withParam(typeof inner === 'object' && inner !== null ? (inner as Params) : {}, rest.join('.'), value) };
}

function valueAt(params: Params, path: string): unknown {
  return path.split('.').reduce<unknown>((object, key) => (typeof object === 'object' && object !== null ? (object as Params)[key] : undefined), params);
}

/** Mean ranks from 1 for the highest score, by account row id, over the accounts a run scored. */
function meanRanks(results: RunResults): Map<number, number> {
  const scores = results.outputs[0]![1];
  const negated = Float64Array.from(scores, (s) => -s);
  const ranks = averageRanks(negated);
  return new Map(Array.from(results.accountIds, (id, i) => [id, ranks[i]!]));
}

/** A turnover of the base top k, from the Jaccard overlap J of two top-k sets of equal size: |A ∩ B| / k = 2J/(1+J). */
const turnoverOf = (jaccard: number) => 1 - (2 * jaccard) / (1 + jaccard);

/**
 * The accounts whose mean rank moves most over the sweep, largest shift first; equal shifts by base rank, then
 * by platform id, so storage order never decides who is listed.
 */
function movers(context: ServiceContext, base: RunResults, variants: RunResults[], limit: number): SensitivityOutput['movers'] {
  const baseRanks = meanRanks(base);
  const variantRanks = variants.map(meanRanks);
  const label = accountLabeller(context.db);
  const rows = [...baseRanks].map(([id, baseRank]) => {
    const ranks = variantRanks.map((ranks) => ranks.get(id) ?? null);
    const maxShift = Math.max(0, ...ranks.map((rank) => (rank === null ? 0 : Math.abs(rank - baseRank))));
    return { account: label(id), base_rank: baseRank, ranks, max_shift: maxShift };
  });
  rows.sort(
    (x, y) =>
      y.max_shift - x.max_shift || x.base_rank - y.base_rank || (x.account.accountId < y.account.accountId ? -1 : x.account.accountId > y.account.accountId ? 1 : 0),
  );
  return rows.slice(0, limit);
}

/** Scores with one job per value, reporting the sweep's progress as a whole: job i of n, then the job's phase. */
async function scoreEach(context: ServiceContext, request: Omit<Parameters<typeof score>[1], 'params'>, all: Params[], names: string[]) {
  const runs: number[] = [];
  for (const [i, params] of all.entries()) {
    const report = context.onJobProgress;
    const step: ServiceContext = {
      ...context,
      onJobProgress: report && ((p) => report({ fraction: (i + p.fraction) / all.length, phase: `${names[i]}: ${p.phase}` })),
    };
    runs.push((await score(step, { ...request, params })).run.id);
  }
  return runs;
}

async function sensitivity(context: ServiceContext, input: In<'runs.sensitivity'>): Promise<SensitivityOutput> {
  const dataset = requireDataset(context, input.dataset);
  const descriptor = findModel(input.model);
  if (!descriptor) throw new ServiceError('not_found', `no built-in model "${input.model}"; \`lens models\` lists them`);
  if (valueAt(input.params, input.param) !== undefined) {
    throw new ServiceError('invalid_input', `${input.param} is the swept parameter; do not also fix it with --param`);
  }
  const defaults = descriptor.params.parse(input.params) as Params;
  const baseValue = valueAt(defaults, input.param);
  if (typeof baseValue !== 'number') {
    throw new ServiceError('invalid_input', `${input.model} has no numeric parameter ${input.param} (\`lens models\` lists its parameters)`);
  }
  const values = sweepValues(input.from, input.to, input.step);
  const request = { dataset: { id: dataset.id, name: dataset.name }, modelId: input.model, seed: input.seed };
  const [baseRun, ...runs] = await scoreEach(
    context,
    request,
    [input.params, ...values.map((value) => withParam(input.params, input.param, value))],
    ['base', ...values.map((value) => `${input.param}=${value}`)],
  );
  const base = readRunResults(context.db, baseRun!);
  const variants = runs.map((run) => readRunResults(context.db, run));
  const points: SensitivityPoint[] = variants.map((variant, i) => {
    const agreement = compareRuns(alignRuns(base, variant), { k: [input.k], p: input.p });
    const jaccard = agreement.jaccard[String(input.k)]!;
    return { value: values[i]!, run: runs[i]!, spearman: agreement.spearman, rbo: agreement.rbo, jaccard, turnover: turnoverOf(jaccard) };
  });
  const fidelity = findRun(context.db, baseRun!)!.manifest.model.fidelity ?? null;
  return {
    dataset: dataset.name,
    model: { id: descriptor.id, version: descriptor.version, fidelity },
    param: input.param,
    base: { run: baseRun!, value: baseValue },
    k: input.k,
    p: input.p,
    points,
    movers: movers(context, base, variants, input.movers),
  };
}

/** Sensitivity: how a model's ranking moves as one parameter sweeps a range, against its run with the defaults. */
export const sensitivityHandlers = {
  'runs.sensitivity': async (context: ServiceContext, input: In<'runs.sensitivity'>): Promise<Out<'runs.sensitivity'>> =>
    sensitivity(context, input),
};
