import { z } from 'zod';
import { InteractionKind } from './domain';
import { Fidelity, ModelConstant } from './models/fidelity';

/**
 * Interactions left out of a what-if run: those involving any of `accounts` (platform ids or handles, as actor or
 * target), of `kinds`, with a time in [from, to), or with one of the given interaction row ids.
 */
export const Removal = z
  .strictObject({
    accounts: z.array(z.string().min(1)).min(1).max(100_000).optional(),
    kinds: z.array(InteractionKind).min(1).optional(),
    from: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    to: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    interactions: z.array(z.number().int().min(1)).min(1).max(1_000_000).optional(),
  })
  .refine((removal) => Object.keys(removal).length > 0, { error: 'name at least one thing to remove' })
  .refine((removal) => !removal.from || !removal.to || Date.parse(removal.from) < Date.parse(removal.to), {
    error: 'from must be before to',
  });
export type Removal = z.infer<typeof Removal>;

/** Everything needed to reproduce a run, stored with its results (SPEC: "Every run is stored with a manifest"). */
/**
 * What a run's numbers rest on besides its dataset and parameters (absent from manifests made before it was
 * recorded). `derivationVersion` and `edgeDirection` are read from the dataset row when the store has them (null
 * otherwise); `ties` names how tied scores are ranked.
 */
export const RunProvenance = z.object({
  build: z.object({ source: z.enum(['git', 'bundle', 'unknown']), hash: z.string(), dirty: z.boolean().nullable() }),
  derivationVersion: z.number().int().nullable(),
  edgeDirection: z.string().nullable(),
  ties: z.literal('mean rank'),
});
export type RunProvenance = z.infer<typeof RunProvenance>;

export const RunManifest = z.object({
  dataset: z.object({ id: z.number().int(), name: z.string(), contentHash: z.string() }),
  /** A user model also records its file and the file's sha256, which a rerun checks. */
  model: z.object({
    id: z.string(),
    version: z.string(),
    file: z.string().optional(),
    sha256: z.string().optional(),
    fidelity: Fidelity.optional(),
  }),
  provenance: RunProvenance.optional(),
  params: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  appVersion: z.string(),
  minorRuleVersion: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  accountsScored: z.number().int(),
  excluded: z.object({
    minors: z.number().int(),
    /**
     * The excluded accounts by platform id, only when the run asked for them (`record_minor_ids`): a manifest
     * travels with exports and reports, and a minor's id is as identifying as a handle. Never handles. Older
     * manifests listed handles too; they are dropped when read.
     */
    accounts: z.array(z.object({ accountId: z.string(), reason: z.string() })),
  }),
  graph: z.object({
    nodes: z.number().int(),
    edges: z.number().int(),
    interactionsRead: z.number().int(),
    cache: z.enum(['hit', 'built']),
  }),
  stats: z.record(z.string(), z.unknown()),
  /** For a windowed run: only interactions with a time in [from, to) were scored. */
  window: z.object({ from: z.string(), to: z.string() }).optional(),
  /** For a what-if run: what was left out, the run it varies, and how many interactions that removed. */
  whatIf: z.object({ base: z.number().int(), removal: Removal, interactionsRemoved: z.number().int() }).optional(),
});
export type RunManifest = z.infer<typeof RunManifest>;

export const RunRef = z.object({
  id: z.number().int(),
  model: z.string(),
  version: z.string(),
  params: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
});

/**
 * More than this share of the scored accounts on one value is "mostly tied": for most accounts the run's ranking is
 * then an arbitrary tie order (Kred on the Congress edge list gives all 475 accounts the score 1).
 */
export const MOSTLY_TIED_SHARE = 0.5;

/**
 * Something the user should know about a run: about its input (`direction_undeclared`, `direction_overridden`,
 * `derivation_outdated`) or its scores (`mostly_tied`, `no_interactions_counted`). Stored with the run.
 */
export const ScoreWarning = z.object({ code: z.string(), message: z.string() });
export type ScoreWarning = z.infer<typeof ScoreWarning>;

/**
 * How a run read its dataset's plain graph edges: `read` is its `edge_direction` parameter (null for a model
 * without one), `declared` what the dataset declared at import (null when undeclared, or before it was recorded).
 */
