import { INTERACTION_KINDS, type InteractionKind } from '../../shared/domain';
import { tableDigest, type KnownDigests } from '../store/dataset-digest';
import type { Db } from '../store/db';
import { RowsDigest } from '../store/rows-digest';
import { AccountsDigest } from './accounts-digest';
import { BatchInserter } from './batch';
import type { ImportWriter } from './writer';
import { PlatformIdMap, RowIdSet } from './platform-ids';
import type { Pseudonymizer } from './pseudonymizer';
import type {
  AccountRecord,
  CascadeRecord,
  ImportSink,
  InteractionRecord,
  PostRecord,
  TargetRef,
} from './records';

interface PendingInteraction {
  record: InteractionRecord;
  actorId: number;
  postId: number | null;
  sourceFileId: number;
}

const ACCOUNT_COLUMNS = [
  'id', 'dataset_id', 'platform_id', 'handle', 'display_name', 'bio', 'location',
  'followers', 'following', 'post_count', 'created_at', 'placeholder', 'attributes',
] as const;
const INTERACTION_COLUMNS = [
  'dataset_id', 'source_file_id', 'actor_id', 'target_id', 'kind', 'post_id', 'time', 'weight', 'topic', 'directed',
] as const;

/**
 * Writes the canonical model into SQLite for one staging dataset through the import's writer thread (writer.ts).
 * Ids are assigned here (an import is the only writer of its staging dataset and imports queue), so rows can be
 * batched and sent without waiting for SQLite; reads of the staging rows (finish) wait for the writer. The maps from platform ids to row ids grow with
 * the number of distinct accounts and posts, not with the size of the input.
 */
export class SqliteSink implements ImportSink {
  private readonly accountIds = new PlatformIdMap();
  private readonly postIds = new PlatformIdMap();
  /** Accounts already stored with a handle, so that a mention's handle is written at most once per account. */
  private readonly withHandle = new RowIdSet();
  private nextAccountId: number;
  private nextPostId: number;
  private flushedAccountId: number;
  private readonly accounts: BatchInserter;
  private readonly posts: BatchInserter;
  private readonly hashtags: BatchInserter;
  private readonly interactions: BatchInserter;
  private readonly pending: PendingInteraction[] = [];
  private readonly statements;
  private readonly writes;
  private nextCascadeId: number;
  sourceFileId = 0;
  /**
   * The dataset's interactions, digested as they are written (with those stored before): derivedRowsDigest takes
   * it instead of reading every interaction back through three joins.
   */
  private readonly interactionsDigest: RowsDigest;
  /** The dataset's posts, digested as written like the interactions (posts are never updated after). */
  private readonly postsDigest: RowsDigest;
  /** Its accounts as written, and as updated after (a profile merged, a handle learned). */
  private readonly accountsDigest: AccountsDigest;
  /** Plain directed edges written, for the warning about their undeclared direction (run-import.ts). */
  directedEdges = 0;
  /** Rows this sink added, by table: a new dataset's totals without counting millions of rows back. */
  readonly written = { accounts: 0, posts: 0, cascades: 0, interactions: emptyCounts() };
  /** Rows stored for the current source file. */
  stored = 0;

