import { z } from 'zod';
import { ImportFormat, INTERACTION_KINDS } from './domain';
import { USER_MODEL_TRUST_REQUIRED } from './user-model-trust';
import {
  Explanation,
  ExplainInput,
  ModelInfo,
  ModelProblem,
  RerunOutput,
  RunDetail,
  RunId,
  RunSummary,
  ScoreInput,
  ScoreOutput,
  ScoreWarning,
  ScoresInput,
  ScoresOutput,
} from './runs';
import {
  CascadeInput,
  CascadeNodesOutput,
  CascadesInput,
  CascadesOutput,
  CompareInput,
  CompareOutput,
  DisagreementsInput,
  DisagreementsOutput,
  DistributionInput,
  DistributionOutput,
  EgoInput,
  EgoOutput,
  WhatIfInput,
  WhatIfOutput,
} from './analysis';
import { WindowsInput, WindowsOutput } from './windows';
import { AccountReport, AccountReportInput } from './report';
import { AccountProfile, AccountProfileInput, OverviewInput, OverviewOutput } from './overview';
import { ExportInput, ExportOutput, VerifyInput, VerifyOutput } from './run-bundle';
import { SensitivityInput, SensitivityOutput } from './sensitivity';
import {
  AuditInput,
  AuditLatestInput,
  AuditOutput,
  AuditRunInput,
  AuditRunsInput,
  AuditRunSummary,
  PlacesInput,
  PlacesOutput,
  TopicsInput,
  TopicsOutput,
  TopInput,
  TopOutput,
} from './audit';

/**
 * The API contract: one entry per call, with its input and output schemas. The CLI, the local server and the
 * Electron IPC handlers are thin adapters over the service functions that implement these.
 */
export const CsvMapping = z
  .object({
    source: z.string().min(1),
    target: z.string().min(1),
    kind: z.string().min(1),
    time: z.string().min(1),
    weight: z.string().min(1),
    topic: z.string().min(1),
  })
  .partial();
export type CsvMapping = z.infer<typeof CsvMapping>;

/**
 * What the plain `edge` rows of a graph file mean, declared at import (`--edges`): `attention`, the source gives
 * attention to the target (a follow or retweet edge); `influence`, the source influences the target (the Congress
 * edge list), so the edges are reversed when a graph is built.
 */
export const EdgeDeclaration = z.enum(['attention', 'influence']);
export type EdgeDeclaration = z.infer<typeof EdgeDeclaration>;

export const ImportInput = z.object({
  paths: z.array(z.string().min(1)).min(1),
  edges: EdgeDeclaration.optional(),
  dataset: z.string().min(1).max(200).optional(),
  format: ImportFormat.optional(),
  map: CsvMapping.optional(),
  skipInvalid: z.boolean().default(false),
  pseudonymize: z.boolean().default(false),
  /** With pseudonymize: hash every account and post id, tweet formats' numeric ids too (docs/PRIVACY.md). */
  hashAllIds: z.boolean().default(false),
  /** With pseudonymize: locations and node attribute columns are dropped unless kept here. */
  keep: z.array(z.enum(['location', 'attributes'])).default([]),
  /** With pseudonymize: the key is derived from this passphrase instead of the user's key file. */
  passphrase: z.string().min(12).optional(),
});
export type ImportInput = z.input<typeof ImportInput>;

export const InteractionCounts = z.object(
  Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, z.number().int()])) as Record<
    (typeof INTERACTION_KINDS)[number],
    z.ZodNumber
  >,
);
export type InteractionCounts = z.infer<typeof InteractionCounts>;

export const DatasetRef = z.object({ id: z.number().int(), name: z.string() });

/** The dataset's totals after an import; the CLI's `import --json` prints exactly this object. */
export const DatasetTotals = z.object({
  dataset: DatasetRef,
  accounts: z.number().int(),
  posts: z.number().int(),
  interactions: InteractionCounts,
  cascades: z.number().int(),
  unresolved: z.number().int(),
  skipped: z.number().int(),
});
export type DatasetTotals = z.infer<typeof DatasetTotals>;

export const SourceFile = z.object({
  path: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  format: ImportFormat,
  importedAt: z.string(),
  records: z.number().int(),
  skipped: z.number().int(),
  unresolved: z.number().int(),
  skipReasons: z.array(z.string()),
});
export type SourceFile = z.infer<typeof SourceFile>;

export const ImportFileOutcome = z.object({
  path: z.string(),
  format: ImportFormat,
  status: z.enum(['imported', 'unchanged']),
  records: z.number().int(),
  skipped: z.number().int(),
  unresolved: z.number().int(),
  skipReasons: z.array(z.string()),
});

