import type { InteractionKind, PostKind } from '../../../shared/domain';
import type { ImportContext } from '../context';
import { AccountVersions } from '../account-versions';
import { excerpt } from '../errors';
import { isoUtcMs } from './iso-time';
import { MAX_JSON_DEPTH, parsedTooDeepAt, TOO_DEEP, tooDeepAt } from './json-text';
import type { AccountRecord, ImportSink, TargetRef } from '../records';

/** A reference from a tweet to another post and that post's author (or the account replied to). */
export interface TweetLink {
  postId: string | null;
  target: TargetRef;
}

/**
 * A tweet of any of the Twitter formats, reduced to what the derivation rules of SPEC.md need. Each format fills
 * the links it found; which one decides the post's kind is settled here, so every format agrees on it.
 */
export interface NormalizedTweet {
  id: string;
  authorId: string;
  authorHandle: string | null;
  createdAt: number | null;
  text: string | null;
  lang: string | null;
  hashtags: string[];
  retweetOf: TweetLink | null;
  quoteOf: TweetLink | null;
  replyTo: TweetLink | null;
  mentions: TargetRef[];
}

/**
 * Stores the post and what it yields: a retweet only its `retweet` interaction (the mentions in its text belong
 * to the original), any other post its quote and reply interactions and one mention per distinct account named.
 * A post seen before (another page, file or nesting) yields nothing again.
 */
export function emitTweet(sink: ImportSink, tweet: NormalizedTweet): void {
  const { retweetOf, quoteOf, replyTo } = tweet;
  const kind: PostKind = retweetOf ? 'retweet' : quoteOf ? 'quote' : replyTo ? 'reply' : 'original';
  const refPlatformId = (retweetOf ?? quoteOf ?? replyTo)?.postId ?? null;
  const stored = sink.post({
    platformId: tweet.id,
    authorPlatformId: tweet.authorId,
    createdAt: tweet.createdAt,
    text: tweet.text,
    lang: tweet.lang,
    kind,
    refPlatformId,
    hashtags: tweet.hashtags,
  });
  if (!stored) return;
  if (retweetOf) {
    emitInteraction(sink, tweet, 'retweet', retweetOf.target);
    return;
  }
  if (quoteOf) emitInteraction(sink, tweet, 'quote', quoteOf.target);
  if (replyTo) emitInteraction(sink, tweet, 'reply', replyTo.target);
  if (tweet.mentions.length > 0) emitMentions(sink, tweet);
}

/** One interaction of the tweet's author, from the tweet. */
function emitInteraction(sink: ImportSink, tweet: NormalizedTweet, kind: InteractionKind, target: TargetRef): void {
  sink.interaction({ actorPlatformId: tweet.authorId, target, kind, postPlatformId: tweet.id, time: tweet.createdAt });
}

/**
 * One mention per distinct account named. The author counts as seen, and so does the account replied to: the
 * "@name" a reply carries because it is a reply is part of its `reply` interaction (counting it again as a mention
 * doubled 44 of the 48 replies of the bundled v2 sample). An account is seen by id or by handle (any case), so
 * "@Foo" with an id and a bare "@foo" are one account.
 */
function emitMentions(sink: ImportSink, tweet: NormalizedTweet): void {
  const { replyTo } = tweet;
  const seenIds: string[] = [tweet.authorId];
  const seenHandles: string[] = tweet.authorHandle ? [tweet.authorHandle.toLowerCase()] : [];
  if (replyTo) {
    if ('platformId' in replyTo.target) seenIds.push(replyTo.target.platformId);
    if (replyTo.target.handle) seenHandles.push(replyTo.target.handle.toLowerCase());
  }
  // A reply target known only by its post is resolved when the import ends; its mentions wait for it there.
  const replyTargetPending = replyTo !== null && 'authorOfPost' in replyTo.target ? replyTo.target : null;
  for (const target of tweet.mentions) {
    if (!see(target, seenIds, seenHandles)) continue;
    if (replyTargetPending) {
      sink.interaction({ actorPlatformId: tweet.authorId, target, kind: 'mention', postPlatformId: tweet.id,
        time: tweet.createdAt, unlessTargetOf: replyTargetPending });
    } else emitInteraction(sink, tweet, 'mention', target);
  }
}

/** Adds the target's id and handle to those seen; false when either was seen already (then nothing is added). */
function see(target: TargetRef, seenIds: string[], seenHandles: string[]): boolean {
  const id = 'platformId' in target ? target.platformId : null;
  const handle = target.handle ? target.handle.toLowerCase() : null;
  if ((id !== null && seenIds.includes(id)) || (handle !== null && seenHandles.includes(handle))) return false;
  if (id !== null) seenIds.push(id);
  if (handle !== null) seenHandles.push(handle);
  return true;
}