  constructor(
    db: Db,
    private readonly writer: ImportWriter,
    private readonly datasetId: number,
    private readonly pseudonyms: Pseudonymizer | null,
  ) {
    const accountRows = db.prepare('SELECT platform_id, id, handle IS NOT NULL FROM accounts WHERE dataset_id = ?');
    for (const row of accountRows.raw().iterate(datasetId)) {
      const [platformId, id, hasHandle] = row as [string, number, number];
      this.accountIds.set(platformId, id);
      if (hasHandle) this.withHandle.add(id);
    }
    for (const row of db.prepare('SELECT platform_id, id FROM posts WHERE dataset_id = ?').raw().iterate(datasetId)) {
      const [platformId, id] = row as [string, number];
      this.postIds.set(platformId, id);
    }
    this.interactionsDigest = tableDigest(db, 'interactions', datasetId);
    this.postsDigest = tableDigest(db, 'posts', datasetId);
    const maxId = (table: string) => (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;
    this.nextAccountId = maxId('accounts') + 1;
    this.accountsDigest = new AccountsDigest(db, datasetId, this.nextAccountId);
    this.flushedAccountId = this.nextAccountId - 1;
    this.nextPostId = maxId('posts') + 1;
    this.nextCascadeId = maxId('cascades') + 1;
    this.accounts = new BatchInserter(writer, 'accounts', ACCOUNT_COLUMNS, 64);
    this.posts = new BatchInserter(writer, 'posts', ['id', 'dataset_id', 'platform_id', 'author_id', 'created_at', 'text', 'lang', 'kind', 'ref_platform_id'], 64);
    this.hashtags = new BatchInserter(writer, 'post_hashtags', ['post_id', 'tag'], 128);
    this.interactions = new BatchInserter(writer, 'interactions', INTERACTION_COLUMNS, 128);
    this.writes = {
      updateAccount: writer.prepare(`UPDATE accounts SET
        handle = coalesce(?, handle), display_name = coalesce(?, display_name), bio = coalesce(?, bio),
        location = coalesce(?, location), followers = coalesce(?, followers), following = coalesce(?, following),
        post_count = coalesce(?, post_count), created_at = coalesce(?, created_at), placeholder = 0,
        attributes = coalesce(?, attributes) WHERE id = ?`),
      setHandleIfMissing: writer.prepare('UPDATE accounts SET handle = ? WHERE id = ? AND handle IS NULL'),
      insertCascade: writer.prepare(
        'INSERT INTO cascades (id, dataset_id, source_file_id, root_post_platform_id, root_account_id, label) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertCascadeNode: writer.prepare(
        'INSERT INTO cascade_nodes (cascade_id, node_index, account_id, post_platform_id, parent_index, delay_minutes) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
    this.statements = {
      byHandle: db.prepare(
        'SELECT id FROM accounts WHERE dataset_id = ? AND handle = ? COLLATE NOCASE ORDER BY placeholder, id LIMIT 1',
      ),
      postAuthor: db.prepare('SELECT author_id AS id FROM posts WHERE dataset_id = ? AND platform_id = ?'),
      platformIdOf: db.prepare('SELECT platform_id FROM accounts WHERE id = ?').pluck(),
    };
  }

  account(raw: AccountRecord): void {
    const record = this.pseudonyms ? this.pseudonyms.account(raw) : raw;
    const { platformId } = record;
    const handle = record.handle ?? null;
    const displayName = record.displayName ?? null;
    const bio = record.bio ?? null;
    const location = record.location ?? null;
    const followers = record.followers ?? null;
    const following = record.following ?? null;
    const postCount = record.postCount ?? null;
    const createdAt = record.createdAt ?? null;
    const attributes = record.attributes ? JSON.stringify(record.attributes) : null;
    const known = this.accountIds.get(platformId);
    this.stored++;
    if (known === undefined) {
      const id = this.nextAccountId++;
      this.accountIds.set(platformId, id);
      if (handle !== null) this.withHandle.add(id);
      // The columns of the accounts query of dataset-digest.ts, in its order.
      this.accountsDigest.add(id, [platformId, handle, displayName, bio, location, followers, following, postCount, createdAt, 0, attributes]);
      this.written.accounts++;
      this.accounts.buffer.push(id, this.datasetId, platformId, handle, displayName, bio, location, followers, following, postCount,
        createdAt, 0, attributes);
      this.queue(this.accounts.full);
      return;
    }
    if (known > this.flushedAccountId) this.writeAccounts();
    this.accountsDigest.change(known);
    this.writer.run(this.writes.updateAccount,
      [handle, displayName, bio, location, followers, following, postCount, createdAt, attributes, known]);
    if (handle !== null) this.withHandle.add(known);
  }

  accountRef(platformId: string, handle?: string | null): void {
    const p = this.pseudonyms;
    this.accountIdOf(p ? p.accountId(platformId) : platformId, handle != null && p ? p.handle(handle) : handle);
  }

  post(raw: PostRecord): boolean {
    const record = this.pseudonyms ? this.pseudonyms.post(raw) : raw;
    if (this.postIds.get(record.platformId) !== undefined) return false;
    const id = this.nextPostId++;
    this.postIds.set(record.platformId, id);
    const authorId = this.accountIdOf(record.authorPlatformId);
    const text = record.text ?? null;
    const createdAt = record.createdAt ?? null;
    const lang = record.lang ?? null;
    const refPlatformId = record.refPlatformId ?? null;
    this.posts.buffer.push(id, this.datasetId, record.platformId, authorId, createdAt, text, lang, record.kind, refPlatformId);
    // Most posts carry 0 or 1 hashtags: no Set, copy and sort for those.
    const given = record.hashtags ?? [];
    const tags = given.length < 2 ? given : [...new Set(given)];
    for (const tag of tags) this.hashtags.buffer.push(id, tag);
    // The columns of the posts query of dataset-digest.ts, in its order; its tags sorted as SQLite sorts TEXT.
    this.postsDigest.add([record.platformId, record.authorPlatformId, createdAt, text, lang, record.kind, refPlatformId,
      tags.length === 0 ? null : tags.length === 1 ? tags[0]! : [...tags].sort(byCodePoint).join(' ')]);
    this.stored++;
    this.written.posts++;
    this.queue(this.posts.full || this.hashtags.full);
    return true;
  }

  interaction(raw: InteractionRecord): void {
    const record = this.pseudonyms ? this.pseudonyms.interaction(raw) : raw;
    const actorId = this.accountIdOf(record.actorPlatformId);
    const postId = record.postPlatformId != null ? (this.postIds.get(record.postPlatformId) ?? null) : null;
    const target = record.target;
    if ('platformId' in target) {
      const targetId = this.accountIdOf(target.platformId, target.handle);
      if (!record.unlessTargetOf) return this.write(record, actorId, targetId, postId, this.sourceFileId, target.platformId);
      this.pending.push({ record, actorId, postId, sourceFileId: this.sourceFileId });
    } else {
      this.pending.push({ record, actorId, postId, sourceFileId: this.sourceFileId });
    }
  }

  cascade(raw: CascadeRecord): void {
    const record = this.pseudonyms ? this.pseudonyms.cascade(raw) : raw;
    const nodeAccounts = record.nodes.map((node) => this.accountIdOf(node.accountPlatformId));
    const cascadeId = this.nextCascadeId++;
    this.written.cascades++;
    this.writer.run(this.writes.insertCascade,
      [cascadeId, this.datasetId, this.sourceFileId, record.rootPostPlatformId, nodeAccounts[0], record.label ?? null]);
    record.nodes.forEach((node, index) => {
      this.writer.run(this.writes.insertCascadeNode,
        [cascadeId, index, nodeAccounts[index], node.postPlatformId, node.parentIndex, node.delayMinutes]);
    });
    this.stored++;
  }

  /** The tables digested as written, for derivedRowsDigest; only valid after finish() and a commit of the writer. */
  digests(): KnownDigests {
    const known: KnownDigests = { interactions: this.interactionsDigest, posts: this.postsDigest };
    const accounts = this.accountsDigest.result();
    if (accounts) known.accounts = accounts;
    return known;
  }

  /**
   * Resolves the interactions whose target was known only by handle or by post, now that every account and post
   * of the import is stored. Returns the number that could not be resolved, per source file.
   */
  finish(): Map<number, number> {
    this.flush();
    // The reads below (targets by post or handle) are of this connection, so they wait for the writer's rows.
    if (this.pending.length > 0) this.writer.commit();
    const unresolved = new Map<number, number>();
    for (const item of this.pending) {
      const targetId = this.resolve(item.record.target);
      if (targetId === undefined) {
        unresolved.set(item.sourceFileId, (unresolved.get(item.sourceFileId) ?? 0) + 1);
        continue;
      }
      const { kind, unlessTargetOf } = item.record;
      if (kind === 'mention' && (targetId === item.actorId || (unlessTargetOf && this.resolve(unlessTargetOf) === targetId))) continue;
      this.write(item.record, item.actorId, targetId, item.postId, item.sourceFileId,
        this.statements.platformIdOf.get(targetId) as string);
    }
    this.pending.length = 0;
    this.flush();
    return unresolved;
  }

  /**
   * Writes what is buffered; between records (`complete` false) only full batches, so a remainder never undoes the
   * batching. A row may then be written before the account or post it refers to: foreign keys are not enforced
   * during an import (run-import.ts), no read sees the staging dataset, and at the end everything is written.
   */
  flush(complete = true): void {
    this.accounts.flush(!complete);
    this.flushedAccountId = this.nextAccountId - 1 - this.accounts.pendingRows;
    this.posts.flush(!complete);
    this.hashtags.flush(!complete);
    this.interactions.flush(!complete);
  }

  /** Every buffered account, before an UPDATE of one of them. */
  private writeAccounts(): void {
    this.accounts.flush();
    this.flushedAccountId = this.nextAccountId - 1;
  }

  private resolve(target: TargetRef): number | undefined {
    if ('platformId' in target) return this.accountIds.get(target.platformId);
    const row = 'authorOfPost' in target
      ? (this.statements.postAuthor.get(this.datasetId, target.authorOfPost) as { id: number } | undefined)
      : undefined;
    if (row) return row.id;
    const handle = target.handle;
    if (!handle) return undefined;
    return (this.statements.byHandle.get(this.datasetId, handle) as { id: number } | undefined)?.id;
  }

  private write(record: InteractionRecord, actorId: number, targetId: number, postId: number | null, fileId: number,
    targetPlatformId: string) {
    this.stored++;
    const time = record.time ?? null;
    const weight = record.weight ?? 1;
    const topic = record.topic ?? null;
    const directed = record.directed === false ? 0 : 1;
    if (directed === 1 && record.kind === 'edge') this.directedEdges++;
    this.written.interactions[record.kind]++;
    // The columns of the interactions query of dataset-digest.ts, in its order.
    this.interactionsDigest.add([record.actorPlatformId, targetPlatformId, record.kind,
      postId === null ? null : record.postPlatformId, time, weight, topic, directed]);
    this.interactions.buffer.push(this.datasetId, fileId, actorId, targetId, record.kind, postId, time, weight, topic, directed);
    this.queue(this.interactions.full);
  }

  /** Ids and handles as stored: pseudonymised by the caller when the dataset is. */
  private accountIdOf(platformId: string, handle?: string | null): number {
    const known = this.accountIds.get(platformId);
    const storedHandle = handle ?? null;
    if (known !== undefined) {
      if (storedHandle !== null && !this.withHandle.has(known)) {
        if (known > this.flushedAccountId) this.writeAccounts();
        this.accountsDigest.change(known);
        this.writer.run(this.writes.setHandleIfMissing, [storedHandle, known]);
        this.withHandle.add(known);
      }
      return known;
    }
    const id = this.nextAccountId++;
    this.accountIds.set(platformId, id);
    if (storedHandle !== null) this.withHandle.add(id);
    this.accountsDigest.add(id, [platformId, storedHandle, null, null, null, null, null, null, null, 1, null]);
    this.written.accounts++;
    this.accounts.buffer.push(id, this.datasetId, platformId, storedHandle, null, null, null, null, null, null, null, 1, null);
    this.queue(this.accounts.full);
    return id;
  }

  private queue(full: boolean): void {
    if (full) this.flush(false);
  }
}

/**
 * Code point order, which is SQLite's BINARY order of UTF-8 text. JS's default sort compares UTF-16 code units, which
 * puts an emoji (a surrogate pair, 0xD83D...) before U+E000-U+FFFF; SQLite puts it after.
 */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function emptyCounts(): Record<InteractionKind, number> {
  return Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, 0])) as Record<InteractionKind, number>;
}
