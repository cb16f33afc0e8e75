import { z } from 'zod';

/** The canonical model's enumerations (SPEC.md, "Canonical data model"). */
export const INTERACTION_KINDS = ['retweet', 'quote', 'reply', 'mention', 'follow', 'endorse', 'edge'] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const POST_KINDS = ['original', 'retweet', 'quote', 'reply'] as const;
export const PostKind = z.enum(POST_KINDS);
export type PostKind = z.infer<typeof PostKind>;

export const IMPORT_FORMATS = [
  'twitter-v2',
  'twitter-v2-flat',
  'twitter-v2-users',
  'twitter-v1',
  'tree',
  'csv',
  'edgelist',
  'gexf',
  'graphml',
  'network-json',
  'author-tweets-csv',
] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'import_failed',
  'database_too_new',
  'cancelled',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * What would fix a failed import, named apart from its wording: the CLI says `--map target=COLUMN` or `--format`,
 * the page points at its column and format menus.
 */
export const ImportFix = z.discriminatedUnion('option', [
  z.object({ option: z.literal('map'), roles: z.array(z.string()) }),
  z.object({ option: z.literal('format') }),
]);
export type ImportFix = z.infer<typeof ImportFix>;

/** Where an import failed and why, for a caller that phrases it itself (the page names the file the user chose). */
export const ImportErrorDetails = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  byte: z.number().int().optional(),
  reason: z.string(),
  fix: ImportFix.optional(),
});
export type ImportErrorDetails = z.infer<typeof ImportErrorDetails>;

/** `message` is the CLI's wording; `details`, when present, lets another caller word it for its own user. */
export const ApiError = z.object({ code: ErrorCode, message: z.string(), details: ImportErrorDetails.optional() });
export type ApiError = z.infer<typeof ApiError>;

/** Every service call answers with data, never with a thrown object, so the answer can cross any boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
