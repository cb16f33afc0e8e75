import fs from 'node:fs';
import type { ImportContext } from '../context';
import { excerpt, type SourceLocation } from '../errors';
import type { AccountRecord, TargetRef } from '../records';
import { TOO_DEEP, tooDeepAt } from './json-text';
import {
  AccountFilter, countOr, countProblem, describe, eachJsonLine, emitTweet, fieldsOf, isObject, itemsOf, retweetedHandle, shortJson, stringOr, targetOf,
  timeOf, type JsonObject, type TweetLink,
} from './tweets';

/**
 * Twitter API v1.1 statuses, as one JSON array (how the PHEME and many archive releases ship them) or as JSON
 * lines (how streaming collectors write them), told apart by the first byte.
 */
export async function importTwitterV1(context: ImportContext): Promise<void> {
  const accounts = new AccountFilter(context.sink);
  if (firstByte(context.source.path) !== 0x5b /* [ */) {
    await eachJsonLine(context, (status) => emitStatus(context, accounts, status, 'a v1.1 status', { line: context.source.line }));
    return;
  }
  const splitter = new JsonArraySplitter(context, 'v1.1 statuses');
  let count = 0;
  for await (const chunk of context.source.bytes()) {
    splitter.push(chunk, (status, offset) => {
      if (++count % 1000 === 0) context.checkCancelled();
      if (isObject(status)) emitStatus(context, accounts, status, 'a v1.1 status', { offset });
      else context.invalid(`expected a v1.1 status object in the array, found ${describe(status)} ${shortJson(status)}`, { offset });
    });
  }
  splitter.end();
}

/** Emits a status after its user and the statuses it carries (retweeted, quoted), and returns its author. */
function emitStatus(context: ImportContext, accounts: AccountFilter, status: JsonObject, what: string, at: SourceLocation): TargetRef | null {
  const id = idOf(status);
  const account = isObject(status.user) ? v1Account(status.user) : null;
  if (id === null || account === null) {
    context.invalid(`expected ${what} with "id_str" and a "user" object with "id_str" and "screen_name", found ${shortJson(status)}`, at);
    return null;
  }
  const badCount = countProblem(status.user as JsonObject, V1_COUNTS, 'user.');
  if (badCount !== null) {
    context.invalid(`${what} ${id}: ${badCount}`, at);
    return null;
  }
  accounts.account(account);
  const extended = fieldsOf(status.extended_tweet);
  const text = stringOr(status.full_text) ?? stringOr(extended.full_text) ?? stringOr(status.text);
  let retweetOf: TweetLink | null = null;
  if (isObject(status.retweeted_status)) {
    const original = status.retweeted_status;
    const author = emitStatus(context, accounts, original, 'a retweeted_status', at);
    const postId = idOf(original);
    if (postId !== null) retweetOf = { postId, target: author ?? { authorOfPost: postId, handle: retweetedHandle(text) } };
  }
  let quoteOf: TweetLink | null = null;
  const quotedId = stringOr(status.quoted_status_id_str);
  if (isObject(status.quoted_status)) {
    const quoted = status.quoted_status;
    const author = emitStatus(context, accounts, quoted, 'a quoted_status', at);
    const postId = idOf(quoted) ?? quotedId;
    if (postId !== null) quoteOf = { postId, target: author ?? { authorOfPost: postId } };
  } else if (quotedId) {
    quoteOf = { postId: quotedId, target: { authorOfPost: quotedId } };
  }
  const repliedTo = targetOf(status.in_reply_to_user_id_str, status.in_reply_to_screen_name);
  const replyTo = repliedTo ? { postId: stringOr(status.in_reply_to_status_id_str), target: repliedTo } : null;
  // Extended (280-character) statuses keep the entities of the full text beside it.
  const entities = fieldsOf(isObject(extended.entities) ? extended.entities : status.entities);
  const mentions: TargetRef[] = [];
  for (const mention of itemsOf(entities.user_mentions)) {
    const target = isObject(mention) ? targetOf(mention.id_str, mention.screen_name) : null;
    if (target) mentions.push(target);
  }
  const hashtags: string[] = [];
  for (const hashtag of itemsOf(entities.hashtags)) {
    const tag = isObject(hashtag) ? hashtag.text : null;
    if (typeof tag === 'string' && tag !== '') hashtags.push(tag);
  }
  emitTweet(context.sink, {
    id, text, mentions, hashtags, retweetOf, quoteOf, replyTo,
    authorId: account.platformId,
    authorHandle: account.handle ?? null,
    createdAt: timeOf(status.created_at),
    lang: stringOr(status.lang),
  });
  return { platformId: account.platformId, handle: account.handle ?? null };
}

const V1_COUNTS = ['followers_count', 'friends_count', 'statuses_count'] as const;

function v1Account(user: JsonObject): AccountRecord | null {
  const platformId = idOf(user);
  const handle = user.screen_name;
  if (platformId === null || typeof handle !== 'string') return null;
  return {
    platformId,
    handle,
    displayName: stringOr(user.name),
    bio: stringOr(user.description),
    location: stringOr(user.location),
    followers: countOr(user.followers_count),
    following: countOr(user.friends_count),
    postCount: countOr(user.statuses_count),
    createdAt: timeOf(user.created_at),
  };
}

/** v1.1 ids as strings: id_str, since the numeric id of a tweet is beyond what a JS number holds exactly. */
function idOf(object: JsonObject): string | null {
  const id = object.id_str;
  if (typeof id === 'string' && id !== '') return id;
  return Number.isSafeInteger(object.id) ? String(object.id) : null;
}

