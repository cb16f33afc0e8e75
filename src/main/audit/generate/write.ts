import fs from 'node:fs';
import path from 'node:path';
import type { Labelled, World } from './world';

/** Tweets per response page, as the v2 search endpoints return at most. */
const PAGE_SIZE = 100;
const FLUSH_AT = 1 << 20;

/**
 * Writes the world as `outFile` (Twitter API v2 pages, one per line), `<base>.interactions.csv` (follows and
 * endorsements, which tweets cannot express) and `<base>.labels.json` (the planted cases and controls). Returns
 * the paths written. Labels name the files by base name, so the same seed gives identical bytes in any folder.
 */
export function writeWorld(world: World, outFile: string): string[] {
  const base = outFile.replace(/\.[^./\\]*$/, '');
  const files = [outFile, `${base}.interactions.csv`, `${base}.labels.json`];
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  writePages(world, files[0]!);
  writeInteractions(world, files[1]!);
  fs.writeFileSync(files[2]!, `${JSON.stringify(labels(world, files), null, 2)}\n`);
  return files;
}

/** Appends text in large chunks: a million-account world is gigabytes, too big for one string. */
function chunkedWriter(file: string): { write: (text: string) => void; close: () => void } {
  const fd = fs.openSync(file, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    fs.writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= FLUSH_AT) flush();
    },
    close() {
      flush();
      fs.closeSync(fd);
    },
  };
}

/** Indexes of items in time order; ties keep creation order, so a parent always precedes its reactions. */
function byTime(items: readonly { time: number }[], keep: (index: number) => boolean = () => true): number[] {
  const order: number[] = [];
  for (let i = 0; i < items.length; i++) if (keep(i)) order.push(i);
  return order.sort((a, b) => items[a]!.time - items[b]!.time || a - b);
}

function writePages(world: World, file: string): void {
  const { accounts, posts } = world;
  const order = byTime(posts, (p) => !posts[p]!.removed);
  // Tweet ids grow with time, as Twitter's snowflake ids do.
  const tweetIds = new Map<number, string>(order.map((p, rank) => [p, String(1_600_000_000_000 + rank)]));
  const byHandle = new Map(accounts.map((account, index) => [account.handle, index]));
  const followers = new Int32Array(accounts.length);
  const following = new Int32Array(accounts.length);
  const tweetCount = new Int32Array(accounts.length);
  for (const edge of world.edges) {
    if (edge.kind !== 'follow') continue;
    followers[edge.target]!++;
    following[edge.source]!++;
  }
  for (const p of order) tweetCount[posts[p]!.author]!++;
  const user = (a: number) => {
    const account = accounts[a]!;
    return {
      id: account.id, username: account.handle, name: account.name, description: account.bio, location: account.location,
      created_at: new Date(account.createdAt).toISOString(),
      public_metrics: { followers_count: followers[a], following_count: following[a], tweet_count: tweetCount[a], listed_count: 0 },
    };
  };
  // Every account must be in some page's includes.users: those no tweet names (lurkers, follow-only accounts)
  // ride along on the first page.
  const named = new Uint8Array(accounts.length);
  const mentioned = order.map((p) => {
    named[posts[p]!.author] = 1;
    return [...posts[p]!.text.matchAll(/@(\w+)/g)].flatMap((match) => {
      const at = byHandle.get(match[1]!);
      if (at === undefined) return [];
      named[at] = 1;
      return [{ start: match.index, end: match.index + match[0].length, username: match[1]!, at }];
    });
  });
  const out = chunkedWriter(file);
  for (let start = 0; start < order.length || start === 0; start += PAGE_SIZE) {
    const users = new Set<number>();
    const data = order.slice(start, start + PAGE_SIZE).map((p, i) => {
      const post = posts[p]!;
      users.add(post.author);
      const mentions = mentioned[start + i]!.map(({ at, ...mention }) => {
        users.add(at);
        return { ...mention, id: accounts[at]!.id };
      });
      const hashtags = [...post.text.matchAll(/#(\w+)/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, tag: match[1] }));
      const parent = post.ref >= 0 ? posts[post.ref]! : null;
      const type = { original: null, retweet: 'retweeted', quote: 'quoted', reply: 'replied_to' }[post.kind];
      return {
        id: tweetIds.get(p), author_id: accounts[post.author]!.id, created_at: new Date(post.time).toISOString(), text: post.text, lang: 'en',
        entities: { hashtags, mentions },
        ...(parent && type ? { referenced_tweets: [{ type, id: tweetIds.get(post.ref) }] } : {}),
        ...(parent && post.kind === 'reply' ? { in_reply_to_user_id: accounts[parent.author]!.id } : {}),
      };
    });
    if (start === 0) for (let a = 0; a < accounts.length; a++) if (named[a] === 0) users.add(a);
    const page = { data, includes: { users: [...users].map(user) }, meta: { result_count: data.length } };
    out.write(`${JSON.stringify(page)}\n`);
  }
  out.close();
}

function writeInteractions(world: World, file: string): void {
  const { accounts, edges } = world;
  const out = chunkedWriter(file);
  out.write('source,target,kind,time,weight,topic\n');
  for (const e of byTime(edges)) {
    const edge = edges[e]!;
    const time = new Date(edge.time).toISOString().replace('.000Z', 'Z');
    out.write(`${accounts[edge.source]!.id},${accounts[edge.target]!.id},${edge.kind},${time},1,${edge.topic ?? ''}\n`);
  }
  out.close();
}

function labels(world: World, files: string[]) {
  const entry = ({ kind, accounts, topic }: Labelled) => ({
    kind, accounts: accounts.map((a) => world.accounts[a]!.id), ...(topic === undefined ? {} : { topic }),
  });
  return {
    seed: world.seed,
    accounts: world.accounts.length,
    files: files.map((file) => path.basename(file)),
    cases: world.cases.map(entry),
    controls: world.controls.map(entry),
  };
}
