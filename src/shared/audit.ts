import { z } from 'zod';
import { AccountLabel } from './runs';

export const CASE_KINDS = [
  'single_post',
  'negated',
  'sense_conflict',
  'endorsement_only',
  'low_share',
  'reciprocity_ring',
  'concentrated_engagement',
  'endorsement_burst',
  'score_jump',
  'follow_back',
  'bot_like_timing',
  'minor',
] as const;
export const CaseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKind>;

export const AuditInput = z.object({
  dataset: z.string().min(1),
  kinds: z.array(CaseKind).min(1).optional(),
  /** The model whose score each case's what-if shows without the case's interactions. */
  model: z.string().min(1).default('kred'),
  /** Minors' handles and texts are withheld unless this is set. */
  show_minors: z.boolean().default(false),
});

export const EvidenceItem = z.object({
  label: z.string(),
  value: z.number().nullable(),
  account: AccountLabel.nullable(),
  post_id: z.string().nullable(),
  interaction_id: z.number().int().nullable(),
  text: z.string().nullable(),
});

export const AuditCase = z.object({
  kind: CaseKind,
  accounts: z.array(AccountLabel),
  topic: z.string().nullable(),
  strength: z.number().nullable(),
  evidence: z.array(EvidenceItem),
  /** The first account's score in the model, with all interactions and without the case's. */
  whatif: z
    .object({
      model: z.string(),
      interactions_removed: z.number().int(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      rank_before: z.number().int().nullable(),
      rank_after: z.number().int().nullable(),
    })
    .nullable(),
});
export type AuditCase = z.infer<typeof AuditCase>;

/**
 * Everything an audit run depended on, stored with its cases (SPEC: runs are stored with a manifest). No handle or
 * text of anyone's is in it, so it can be shown whatever the minors rule says.
 */
export const AuditManifest = z.object({
  dataset: z.object({ id: z.number().int(), name: z.string(), contentHash: z.string() }),
  /** The kinds asked for; null for every kind. */
  kinds: z.array(CaseKind).nullable(),
  /** The model each case's what-if rescores, with the parameters it ran with (its defaults). */
  whatIf: z.object({ model: z.string(), version: z.string(), params: z.record(z.string(), z.unknown()), seed: z.number().int() }),
  /** sha256 of resources/topics.json as this app loads it, and how many topics it holds. */
  vocabulary: z.object({ sha256: z.string(), topics: z.number().int() }),
  /** The thresholds each detector and the topic flags ran with, by detector ("misattribution" for the topic flags). */
  thresholds: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** Versions of the rules whose change changes cases without a new app version (the minors rule, the topic reader). */
  ruleVersions: z.record(z.string(), z.union([z.number(), z.string()])),
  appVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Cases found per kind, for every kind asked for (0 included). */
  counts: z.partialRecord(CaseKind, z.number().int()),
});
export type AuditManifest = z.infer<typeof AuditManifest>;

/** What `audit.cases`, `audit.run` and `audit.latest` answer, and `lens audit --json` prints. */
export const AuditOutput = z.object({
  run: z.number().int(),
  manifest: AuditManifest,
  /** Why the stored run may no longer be what an audit now would find (the dataset changed, ...); empty when current. */
  stale: z.array(z.string()),
  cases: z.array(AuditCase),
});
export type AuditOutput = z.infer<typeof AuditOutput>;

export const AuditRunInput = z.object({ run: z.number().int().min(1), show_minors: z.boolean().default(false) });
export const AuditLatestInput = z.object({ dataset: z.string().min(1), show_minors: z.boolean().default(false) });
export const AuditRunsInput = z.object({ dataset: z.string().min(1).optional() });

export const AuditRunSummary = z.object({
  id: z.number().int(),
  dataset: z.string(),
  model: z.string(),
  kinds: z.array(CaseKind).nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  cases: z.number().int(),
});
export type AuditRunSummary = z.infer<typeof AuditRunSummary>;

/**
 * A case as stored: labelled with every handle and text, each account and evidence text marked when it belongs to a
 * minor, so that display can withhold them (unless show_minors) long after the audit ran. Never crosses the API.
 */
export const StoredAccount = AccountLabel.extend({ minor: z.boolean() });
export const StoredEvidence = EvidenceItem.extend({ account: StoredAccount.nullable(), text_by_minor: z.boolean() });
export const StoredAuditCase = AuditCase.extend({ accounts: z.array(StoredAccount), evidence: z.array(StoredEvidence) });
export type StoredAuditCase = z.infer<typeof StoredAuditCase>;

export const Place = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  admin1: z.string().nullable(),
  population: z.number().int(),
  kind: z.enum(['city', 'region', 'country']),
  /** How the place reads: "Seoul, Seoul, South Korea", region codes named (src/main/audit/places/admin1.ts). */
  label: z.string(),
});

export const PlacesInput = z.object({ dataset: z.string().min(1), top: z.number().int().min(1).max(10_000).default(20) });
export const PlacesOutput = z.object({
  accounts: z.number().int(),
  empty: z.number().int(),
  resolved: z.number().int(),
  unresolved: z.number().int(),
  places: z.array(z.object({ place: Place, accounts: z.number().int() })),
  countries: z.array(z.object({ country: z.string(), name: z.string(), accounts: z.number().int() })),
});

export const TopInput = z.object({
  dataset: z.string().min(1),
  topic: z.string().min(1),
  place: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(10_000).default(20),
});
export const TopOutput = z.object({
  topic: z.string(),
  place: Place.nullable(),
  accounts: z.array(
    AccountLabel.extend({ strength: z.number(), posts: z.number().int(), place: z.string().nullable(), flags: z.array(CaseKind) }),
  ),
});
export type TopOutput = z.infer<typeof TopOutput>;

export const TopicsInput = z.object({ dataset: z.string().min(1), account: z.string().min(1), show_minors: z.boolean().default(false) });
export const TopicsOutput = z.object({
  account: AccountLabel,
  topics: z.array(
    z.object({
      topic: z.string(),
      strength: z.number(),
      posts: z.number().int(),
      flags: z.array(CaseKind),
      /** Set when the account has too few own posts for single_post or low_share to say anything (docs/AUDIT.md). */
      thin_evidence: z.string().nullable().default(null),
      evidence: z.array(EvidenceItem),
    }),
  ),
});
export type TopicsOutput = z.infer<typeof TopicsOutput>;