/** The first byte after a byte-order mark and whitespace; read apart from the source, which hashes what it reads. */
function firstByte(file: string): number | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    return head.subarray(bom, read).find((byte) => !isSpace(byte));
  } finally {
    fs.closeSync(fd);
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

const enum State { BeforeArray, BeforeElement, InElement, AfterElement, AfterArray }

/**
 * Splits a top-level JSON array into its elements by scanning bytes for string quotes and bracket depth, and
 * hands each element to JSON.parse: one native parse per status instead of a token stream, and every element
 * and error has its exact byte offset. Structural bytes are ASCII, which never occurs inside a multi-byte UTF-8
 * character, so scanning bytes is safe.
 */
class JsonArraySplitter {
  private state = State.BeforeArray;
  private offset = 0;
  private elements = 0;
  private start = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly context: ImportContext,
    private readonly what: string,
  ) {}

  push(chunk: Buffer, onElement: (value: unknown, offset: number) => void): void {
    const base = this.offset;
    this.offset += chunk.length;
    let from = 0;
    let i = base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    for (; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.state === State.InElement) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (byte === 0x5c /* \ */) this.escaped = true;
          else if (byte === 0x22 /* " */) this.inString = false;
          continue;
        }
        if (byte === 0x22) this.inString = true;
        else if (byte === 0x7b /* { */ || byte === 0x5b /* [ */) this.depth++;
        else if (byte === 0x7d /* } */ || byte === 0x5d /* ] */) this.depth--;
        if (this.depth > 0 || this.inString) continue;
        // A bracket that closes the element ends it; a comma, "]" or whitespace ends a bare scalar and is read again.
        const end = this.depth === 0 && (byte === 0x7d || byte === 0x5d) ? i + 1 : byte === 0x2c || byte === 0x5d || isSpace(byte) ? i : -1;
        if (end === -1) continue;
        this.parts.push(chunk.subarray(from, end));
        this.state = State.AfterElement;
        this.emit(onElement);
        i = end - 1;
        continue;
      }
      if (isSpace(byte)) continue;
      if (this.state === State.BeforeArray && byte === 0x5b) {
        this.state = State.BeforeElement;
      } else if (this.state === State.BeforeElement && byte !== 0x5d && byte !== 0x2c) {
        from = i;
        this.begin(base + i, byte);
      } else if (this.state === State.BeforeElement && byte === 0x5d && this.elements === 0) {
        this.state = State.AfterArray;
      } else if (this.state === State.AfterElement && (byte === 0x2c || byte === 0x5d)) {
        this.state = byte === 0x2c ? State.BeforeElement : State.AfterArray;
      } else {
        throw this.context.source.error(this.unexpected(chunk, i), { offset: base + i });
      }
    }
    if (this.state === State.InElement) this.parts.push(chunk.subarray(from));
  }

  /** Called after the last chunk: anything but a closed array means the file was cut off. */
  end(): void {
    if (this.state === State.AfterArray) return;
    const where = this.state === State.InElement
      ? `inside element ${this.elements + 1}, which starts at byte ${this.start}`
      : `after ${this.elements} element(s)`;
    const reason = this.state === State.BeforeArray
      ? `expected a JSON array of ${this.what} ("[...]"), found nothing`
      : `the file ends ${where}: expected the rest of the JSON array of ${this.what} and its closing "]" (is the file truncated?)`;
    throw this.context.source.error(reason, { offset: this.offset });
  }

  /** Starts an element at its first byte, which the scan has consumed. */
  private begin(offset: number, byte: number): void {
    this.state = State.InElement;
    this.start = offset;
    this.depth = byte === 0x7b || byte === 0x5b ? 1 : 0;
    this.inString = byte === 0x22;
    this.escaped = false;
    this.parts = [];
  }

  private emit(onElement: (value: unknown, offset: number) => void): void {
    this.elements++;
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      this.context.invalid(`invalid UTF-8 in element ${this.elements} of the array, which starts at byte ${this.start}; the file must be UTF-8 text`, { offset: this.start });
      return;
    }
    const deep = tooDeepAt(text);
    if (deep !== -1) {
      const at = this.start + Buffer.byteLength(text.slice(0, deep));
      this.context.invalid(`${TOO_DEEP}, in element ${this.elements} of the array (which starts at byte ${this.start})`, { offset: at });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // V8 names the position for some errors ("... in JSON at position 8") and quotes the context for others.
      const reason = (error as Error).message;
      const position = /at position (\d+)/.exec(reason);
      const at = position ? this.start + Buffer.byteLength(text.slice(0, Number(position[1]))) : this.start;
      const starts = at === this.start ? '' : ` (which starts at byte ${this.start})`;
      this.context.invalid(`expected a JSON value for element ${this.elements} of the array${starts}, found invalid JSON: ${reason}`, { offset: at });
      return;
    }
    onElement(value, this.start);
  }

  private unexpected(chunk: Buffer, i: number): string {
    const found = excerpt(chunk.subarray(i, i + 40).toString('utf8'));
    if (this.state === State.BeforeArray) return `expected a JSON array of ${this.what} starting with "[", found ${found}`;
    if (this.state === State.AfterArray) return `expected nothing after the closing "]" of the JSON array, found ${found}`;
    if (this.state === State.AfterElement) return `expected "," or "]" after element ${this.elements} of the JSON array, found ${found}`;
    return `expected an element of the JSON array of ${this.what}, found ${found}`;
  }
}