export const EdgeReading = z.object({
  read: z.enum(['attention', 'influence']).nullable(),
  declared: z.enum(['attention', 'influence']).nullable(),
});
export type EdgeReading = z.infer<typeof EdgeReading>;

/** What `lens score --json` prints. */
export const ScoreOutput = z.object({
  run: RunRef,
  accounts_scored: z.number().int(),
  excluded: z.number().int(),
  seconds: z.number(),
  warnings: z.array(ScoreWarning),
});
export type ScoreOutput = z.infer<typeof ScoreOutput>;

export const ScoreInput = z.object({
  dataset: z.string().min(1),
  model: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** List the excluded minors' platform ids in the manifest (withheld by default; the count is always there). */
  record_minor_ids: z.boolean().default(false),
});

/** A run of the whole dataset, a what-if variant of one (interactions left out), or one window of a time series. */
export const RunKind = z.enum(['base', 'whatif', 'window']);
export type RunKind = z.infer<typeof RunKind>;

export const RunSummary = z.object({
  id: z.number().int(),
  dataset: z.string(),
  model: z.string(),
  version: z.string(),
  params: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  accountsScored: z.number().int(),
  excluded: z.number().int(),
  /** Of the model that made the run, as its manifest records it (none for runs made before it was recorded). */
  fidelity: Fidelity.nullable(),
  kind: RunKind,
  edges: EdgeReading,
  /** Null for runs stored before warnings were kept with the run: nobody checked them (rerun to check). */
  warnings: z.array(ScoreWarning).nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({ outputs: z.array(z.string()), manifest: RunManifest });
export type RunDetail = z.infer<typeof RunDetail>;

export const RunId = z.object({ run: z.number().int().min(1) });

export const ScoreRow = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  rank: z.number().int().nullable(),
  /** One value per column of `columns`, null where the model gives none (NaN). */
  values: z.array(z.number().nullable()),
});
export type ScoreRow = z.infer<typeof ScoreRow>;

export const ScoresInput = RunId.extend({
  limit: z.number().int().min(1).optional(),
  offset: z.number().int().min(0).default(0),
});
export const ScoresOutput = z.object({
  run: z.number().int(),
  /** The model that made the run, with its fidelity (null for runs made before it was recorded, and user models). */
  model: z.object({ id: z.string(), version: z.string(), fidelity: Fidelity.nullable() }),
  total: z.number().int(),
  columns: z.array(z.string()),
  rows: z.array(ScoreRow),
});
export type ScoresOutput = z.infer<typeof ScoresOutput>;

export const AccountLabel = z.object({ accountId: z.string(), handle: z.string().nullable() });

export const ExplainInput = RunId.extend({ account: z.string().min(1), limit: z.number().int().min(1).max(1000).default(10) });
export const Explanation = z.object({
  run: RunRef,
  account: AccountLabel,
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  outputs: z.record(z.string(), z.number().nullable()),
  summary: z.string(),
  factors: z.array(z.object({ label: z.string(), value: z.union([z.number(), z.string()]), note: z.string().optional() })),
  contributions: z.array(
    z.object({
      account: AccountLabel.nullable(),
      kind: InteractionKind.optional(),
      label: z.string(),
      value: z.number(),
      share: z.number().nullable(),
    }),
  ),
});
export type Explanation = z.infer<typeof Explanation>;

export const RerunOutput = ScoreOutput.extend({ original: z.number().int(), identical: z.boolean() });
export type RerunOutput = z.infer<typeof RerunOutput>;

export const ModelInfo = z.object({
  id: z.string(),
  version: z.string(),
  label: z.string(),
  description: z.string(),
  citation: z.string(),
  stochastic: z.boolean(),
  /** Built-in models only: how closely the model follows its source, and every constant with its source. */
  fidelity: Fidelity.optional(),
  constants: z.array(ModelConstant).optional(),
  outputs: z.array(z.object({ name: z.string(), description: z.string() })),
  params: z.record(z.string(), z.unknown()),
  /** User models only: the file it comes from, and how long a run may take before it is stopped. */
  file: z.string().optional(),
  sha256: z.string().optional(),
  timeLimitSeconds: z.number().optional(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const ModelProblem = z.object({ file: z.string(), error: z.string() });

export const JobProgress = z.object({ fraction: z.number(), phase: z.string() });
export type JobProgress = z.infer<typeof JobProgress>;
