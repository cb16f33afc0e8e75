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

export const ApiError = z.object({ code: ErrorCode, message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/** Every service call answers with data, never with a thrown object, so the answer can cross any boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
