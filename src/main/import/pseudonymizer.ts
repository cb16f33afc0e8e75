import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { ImportFormat } from '../../shared/domain';
import type { AccountRecord, CascadeRecord, InteractionRecord, PostRecord, TargetRef } from './records';
import { NameIndex, scrubText } from './text-scrubber';

/**
 * Which platform ids are hashed, stored on the dataset (datasets.pseudonymized) so that every later import into
 * it hashes alike: 1, datasets made before ids were hashed (kept as they are, so later rows still join); 2, the
 * ids of formats whose ids can be names; 3, every account and post id.
 */
export const PSEUDONYM_LEVEL = { legacy: 1, namedIds: 2, allIds: 3 } as const;
export type PseudonymLevel = (typeof PSEUDONYM_LEVEL)[keyof typeof PSEUDONYM_LEVEL];

/** Formats whose account ids are whatever the file says, often handles or names (a CSV of `alice,bob` edges). */
const NAMED_ID_FORMATS: ReadonlySet<ImportFormat> = new Set(['csv', 'edgelist', 'gexf', 'graphml', 'network-json']);

export interface PseudonymOptions {
  level: PseudonymLevel;
  keepLocation: boolean;
  keepAttributes: boolean;
}

/**
 * Keyed pseudonyms (HMAC-SHA256 with the user's key, import/pseudonym-key.ts), applied to each record before it
 * is stored: the same person gets the same pseudonym in every dataset made with the same key, and nobody
 * without the key can reverse them by hashing candidate handles.
 */
export class Pseudonymizer {
  private names = new NameIndex(new Map());
  private hashAccountIds = false;
  private readonly hashPostIds: boolean;

  constructor(private readonly key: Buffer, readonly options: PseudonymOptions) {
    this.hashPostIds = options.level === PSEUDONYM_LEVEL.allIds;
  }

  /**
   * The dataset's handles and display names, found before the import (name-collector.ts), to be hidden wherever
   * they stand as whole words in texts, bios and hashtags; a string that is both keeps the handle's pseudonym.
   */
  useNames(names: { handles: ReadonlySet<string>; displayNames: ReadonlyMap<string, string> }): void {
    const pseudonymOf = new Map([...names.displayNames].map(([name, platformId]) => [name, this.displayName(platformId)]));
    for (const handle of names.handles) pseudonymOf.set(handle, this.handle(handle));
    this.names = new NameIndex(pseudonymOf);
  }

  /** Account ids are hashed for the formats whose ids can be names, or for every format at level 3. */
  startFile(format: ImportFormat): void {
    const level = this.options.level;
    this.hashAccountIds = level === PSEUDONYM_LEVEL.allIds || (level === PSEUDONYM_LEVEL.namedIds && NAMED_ID_FORMATS.has(format));
  }

  /** Handles compare case-insensitively on Twitter, so their pseudonyms do too (NFKC: ｊａｎｅ is jane). */
  handle(handle: string): string {
    return `user_${this.digest(`handle:${handle.normalize('NFKC').toLowerCase()}`, 12)}`;
  }

  /** From the raw platform id, so a name has one pseudonym whichever format the account came from. */
  displayName(platformId: string): string {
    return `Person ${this.digest(`name:${platformId}`, 12)}`;
  }

  /** 16 hex digits (64 bits): two of a million accounts share one with probability 3e-8; two would merge. */
  accountId(platformId: string): string {
    return this.hashAccountIds ? `acct_${this.digest(`account:${platformId}`, 16)}` : platformId;
  }

  postId(platformId: string): string {
    return this.hashPostIds ? `post_${this.digest(`post:${platformId}`, 16)}` : platformId;
  }

  text(text: string): string {
    return scrubText(text, { handle: (h) => this.handle(h), postId: this.hashPostIds ? (id) => this.postId(id) : undefined }, this.names);
  }

  /** A skip reason keeps its location and wording; the excerpt of the input it quotes is withheld. */
  skipReason(reason: string): string {
    const excerptAt = reason.search(/["'{[`«]/);
    const kept = excerptAt < 0 ? reason : `${reason.slice(0, excerptAt)}[excerpt withheld]`;
    return this.text(kept);
  }

  /** A source file is stored by a keyed hash of its base name and its extension, never its path. */
  sourcePath(file: string): string {
    return `file_${this.digest(`file:${path.basename(file)}`, 12)}${path.extname(file).toLowerCase().slice(0, 12)}`;
  }

  account(record: AccountRecord): AccountRecord {
    const { keepLocation, keepAttributes } = this.options;
    return {
      ...record,
      platformId: this.accountId(record.platformId),
      handle: record.handle != null ? this.handle(record.handle) : record.handle,
      displayName: record.displayName != null ? this.displayName(record.platformId) : record.displayName,
      bio: record.bio != null ? this.text(record.bio) : record.bio,
      location: keepLocation ? record.location : null,
      attributes: keepAttributes ? record.attributes : null,
    };
  }

  post(record: PostRecord): PostRecord {
    return {
      ...record,
      platformId: this.postId(record.platformId),
      authorPlatformId: this.accountId(record.authorPlatformId),
      text: record.text != null ? this.text(record.text) : record.text,
      refPlatformId: record.refPlatformId != null ? this.postId(record.refPlatformId) : record.refPlatformId,
      hashtags: record.hashtags?.map((tag) => this.names.replaceIn(tag)),
    };
  }

  interaction(record: InteractionRecord): InteractionRecord {
    return {
      ...record,
      actorPlatformId: this.accountId(record.actorPlatformId),
      target: this.target(record.target),
      postPlatformId: record.postPlatformId != null ? this.postId(record.postPlatformId) : record.postPlatformId,
      unlessTargetOf: record.unlessTargetOf && this.target(record.unlessTargetOf),
    };
  }

  cascade(record: CascadeRecord): CascadeRecord {
    return {
      ...record,
      rootPostPlatformId: this.postId(record.rootPostPlatformId),
      nodes: record.nodes.map((node) => ({
        ...node, accountPlatformId: this.accountId(node.accountPlatformId), postPlatformId: this.postId(node.postPlatformId),
      })),
    };
  }

  target(target: TargetRef): TargetRef {
    const handle = 'handle' in target && target.handle != null ? this.handle(target.handle) : undefined;
    if ('platformId' in target) return { platformId: this.accountId(target.platformId), handle: handle ?? null };
    if ('authorOfPost' in target) return { authorOfPost: this.postId(target.authorOfPost), handle: handle ?? null };
    return { handle: handle! };
  }

  private digest(value: string, hexDigits: number): string {
    return createHmac('sha256', this.key).update(value).digest('hex').slice(0, hexDigits);
  }
}
