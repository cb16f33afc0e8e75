import { z } from 'zod';
import { AuditCase, CaseKind, Place } from './audit';
import { RunSummary } from './runs';

/**
 * What the Start screen shows of one dataset, in one cheap call: the strongest cases of its latest stored audit
 * (never a new audit) and the pairs of models whose latest runs rank its accounts least alike (Spearman only: no
 * bootstrap, no explanations), each with what a view needs to open on it.
 */
export const OverviewInput = z.object({
  dataset: z.string().min(1),
  cases: z.number().int().min(1).max(50).default(5),
  pairs: z.number().int().min(1).max(50).default(5),
});

export const StrongCase = z.object({
  /** The case's position in the stored audit's list: `#/cases?dataset=D&case=INDEX` opens it. */
  index: z.number().int(),
  case: AuditCase,
});

export const ModelPair = z.object({
  a: RunSummary,
  b: RunSummary,
  /** Accounts both runs scored. */
  n: z.number().int(),
  /** Null when undefined: fewer than 2 accounts in common, or a run gives them all one score. */
  spearman: z.number().nullable(),
});
export type ModelPair = z.infer<typeof ModelPair>;

export const OverviewOutput = z.object({
  dataset: z.string(),
  audit: z
    .object({ run: z.number().int(), stale: z.array(z.string()), cases: z.number().int(), counts: z.partialRecord(CaseKind, z.number().int()) })
    .nullable(),
  strongest: z.array(StrongCase),
  /** Base runs considered: the latest of each model. */
  latestRuns: z.array(RunSummary),
  disagreements: z.array(ModelPair),
});
export type OverviewOutput = z.infer<typeof OverviewOutput>;

export const AccountProfileInput = z.object({
  dataset: z.string().min(1),
  /** A platform id or a handle (with or without @). */
  account: z.string().min(1),
  show_minors: z.boolean().default(false),
});

/** Who an account is, from the dataset's account row; a minor's handle, name, bio and location are withheld by default. */
export const AccountProfile = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  displayName: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  /** The location as the gazetteer reads it; null when empty or not a place. */
  place: Place.nullable(),
  followers: z.number().int().nullable(),
  following: z.number().int().nullable(),
  /** Posts as the platform counted them, when the data says. */
  postCount: z.number().int().nullable(),
  /** Posts of the account stored in this dataset. */
  postsInDataset: z.number().int(),
  createdAt: z.string().nullable(),
  /** Known only as the target of someone else's interaction (a mention, a reply): no profile in the data. */
  placeholder: z.boolean(),
  /** The bio states an age under 18 (src/shared/minors.ts); with show_minors false its details are null. */
  minor: z.boolean(),
});
export type AccountProfile = z.infer<typeof AccountProfile>;