/**
 * Passes an account on only when its profile (handle, name, bio, location, counts, creation time) differs from the
 * last version passed for its id. Tweet files repeat the same user object with every page or status; storing each
 * repeat costs an UPDATE, and a repeat of an account still in the sink's batch makes the sink write its batches early.
 */
export class AccountFilter {
  private readonly versions = new AccountVersions();

  constructor(private readonly sink: ImportSink) {}

  account(record: AccountRecord): void {
    if (this.versions.same(record)) return;
    this.versions.remember(record);
    this.sink.account(record);
  }
}

/** A mention, reply target or author named by id, handle or both; null when it names neither. */
export function targetOf(id: unknown, handle: unknown): TargetRef | null {
  const name = typeof handle === 'string' && handle !== '' ? handle : null;
  if (typeof id === 'string' && id !== '') return { platformId: id, handle: name };
  return name === null ? null : { handle: name };
}

/** The handle a retweet's text starts with ("RT @handle: ..."), read without scanning the rest of the text. */
export function retweetedHandle(text: string | null): string | null {
  if (text === null || !text.startsWith('RT @')) return null;
  let end = 4;
  while (end < text.length && end < 54 && isHandleChar(text.charCodeAt(end))) end++;
  return end > 4 && text.charCodeAt(end) === 58 /* : */ ? text.slice(4, end) : null;
}

function isHandleChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Milliseconds since the epoch, or null for a missing or unreadable time (the post is kept without one). */
export function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const fast = isoUtcMs(value);
  if (!Number.isNaN(fast)) return fast;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export const stringOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const countOr = (value: unknown): number | null => (isCount(value) ? value : null);

/** The largest count stored exactly: accounts.followers and the like are INTEGER columns, and JS numbers are exact to 2^53 - 1. */
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Why a count field (followers_count, ...) cannot be stored, or null: a number that is fractional, negative or
 * beyond 2^53 - 1 (18446744073709551616 and 1e300 in a fuzzed file) is refused with the field named rather than
 * stored as something else; a missing or non-numeric field is only unknown (null), as before.
 */
export function countProblem(object: JsonObject, fields: readonly string[], prefix: string): string | null {
  for (const field of fields) {
    const value = object[field];
    if (typeof value === 'number' && !isCount(value)) {
      return `"${prefix}${field}" is ${value}, not a count: expected a whole number from 0 to 2^53 - 1`;
    }
  }
  return null;
}

export type JsonObject = Record<string, unknown>;
const NO_FIELDS: JsonObject = Object.freeze({});
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object, or an empty one, so that optional nested fields read without null checks at every level. */
export function fieldsOf(value: unknown): JsonObject {
  return isObject(value) ? value : NO_FIELDS;
}

export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NO_ITEMS;
}

/**
 * Reads a JSON-lines file: one parse per line, blank lines skipped, a line that is not a JSON object reported
 * (and skipped with --skip-invalid). `handle` gets each object with the line number in `context.source.line`.
 */
export async function eachJsonLine(context: ImportContext, handle: (value: JsonObject) => void): Promise<void> {
  let count = 0;
  await context.source.eachLine((line) => {
    if (++count % 1000 === 0) context.checkCancelled();
    // The depth is checked after the parse (JSON.parse itself copes with any depth), and before it is reported
    // as invalid JSON: a line both too deep and invalid is refused for its depth, as when the text was checked first.
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const deep = tooDeepAt(line);
      if (deep !== -1) context.invalid(tooDeepReason(deep));
      else if (line.trim() !== '') context.invalid(`expected a JSON object (one per line), found ${excerpt(line)}`);
      return;
    }
    const deep = parsedTooDeepAt(line, value);
    if (deep !== -1) {
      context.invalid(tooDeepReason(deep));
      return;
    }
    if (!isObject(value)) {
      context.invalid(`expected a JSON object (one per line), found ${describe(value)} ${excerpt(line)}`);
      return;
    }
    handle(value);
  });
}

const tooDeepReason = (at: number) => `${TOO_DEEP}: level ${MAX_JSON_DEPTH + 1} opens at character ${at + 1} of the line`;

/** "an array", "a string", ... for messages about JSON of the wrong shape. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A short excerpt of a JSON value for an error message; only called for input that is already known bad. */
export function shortJson(value: unknown): string {
  return excerpt(JSON.stringify(value) ?? String(value));
}
