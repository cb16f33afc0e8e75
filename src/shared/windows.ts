import { z } from 'zod';
import { InteractionKind } from './domain';
import { AccountLabel } from './runs';

const Duration = z.string().regex(/^\d+[hdw]$/, { error: 'a duration such as 90d, 4w or 12h' });

/** A model scored over sliding time windows, and why one account's score changed from window to window. */
export const WindowsInput = z.object({
  dataset: z.string().min(1),
  model: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  seed: z.number().int().min(0).default(1),
  window: Duration.default('90d'),
  step: Duration.default('30d'),
  account: z.string().min(1).optional(),
  /** Interactions and contributors listed per change. */
  limit: z.number().int().min(1).max(1000).default(10),
});

const Moved = z.object({
  count: z.number().int(),
  by_kind: z.partialRecord(InteractionKind, z.number().int()),
  examples: z.array(z.object({ interaction_id: z.number().int(), actor: AccountLabel, kind: InteractionKind, time: z.string() })),
});

export const WindowsOutput = z.object({
  windows: z.array(
    z.object({
      run: z.number().int(),
      from: z.string(),
      to: z.string(),
      accounts_scored: z.number().int(),
      account: z.object({ score: z.number().nullable(), rank: z.number().int().nullable() }).nullable(),
    }),
  ),
  changes: z.array(
    z.object({
      from_run: z.number().int(),
      to_run: z.number().int(),
      score_before: z.number().nullable(),
      score_after: z.number().nullable(),
      /** Interactions the account received that are in the later window only, and those that aged out of it. */
      entered: Moved,
      aged_out: Moved,
      /** The contributions of the two explanations, matched by contributor, largest change first. */
      movers: z.array(
        z.object({ account: AccountLabel.nullable(), label: z.string(), before: z.number(), after: z.number(), delta: z.number() }),
      ),
    }),
  ),
});
export type WindowsOutput = z.infer<typeof WindowsOutput>;
