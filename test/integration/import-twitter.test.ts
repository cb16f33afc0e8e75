import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../src/shared/domain';
import { runImport } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/db';
import { datasetsDir, fixturesDir, snapshot, tempDb, tempDir } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the raw tweets are read here as untyped JSON on purpose */

const v2 = (name: string) => path.join(datasetsDir, 'twitter-v2', name);
const germanwings = path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json');
const dbs: Db[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function freshDb(): Db {
  const { db } = tempDb();
  dbs.push(db);
  return db;
}

function jsonLines(file: string): any[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

type Target = { id: string; handle?: string } | { handle: string } | { post: string; handle?: string };

/**
 * What the SPEC's derivation rules give for a set of tweets: a second, deliberately plain implementation that
 * the importers are checked against. Targets are resolved at the end, as the SPEC says, by id, by the author of
 * a stored post, or by handle (case-insensitively).
 */
class Expected {
  readonly accounts = new Set<string>();
  readonly handles = new Map<string, string>();
  readonly posts = new Map<string, { author: string; kind: string }>();
  hashtagRows = 0;
  private readonly pending: { kind: string; actor: string; target: Target }[] = [];

  user(id: string, handle: string): void {
    this.accounts.add(id);
    this.handles.set(id, handle);
  }

  /** False for a post already seen: it yields nothing again. */
  post(id: string, author: string, kind: string, tags: string[]): boolean {
    if (this.posts.has(id)) return false;
    this.posts.set(id, { author, kind });
    this.accounts.add(author);
    this.hashtagRows += new Set(tags).size;
    return true;
  }

  interact(kind: string, actor: string, target: Target): void {
    if ('id' in target) {
      this.accounts.add(target.id);
      if (target.handle && !this.handles.has(target.id)) this.handles.set(target.id, target.handle);
    }
    this.pending.push({ kind, actor, target });
  }

  totals() {
    const interactions: Record<string, number> = { retweet: 0, quote: 0, reply: 0, mention: 0, follow: 0, endorse: 0, edge: 0 };
    let unresolved = 0;
    for (const { kind, actor, target } of this.pending) {
      const resolved = 'id' in target ? target.id : (('post' in target && this.posts.get(target.post)?.author) || this.byHandle(target.handle));
      if (resolved === undefined) unresolved++;
      else if (!(kind === 'mention' && resolved === actor)) interactions[kind]!++;
    }
    return { accounts: this.accounts.size, posts: this.posts.size, interactions, unresolved };
  }

  kinds(): Record<string, number> {
    const kinds: Record<string, number> = {};
    for (const { kind } of this.posts.values()) kinds[kind] = (kinds[kind] ?? 0) + 1;
    return kinds;
  }

  private byHandle(handle: string | undefined): string | undefined {
    if (!handle) return undefined;
    for (const [id, known] of this.handles) if (known.toLowerCase() === handle.toLowerCase()) return id;
    return undefined;
  }
}

/** One v2 tweet by the rules; `authorOf` knows the authors of the referenced tweets the file carries. */
function v2Tweet(e: Expected, t: any, authorOf: Map<string, string>, authorHandle: string | undefined): void {
  const refs: any[] = t.referenced_tweets ?? [];
  const rt = refs.find((r) => r.type === 'retweeted');
  const qt = refs.find((r) => r.type === 'quoted');
  const rp = refs.find((r) => r.type === 'replied_to');
  const kind = rt ? 'retweet' : qt ? 'quote' : rp || t.in_reply_to_user_id ? 'reply' : 'original';
  const tags = (t.entities?.hashtags ?? []).map((h: any) => h.tag);
  if (!e.post(t.id, t.author_id, kind, tags)) return;
  const authorOfRef = (id: string, handle?: string): Target =>
    authorOf.has(id) ? { id: authorOf.get(id)! } : { post: id, handle };
  if (rt) {
    e.interact('retweet', t.author_id, authorOfRef(rt.id, /^RT @(\w+):/.exec(t.text)?.[1]));
    return;
  }
  if (qt) e.interact('quote', t.author_id, authorOfRef(qt.id));
  if (t.in_reply_to_user_id) e.interact('reply', t.author_id, { id: t.in_reply_to_user_id });
  else if (rp) e.interact('reply', t.author_id, authorOfRef(rp.id));
  const repliedTo = t.in_reply_to_user_id ?? (rp ? authorOf.get(rp.id) : undefined);
  mentions(e, t.author_id, authorHandle, (t.entities?.mentions ?? []).map((m: any) => ({ id: m.id, handle: m.username })),
    repliedTo === undefined ? undefined : { id: repliedTo });
}

/** One mention per distinct account named, other than the author and the account a reply replies to (SPEC). */
function mentions(e: Expected, author: string, authorHandle: string | undefined, named: { id?: string; handle: string }[],
  repliedTo?: { id?: string; handle?: string }): void {
  const seen = new Set<string>();
  for (const { id, handle } of named) {
    if (id === author || handle.toLowerCase() === authorHandle?.toLowerCase()) continue;
    if (repliedTo && ((id !== undefined && id === repliedTo.id) || handle.toLowerCase() === repliedTo.handle?.toLowerCase())) continue;
    const key = id ?? `@${handle.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    e.interact('mention', author, id ? { id, handle } : { handle });
  }
}

function expectV2Pages(e: Expected, file: string): Expected {
  for (const page of jsonLines(file)) {
    const handles = new Map<string, string>();
    for (const u of page.includes?.users ?? []) {
      e.user(u.id, u.username);
      handles.set(u.id, u.username);
    }
    const tweets = [...(page.includes?.tweets ?? []), ...page.data];
    const authorOf = new Map<string, string>(tweets.map((t: any) => [t.id, t.author_id]));
    for (const t of tweets) v2Tweet(e, t, authorOf, handles.get(t.author_id));
  }
  return e;
}

function expectFlat(e: Expected, file: string): Expected {
  const visit = (t: any): void => {
    const authorId = t.author_id ?? t.author?.id;
    for (const u of [t.author, t.in_reply_to_user, ...(t.entities?.mentions ?? [])]) if (u?.name) e.user(u.id, u.username);
    const expanded = (t.referenced_tweets ?? []).filter((r: any) => r.author_id || r.author);
    for (const r of expanded) visit(r);
    const authorOf = new Map<string, string>(expanded.map((r: any) => [r.id, r.author_id ?? r.author.id]));
    v2Tweet(e, { ...t, author_id: authorId }, authorOf, t.author?.username);
  };
  for (const t of jsonLines(file)) visit(t);
  return e;
}

function expectUsers(e: Expected, file: string): Expected {
  for (const page of jsonLines(file)) for (const u of page.data) e.user(u.id, u.username);
  return e;
}

function expectV1(e: Expected, statuses: any[]): Expected {
  const visit = (s: any): void => {
    e.user(s.user.id_str, s.user.screen_name);
    if (s.retweeted_status) visit(s.retweeted_status);
    if (s.quoted_status) visit(s.quoted_status);
    const quoted = s.quoted_status?.id_str ?? s.quoted_status_id_str;
    const replied = s.in_reply_to_user_id_str;
    const kind = s.retweeted_status ? 'retweet' : quoted ? 'quote' : replied ? 'reply' : 'original';
    const entities = s.extended_tweet?.entities ?? s.entities;
    const author = s.user.id_str;
    if (!e.post(s.id_str, author, kind, entities.hashtags.map((h: any) => h.text))) return;
    if (s.retweeted_status) {
      e.interact('retweet', author, { id: s.retweeted_status.user.id_str });
      return;
    }
    if (quoted) e.interact('quote', author, s.quoted_status ? { id: s.quoted_status.user.id_str } : { post: quoted });
    if (replied) e.interact('reply', author, { id: replied, handle: s.in_reply_to_screen_name });
    mentions(e, author, s.user.screen_name, entities.user_mentions.map((m: any) => ({ id: m.id_str, handle: m.screen_name })),
      replied ? { id: replied, handle: s.in_reply_to_screen_name } : undefined);
  };
  for (const status of statuses) visit(status);
  return e;
}

async function importFiles(db: Db, paths: string[], options: { format?: ImportFormat; skipInvalid?: boolean; dataset?: string } = {}) {
  return runImport(db, { paths, dataset: options.dataset ?? 'tweets', format: options.format, skipInvalid: options.skipInvalid });
}

function postKinds(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT kind, count(*) AS n FROM posts GROUP BY kind').all() as { kind: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
}

const realFiles: { name: string; file: string; format?: ImportFormat; expected: () => Expected }[] = [
  { name: 'brexit.jsonl', file: v2('brexit.jsonl'), expected: () => expectV2Pages(new Expected(), v2('brexit.jsonl')) },
  { name: 'kpop.jsonl', file: v2('kpop.jsonl'), expected: () => expectV2Pages(new Expected(), v2('kpop.jsonl')) },
  { name: 'two_tweets.jsonl', file: v2('two_tweets.jsonl'), expected: () => expectV2Pages(new Expected(), v2('two_tweets.jsonl')) },
  { name: 'mentions_tweet.jsonl', file: v2('mentions_tweet.jsonl'), expected: () => expectV2Pages(new Expected(), v2('mentions_tweet.jsonl')) },
  { name: 'flat.jsonl', file: v2('flat.jsonl'), expected: () => expectFlat(new Expected(), v2('flat.jsonl')) },
  // Its single line is longer than detect.ts sniffs: detection must still tell a users page from a tweets page.
  { name: 'users.jsonl', file: v2('users.jsonl'), expected: () => expectUsers(new Expected(), v2('users.jsonl')) },
  { name: 'germanwings (v1.1 array)', file: germanwings, expected: () => expectV1(new Expected(), JSON.parse(fs.readFileSync(germanwings, 'utf8'))) },
];

describe('tweet formats: real files give the counts the SPEC rules give', () => {
  for (const { name, file, format, expected } of realFiles) {
    it(name, async () => {
      const db = freshDb();
      const want = expected();
      const out = await importFiles(db, [file], { format });
      expect(out.totals).toMatchObject({ ...want.totals(), skipped: 0 });
      expect(postKinds(db)).toEqual(want.kinds());
      expect(db.prepare('SELECT count(*) FROM post_hashtags').pluck().get()).toBe(want.hashtagRows);
      expect(out.files[0]).toMatchObject({ status: 'imported', skipped: 0, unresolved: want.totals().unresolved });
    });
  }

  it('a re-import of the same file changes nothing', async () => {
    const db = freshDb();
    await importFiles(db, [v2('brexit.jsonl')]);
    const before = snapshot(db);
    const again = await importFiles(db, [v2('brexit.jsonl')]);
    expect(again.files[0]!.status).toBe('unchanged');
    expect(snapshot(db)).toEqual(before);
  });

  it('files of one dataset share their posts and accounts', async () => {
    // brexit and kpop have no tweet or user in common, so a third file repeats half of brexit's page.
    const brexit = jsonLines(v2('brexit.jsonl'))[0];
    const overlap = path.join(tempDir(), 'brexit-half.jsonl');
    fs.writeFileSync(overlap, `${JSON.stringify({ ...brexit, data: brexit.data.slice(0, 50) })}\n`);
    const want = new Expected();
    for (const file of [v2('brexit.jsonl'), v2('kpop.jsonl'), overlap]) expectV2Pages(want, file);
    const db = freshDb();
    const out = await importFiles(db, [v2('brexit.jsonl'), v2('kpop.jsonl'), overlap]);
    expect(out.totals).toMatchObject(want.totals());
    const alone = await importFiles(freshDb(), [v2('brexit.jsonl')]);
    const kpop = await importFiles(freshDb(), [v2('kpop.jsonl')]);
    expect(out.totals.posts).toBe(alone.totals.posts + kpop.totals.posts);
    expect(out.totals.interactions).toEqual(
      Object.fromEntries(Object.entries(alone.totals.interactions).map(([k, n]) => [k, n + kpop.totals.interactions[k as 'edge']])),
    );
  });

  it('the same tweets from two formats are one post (v2 page, then flat form of another page)', async () => {
    const db = freshDb();
    const out = await importFiles(db, [v2('brexit.jsonl'), v2('flat.jsonl')]);
    const want = expectFlat(expectV2Pages(new Expected(), v2('brexit.jsonl')), v2('flat.jsonl'));
    expect(out.totals).toMatchObject(want.totals());
  });
});

describe('tweet formats: hand-made fixtures', () => {
  it('a handle-only mention resolves case-insensitively against an account defined later in the file', async () => {
    // test/fixtures/twitter-v2-handle-mentions.jsonl is hand-made: tweet 101 by alice names @LaterUser and
    // @laterUSER (one account, defined on the next page as "lateruser"), @Nobody (unknown) and @ALICE (herself).
    const db = freshDb();
    const out = await importFiles(db, [path.join(fixturesDir, 'twitter-v2-handle-mentions.jsonl')]);
    expect(out.totals).toMatchObject({ accounts: 2, posts: 2, unresolved: 1 });
    expect(out.totals.interactions.mention).toBe(1);
    const mention = db.prepare(`SELECT actor.handle AS actor, target.handle AS target, posts.platform_id AS post, i.time
      FROM interactions i JOIN accounts actor ON actor.id = i.actor_id JOIN accounts target ON target.id = i.target_id
      JOIN posts ON posts.id = i.post_id`).get();
    expect(mention).toEqual({ actor: 'alice', target: 'lateruser', post: '101', time: Date.parse('2021-05-18T19:24:56.000Z') });
    const tags = db.prepare('SELECT tag FROM post_hashtags JOIN posts ON posts.id = post_id WHERE platform_id = ? ORDER BY tag').pluck().all('101');
    expect(tags).toEqual(['Intro', 'intro']);
  });

  it('v1.1 statuses as JSON lines: retweet, quote + reply, extended text, a missing quoted status', async () => {
    // test/fixtures/twitter-v1-statuses.jsonl is hand-made: six statuses of alice (1), bob (2), carol (3) and a
    // reply to dave (9), a blank line, and status 1001 repeated at the end.
    const file = path.join(fixturesDir, 'twitter-v1-statuses.jsonl');
    const db = freshDb();
    const out = await importFiles(db, [file]);
    const want = expectV1(new Expected(), jsonLines(file));
    expect(out.totals).toMatchObject({ ...want.totals(), skipped: 0 });
    // By hand: 1001 mentions bob (itself and a repeat dropped); 1003 replies to alice, so its "@alice" is the reply;
    // 1004's "@dave" likewise; 1006 mentions carol (its author bob dropped). The retweet 1002 mentions nothing.
    expect(want.totals()).toMatchObject({ accounts: 4, posts: 6, unresolved: 1, interactions: { retweet: 1, quote: 1, reply: 2, mention: 2 } });
    expect(postKinds(db)).toEqual({ original: 2, retweet: 1, quote: 2, reply: 1 });
    const extended = db.prepare("SELECT text FROM posts WHERE platform_id = '1006'").pluck().get();
    expect(extended).toBe('a long one about #food and @bob and @carol #Philly');
    const account = db.prepare("SELECT handle, display_name, followers, following, post_count, created_at, placeholder FROM accounts WHERE platform_id = '2'").get();
    expect(account).toEqual({ handle: 'bob', display_name: 'Bob', followers: 20, following: 5, post_count: 100,
      created_at: Date.parse('2014-01-07T11:38:00Z'), placeholder: 0 });
    expect(db.prepare("SELECT placeholder, handle FROM accounts WHERE platform_id = '9'").get()).toEqual({ placeholder: 1, handle: 'dave' });
  });
});

describe('tweet formats: edge cases that are not errors', () => {
  it('an empty v1.1 array, a v1.1 array after a byte-order mark, and a v2 page that holds only API errors', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.json');
    fs.writeFileSync(empty, ' [ ]\n');
    const bom = path.join(dir, 'bom.json');
    fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(germanwings)]));
    const errorsOnly = path.join(dir, 'errors-only.jsonl');
    fs.writeFileSync(errorsOnly, '{"errors": [{"resource_id": "1", "title": "Not Found Error", "type": "https://api.twitter.com/2/problems/resource-not-found"}]}\n');
    expect((await importFiles(freshDb(), [empty], { format: 'twitter-v1' })).totals).toMatchObject({ posts: 0, accounts: 0, skipped: 0 });
    expect((await importFiles(freshDb(), [errorsOnly], { format: 'twitter-v2' })).totals).toMatchObject({ posts: 0, accounts: 0, skipped: 0 });
    const want = expectV1(new Expected(), JSON.parse(fs.readFileSync(germanwings, 'utf8'))).totals();
    expect((await importFiles(freshDb(), [bom])).totals).toMatchObject(want);
  });
});

describe('tweet formats: bad input', () => {
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    dir ??= tempDir();
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const goodPage = fs.readFileSync(v2('two_tweets.jsonl'), 'utf8').trim();
  const statuses: any[] = JSON.parse(fs.readFileSync(germanwings, 'utf8'));
  const status1 = JSON.stringify(statuses[0]);
  const status2 = JSON.stringify(statuses[1]);

  /** The import must fail with exactly this message and leave the database as it was. */
  async function expectFailure(file: string, message: string, format?: ImportFormat, { prefixOnly = false } = {}) {
    const db = freshDb();
    await importFiles(db, [v2('kpop.jsonl')]);
    const before = snapshot(db);
    const failing = importFiles(db, [file], { format, dataset: 'tweets' });
    if (prefixOnly) await expect(failing).rejects.toThrow(message);
    else await expect(failing).rejects.toMatchObject({ message });
    expect(snapshot(db)).toEqual(before);
  }

  it('a truncated JSON line names its line', async () => {
    const file = write('truncated.jsonl', `${goodPage}\n{"data": [{"id": "1", "author_id": "2", "te\n`);
    await expectFailure(file, `${file}:2: expected a JSON object (one per line), found "{\\"data\\": [{\\"id\\": \\"1\\", \\"author_id\\": \\"2\\", \\"te"`);
  });

  it('a JSON line that is not an object', async () => {
    const file = write('array-line.jsonl', `${goodPage}\n\n[1, 2]\n`);
    await expectFailure(file, `${file}:3: expected a JSON object (one per line), found an array "[1, 2]"`);
  });

  it('a v2 page without "data"', async () => {
    const file = write('no-data.jsonl', `${goodPage}\n{"includes": {"users": []}, "meta": {"next_token": "x"}}\n`);
    await expectFailure(file, `${file}:2: expected a Twitter API v2 tweets response page with a "data" array, found an object with the keys "includes, meta"`);
  });

  it('a v2 tweet without author_id', async () => {
    const file = write('no-author.jsonl', `${goodPage}\n{"data": [{"id": "7", "text": "hi"}]}\n`);
    await expectFailure(file, `${file}:2: expected each tweet in "data" to have string "id" and "author_id", found "{\\"id\\":\\"7\\",\\"text\\":\\"hi\\"}"`, 'twitter-v2');
  });

  it('a flattened tweet without id', async () => {
    const file = write('flat-no-id.jsonl', '{"author_id": "5", "text": "hello"}\n');
    await expectFailure(file, `${file}:1: expected a twarc2 flattened tweet with string "id" and "author_id", found "{\\"author_id\\":\\"5\\",\\"text\\":\\"hello\\"}"`, 'twitter-v2-flat');
  });

  it('a user without username in a users lookup page', async () => {
    const file = write('users-bad.jsonl', '{"data": [{"id": "5", "name": "Five"}]}\n');
    await expectFailure(file, `${file}:1: expected each user in "data" to be an object with string "id" and "username", found "{\\"id\\":\\"5\\",\\"name\\":\\"Five\\"}"`, 'twitter-v2-users');
  });

  it('a truncated v1.1 JSON array names the byte offset where the file ends and where the cut status starts', async () => {
    const content = `[${status1},${status2.slice(0, 300)}`;
    const file = write('truncated.json', content);
    const start = Buffer.byteLength(`[${status1},`);
    await expectFailure(file, `${file} at byte ${Buffer.byteLength(content)}: the file ends inside element 2, which starts at byte ${start}: ` +
      'expected the rest of the JSON array of v1.1 statuses and its closing "]" (is the file truncated?)');
  });

  it('the real v1.1 file cut in the middle', async () => {
    const file = write('germanwings-cut.json', fs.readFileSync(germanwings).subarray(0, 400_000));
    await expectFailure(file, `${file} at byte 400000: the file ends inside element`, undefined, { prefixOnly: true });
  });

  it('malformed JSON inside a v1.1 array names the element and, where V8 gives it, the byte of the error', async () => {
    const content = `[${status1}, {"id_str": "5", "user": nope}]`;
    const file = write('malformed.json', content);
    const start = Buffer.byteLength(`[${status1}, `);
    await expectFailure(file, `${file} at byte ${start}: expected a JSON value for element 2 of the array, ` +
      'found invalid JSON: Unexpected token \'o\', ..." "user": nope}" is not valid JSON');
    const cut = write('malformed-key.json', `[${status1}, {"id_str": "5",}]`);
    await expectFailure(cut, `${cut} at byte ${start + '{"id_str": "5",'.length}: expected a JSON value for element 2 of the array ` +
      `(which starts at byte ${start}), found invalid JSON: Expected double-quoted property name in JSON at position ${'{"id_str": "5",'.length}`);
  });

  it('a v1.1 status without user names its byte offset', async () => {
    const content = `[${status1},\n  {"id_str": "12", "text": "no user"}\n]`;
    const file = write('no-user.json', content);
    await expectFailure(file, `${file} at byte ${Buffer.byteLength(`[${status1},\n  `)}: expected a v1.1 status with "id_str" and a "user" object ` +
      'with "id_str" and "screen_name", found "{\\"id_str\\":\\"12\\",\\"text\\":\\"no user\\"}"');
  });

  it('something after the end of a v1.1 array', async () => {
    const content = `[${status1}] [`;
    const file = write('after-end.json', content);
    await expectFailure(file, `${file} at byte ${Buffer.byteLength(`[${status1}] `)}: expected nothing after the closing "]" of the JSON array, found "["`);
  });

  it('a v1.1 status without user in JSON lines names its line', async () => {
    const file = write('no-user.jsonl', `${status1}\n{"id_str": "12", "text": "no user"}\n`);
    await expectFailure(file, `${file}:2: expected a v1.1 status with "id_str" and a "user" object with "id_str" and "screen_name", ` +
      'found "{\\"id_str\\":\\"12\\",\\"text\\":\\"no user\\"}"');
  });

  it('invalid UTF-8 inside a v1.1 array names the status it is in', async () => {
    const bad = Buffer.from(`{"id_str": "5", "text": "caf\xe9"}`, 'latin1');
    const file = write('latin1.json', Buffer.concat([Buffer.from(`[${status1},`), bad, Buffer.from(']')]));
    const start = Buffer.byteLength(`[${status1},`);
    await expectFailure(file, `${file} at byte ${start}: invalid UTF-8 in element 2 of the array, which starts at byte ${start}; the file must be UTF-8 text`);
  });

  it('--skip-invalid skips bad records, counts them and keeps their reasons', async () => {
    const file = write('mixed.jsonl', [
      goodPage,
      'not json at all',
      '"a string"',
      '{"meta": {}}',
      '',
      '{"data": [{"id": "8", "text": "no author"}, {"id": "9", "author_id": "1379899464345923590", "text": "kept"}]}',
    ].join('\n'));
    const db = freshDb();
    const out = await importFiles(db, [file], { skipInvalid: true });
    expect(out.files[0]).toMatchObject({ status: 'imported', skipped: 4 });
    expect(out.files[0]!.skipReasons).toEqual([
      'line 2: expected a JSON object (one per line), found "not json at all"',
      'line 3: expected a JSON object (one per line), found a string "\\"a string\\""',
      'line 4: expected a Twitter API v2 tweets response page with a "data" array, found an object with the keys "meta"',
      'line 6: expected each tweet in "data" to have string "id" and "author_id", found "{\\"id\\":\\"8\\",\\"text\\":\\"no author\\"}"',
    ]);
    expect(out.totals).toMatchObject({ posts: 3, skipped: 4 });
    const skippedStatus = write('skip.json', `[{"id_str": "1"}, ${status1}]`);
    const v1 = await importFiles(db, [skippedStatus], { skipInvalid: true, dataset: 'v1' });
    expect(v1.files[0]!.skipReasons).toEqual([
      'at byte 1: expected a v1.1 status with "id_str" and a "user" object with "id_str" and "screen_name", found "{\\"id_str\\":\\"1\\"}"',
    ]);
    expect(v1.totals).toMatchObject({ posts: 1, skipped: 1 });
  });
});