export const ImportOutput = z.object({ totals: DatasetTotals, files: z.array(ImportFileOutcome), warnings: z.array(ScoreWarning) });
export type ImportOutput = z.infer<typeof ImportOutput>;

/** The derivation rules a dataset was imported under; `reimport` is how to bring it up to date, null when it is. */
export const DatasetDerivation = z.object({ version: z.number().int(), current: z.number().int(), reimport: z.string().nullable() });
export type DatasetDerivation = z.infer<typeof DatasetDerivation>;

export const DatasetSummary = DatasetTotals.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  pseudonymized: z.boolean(),
  edgeDirection: EdgeDeclaration.nullable(),
  derivation: DatasetDerivation,
  placeholders: z.number().int(),
  timeSpan: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
});
export type DatasetSummary = z.infer<typeof DatasetSummary>;

export const DatasetDetail = DatasetSummary.extend({
  /** What run manifests record as the dataset's hash: source files, derivation version, edge direction, derived rows. */
  contentHash: z.string(),
  sources: z.array(SourceFile),
  topHashtags: z.array(z.object({ tag: z.string(), posts: z.number().int() })),
});
export type DatasetDetail = z.infer<typeof DatasetDetail>;

export const DatasetName = z.object({ name: z.string().min(1) });

export const ImportProgress = z.object({
  file: z.string(),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  records: z.number().int(),
  /** Set while this import waits for another one to finish: the name of the dataset that one imports into. */
  waitingFor: z.string().optional(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export { ScoreWarning };

export const api = {
  'datasets.import': { input: ImportInput, output: ImportOutput },
  'datasets.list': { input: z.object({}), output: z.array(DatasetSummary) },
  'datasets.show': { input: DatasetName, output: DatasetDetail },
  'datasets.delete': { input: DatasetName, output: z.object({ deleted: DatasetRef }) },
  'datasets.preview': {
    input: z.object({ paths: z.array(z.string().min(1)).min(1), format: ImportFormat.optional() }),
    output: z.object({
      files: z.array(
        z.object({ path: z.string(), format: ImportFormat, size: z.number().int(), lines: z.array(z.string()), columns: z.array(z.string()).nullable() }),
      ),
    }),
  },
  'models.list': { input: z.object({}), output: z.array(ModelInfo) },
  'models.problems': { input: z.object({}), output: z.array(ModelProblem) },
  'models.add': {
    // The file runs with the user's permissions: the caller must say the user confirmed that (src/shared/user-model-trust.ts).
    input: z.object({ file: z.string().min(1), trust: z.literal(true, { error: USER_MODEL_TRUST_REQUIRED }) }),
    output: z.object({ model: ModelInfo, replaced: z.boolean() }),
  },
  'runs.score': { input: ScoreInput, output: ScoreOutput },
  'runs.list': { input: z.object({ dataset: z.string().min(1).optional() }), output: z.array(RunSummary) },
  'runs.show': { input: RunId, output: RunDetail },
  'runs.scores': { input: ScoresInput, output: ScoresOutput },
  'runs.explain': { input: ExplainInput, output: Explanation },
  'runs.rerun': { input: RunId, output: RerunOutput },
  'runs.whatif': { input: WhatIfInput, output: WhatIfOutput },
  'runs.export': { input: ExportInput, output: ExportOutput },
  'runs.verify': { input: VerifyInput, output: VerifyOutput },
  'runs.sensitivity': { input: SensitivityInput, output: SensitivityOutput },
  'analysis.compare': { input: CompareInput, output: CompareOutput },
  'analysis.disagreements': { input: DisagreementsInput, output: DisagreementsOutput },
  'analysis.distribution': { input: DistributionInput, output: DistributionOutput },
  'analysis.cascades': { input: CascadesInput, output: CascadesOutput },
  'analysis.cascade': { input: CascadeInput, output: CascadeNodesOutput },
  'analysis.ego': { input: EgoInput, output: EgoOutput },
  'analysis.windows': { input: WindowsInput, output: WindowsOutput },
  'audit.cases': { input: AuditInput, output: AuditOutput },
  'audit.run': { input: AuditRunInput, output: AuditOutput },
  'audit.latest': { input: AuditLatestInput, output: AuditOutput.nullable() },
  'audit.runs': { input: AuditRunsInput, output: z.array(AuditRunSummary) },
  'audit.topics': { input: TopicsInput, output: TopicsOutput },
  'audit.top': { input: TopInput, output: TopOutput },
  'audit.places': { input: PlacesInput, output: PlacesOutput },
  'report.account': { input: AccountReportInput, output: AccountReport },
  'overview.dataset': { input: OverviewInput, output: OverviewOutput },
  'accounts.show': { input: AccountProfileInput, output: AccountProfile },
} as const;
export type ApiName = keyof typeof api;
