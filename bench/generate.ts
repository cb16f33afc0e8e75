import fs from 'node:fs';
import path from 'node:path';
import { seededRandom, zipfPick } from './random';

const KINDS = ['retweet', 'mention', 'mention', 'reply', 'quote'] as const;
const START = Date.UTC(2024, 0, 1) / 1000;

export interface CsvRow {
  source: string;
  target: string;
  kind: string;
  time: number;
}

/** The interaction rows of the CSV benchmark, generated from a seed (also used by the ceiling task). */
export function* csvRows(rows: number, accounts: number, seed: number): Generator<CsvRow> {
  const random = seededRandom(seed);
  for (let i = 0; i < rows; i++) {
    yield {
      source: `u${Math.floor(random() * accounts)}`,
      target: `u${zipfPick(random, accounts)}`,
      kind: KINDS[Math.floor(random() * KINDS.length)]!,
      time: START + Math.floor(random() * 3e7),
    };
  }
}

/** Writes through a buffer of strings, flushing by size: generation must not dominate the benchmark's run time. */
async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  const out = fs.createWriteStream(file);
  let buffer: string[] = [];
  let size = 0;
  for (const line of lines) {
    buffer.push(line);
    size += line.length;
    if (size > 1 << 22) {
      if (!out.write(buffer.join('\n') + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = [];
      size = 0;
    }
  }
  out.write(buffer.length ? buffer.join('\n') + '\n' : '');
  await new Promise((resolve) => out.end(resolve));
  return fs.statSync(file).size;
}

export function writeCsv(file: string, rows: number, accounts: number, seed: number): Promise<number> {
  function* lines() {
    yield 'source,target,kind,time,weight';
    for (const row of csvRows(rows, accounts, seed)) yield `${row.source},${row.target},${row.kind},${row.time},1`;
  }
  return writeLines(file, lines());
}

export function writeEdgeList(file: string, rows: number, accounts: number, seed: number): Promise<number> {
  function* lines() {
    yield '# seeded benchmark graph: source target';
    for (const row of csvRows(rows, accounts, seed)) yield `${row.source.slice(1)}\t${row.target.slice(1)}`;
  }
  return writeLines(file, lines());
}

const WORDS = 'the vote party food bacon apple twins game music news today people city love time brexit labour'.split(' ');

/** Twitter API v2 response pages as twarc2 writes them, 100 tweets per line, until the file reaches `bytes`. */
export function writeTweetPages(file: string, bytes: number, accounts: number, seed: number): Promise<number> {
  const random = seededRandom(seed);
  // Ids shaped as in the real v2 files (twitter-v2/brexit.jsonl): tweet ids of 19 digits, rising with time; user ids
  // of 6-10 digits for older accounts and 18-19 for newer ones (a third there).
  const userId = (n: number) => (n % 3 === 2 ? String(1_250_000_000_000_000_000n + BigInt(n) * 1_048_573n) : String(10_000_000 + n * 9_973));
  // Users and tweets carry the fields twarc2 requests by default, so a megabyte holds as many tweets as real pages do.
  const user = (n: number) => ({
    id: userId(n), username: `user${n}`, name: `User ${n}`, location: 'Philadelphia, PA',
    description: 'a generated account that posts about food, politics and music #demo', created_at: '2015-03-01T12:00:00.000Z',
    public_metrics: { followers_count: n % 5000, following_count: 300, tweet_count: 1200, listed_count: 3 },
    protected: false, verified: false, url: '', pinned_tweet_id: String(1_440_000_000_000_000_000n + BigInt(n)),
    profile_image_url: `https://pbs.twimg.com/profile_images/${1e15 + n}/photo_normal.jpg`,
  });
  // As in the real files: domain 30's name has brackets, so every page has brackets inside strings.
  const annotations = [
    { domain: { id: '30', name: 'Entities [Entity Service]', description: 'Entity Service top level domain, every item that is in Entity Service should be in this domain' },
      entity: { id: '847868745150119936', name: 'Home & family', description: 'Hobbies and interests' } },
    { domain: { id: '35', name: 'Politician', description: 'Politicians in the world, like Joe Biden' },
      entity: { id: '857212166100754432', name: 'Boris Johnson', description: 'Prime Minister' } },
  ];
  let written = 0;
  let tweetId = 1_440_716_895_355_764_743n;
  function* lines() {
    while (written < bytes) {
      const data = [];
      const users = new Map<number, object>();
      for (let i = 0; i < 100; i++) {
        const author = zipfPick(random, accounts);
        const mentioned = zipfPick(random, accounts);
        users.set(author, user(author));
        users.set(mentioned, user(mentioned));
        const words = Array.from({ length: 18 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
        const tag = WORDS[Math.floor(random() * WORDS.length)]!;
        const reply = random() < 0.2;
        tweetId += 4_194_304n;
        data.push({
          id: String(tweetId), author_id: userId(author), conversation_id: String(tweetId),
          created_at: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 3e10)).toISOString(), lang: 'en',
          text: `@user${mentioned} ${words} #${tag}`,
          entities: { mentions: [{ start: 0, end: 6, username: `user${mentioned}`, id: userId(mentioned) }],
            hashtags: [{ start: 100, end: 105, tag }] },
          ...(reply ? { in_reply_to_user_id: userId(mentioned), referenced_tweets: [{ type: 'replied_to', id: String(tweetId - 50n * 4_194_304n) }] } : {}),
          public_metrics: { retweet_count: 0, reply_count: 0, like_count: 2, quote_count: 0 },
          context_annotations: annotations, source: 'Twitter for Android', reply_settings: 'everyone', possibly_sensitive: false,
        });
      }
      const line = JSON.stringify({ data, includes: { users: [...users.values()] },
        meta: { newest_id: data[0]!.id, oldest_id: data[99]!.id, result_count: 100, next_token: `b26v89c19zqg8o3f${tweetId}` },
        __twarc: { url: 'https://api.twitter.com/2/tweets/search/recent?expansions=author_id', version: '2.10.4', retrieved_at: '2024-06-01T10:00:00+00:00' } });
      written += Buffer.byteLength(line) + 1;
      yield line;
    }
  }
  return writeLines(file, lines());
}

/**
 * Real v2 pages (the bundled twitter-v2 brexit.jsonl and kpop.jsonl, 100 tweets each, as twarc2 wrote them) repeated
 * up to `bytes`, each copy with its ids (8-19 digits) shifted and its usernames suffixed, so that every copy brings new
 * posts and accounts as a longer collection would. What the generated pages only imitate is here as it is: retweets,
 * quotes and replies with the tweets they reference, annotations, media, and users mentioned before their profile comes.
 */
export function writeRealTweetPages(file: string, bytes: number, datasetsDir: string): Promise<number> {
  const pages = ['brexit.jsonl', 'kpop.jsonl'].map((name) => fs.readFileSync(path.join(datasetsDir, 'twitter-v2', name), 'utf8').split('\n')[0]!);
  let written = 0;
  function* lines() {
    for (let copy = 0n; written < bytes; copy++) {
      for (const page of pages) {
        const line = page.replace(/"(\d{8,19})"/g, (_, id: string) => `"${BigInt(id) + copy * 7919n}"`)
          .replace(/"username": "([^"]+)"/g, (_, name: string) => `"username": "${name}_${copy}"`);
        written += Buffer.byteLength(line) + 1;
        yield line;
      }
    }
  }
  return writeLines(file, lines());
}
