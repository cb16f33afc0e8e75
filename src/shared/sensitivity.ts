import { z } from 'zod';
import { Fidelity } from './models/fidelity';
import { AccountLabel } from './runs';

/** More values than this is a grid search, not a sensitivity check: each value is a full run. */
export const MAX_SENSITIVITY_VALUES = 50;

/** The swept values from, from + step, ... up to to, each rounded to 12 significant digits (0.1 + 0.2 is 0.3). */
export function sweepValues(from: number, to: number, step: number): number[] {
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => Number((from + i * step).toPrecision(12)));
}

export const SensitivityInput = z
  .object({
    dataset: z.string().min(1),
    model: z.string().min(1),
    /** A numeric parameter, or a kind weight as `weights.mention`. */
    param: z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_]+)?$/u, { error: 'a parameter name, or weights.KIND' }),
    from: z.number(),
    to: z.number(),
    step: z.number().gt(0),
    /** Other parameters, held fixed in the base run and every swept run. */
    params: z.record(z.string(), z.unknown()).default({}),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    k: z.number().int().min(1).default(10),
    p: z.number().gt(0).lt(1).default(0.9),
    movers: z.number().int().min(0).max(1000).default(10),
  })
  .refine((input) => input.from <= input.to, { error: 'from must not exceed to' })
  .refine((input) => sweepValues(input.from, input.to, input.step).length <= MAX_SENSITIVITY_VALUES, {
    error: `at most ${MAX_SENSITIVITY_VALUES} values; use a larger step`,
  });

export const SensitivityPoint = z.object({
  value: z.number(),
  run: z.number().int(),
  /** Rank agreement with the base run over the accounts both scored (analysis.compare's figures). */
  spearman: z.number().nullable(),
  rbo: z.number(),
  jaccard: z.number(),
  /** Share of the base run's top k that leaves the top k: 1 - 2J / (1 + J) from the tie-aware Jaccard J. */
  turnover: z.number(),
});
export type SensitivityPoint = z.infer<typeof SensitivityPoint>;

export const SensitivityMover = z.object({
  account: AccountLabel,
  /** Mean ranks (1 = highest score, ties share their mean): in the base run, then at each swept value. */
  base_rank: z.number(),
  ranks: z.array(z.number().nullable()),
  max_shift: z.number(),
});

export const SensitivityOutput = z.object({
  dataset: z.string(),
  model: z.object({ id: z.string(), version: z.string(), fidelity: Fidelity.nullable() }),
  param: z.string(),
  base: z.object({ run: z.number().int(), value: z.number() }),
  k: z.number().int(),
  p: z.number(),
  points: z.array(SensitivityPoint),
  movers: z.array(SensitivityMover),
});
export type SensitivityOutput = z.infer<typeof SensitivityOutput>;
