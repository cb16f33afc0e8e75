import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Info } from 'csv-parse';
import type { ImportContext } from '../context';
import { excerpt } from '../errors';
import type { TargetRef } from '../records';
import { emitTweet, type TweetLink } from './tweets';
import { AUTHOR_TWEETS_HEADER } from './author-tweets-header';

const COLUMNS = AUTHOR_TWEETS_HEADER.split(',');
/** Python's repr of an int: what the authors' scripts wrote for every id. */
const ID = /^(?:0|[1-9]\d*)$/;
const ID_LIST = /^\[\s*(?:(?:0|[1-9]\d*)\s*(?:,\s*(?:0|[1-9]\d*)\s*)*)?\]$/;
const FILE_NAME = /^(0|[1-9]\d*)_tweets\.csv$/;

/**
 * One author's tweets, one row per tweet: its id and Python lists of the account ids it replied to, retweeted,
 * quoted and mentioned. The author is named only by the file name (`412_tweets.csv`), as the authors' graph_maker.py
 * reads it. Each row goes through the shared tweet rules (formats/tweets.ts), so a retweet yields its `retweet`
 * interaction and nothing else, and every other post its quote, reply and mentions. The files carry no times, texts
 * or handles, so every account stays a placeholder unless another file of the dataset describes it.
 */
export async function importAuthorTweetsCsv(context: ImportContext): Promise<void> {
  const { source, sink } = context;
  const name = FILE_NAME.exec(path.basename(source.path));
  if (!name) {
    throw source.error('the author of a tweet table is named by its file name, which must be AUTHORID_tweets.csv ' +
      '(as in 412_tweets.csv, the author\'s numeric account id)', {});
  }
  const authorId = name[1]!;
  sink.accountRef(authorId);
  const parser = parse({ record_delimiter: ['\r\n', '\n'], relax_column_count: true, info: true });
  const feeding = pipeline(Readable.from(source.text()), parser);
  // A failure while feeding (bad UTF-8) also destroys the parser, so it surfaces in the loop below; this only keeps
  // the promise from being reported as unhandled when the loop stops first.
  feeding.catch(() => {});
  let lastLine = 0;
  try {
    for await (const { record: row, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = lastLine + 1;
      lastLine = info.lines;
      if (line === 1) {
        if (row.join(',') !== AUTHOR_TWEETS_HEADER) {
          throw source.error(`expected the header ${AUTHOR_TWEETS_HEADER}, found ${excerpt(row.join(','))}`, { line });
        }
        continue;
      }
      if (row.length === 1 && row[0]!.trim() === '') continue;
      readRow(context, authorId, row, line);
      if (info.records % 10_000 === 0) context.checkCancelled();
    }
    await feeding;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw source.error(`malformed CSV: ${error.message}`, { line: (error as CsvError & { lines: number }).lines });
  }
  if (lastLine === 0) throw source.error(`the file is empty; expected the header ${AUTHOR_TWEETS_HEADER}`, { offset: source.bytesRead });
}

function readRow(context: ImportContext, authorId: string, row: readonly string[], line: number): void {
  if (row.length !== COLUMNS.length) {
    return context.invalid(`the row has ${row.length} fields, the header has ${COLUMNS.length}`, { line });
  }
  const id = row[0]!.trim();
  if (!ID.test(id)) return context.invalid(`the TweetID ${excerpt(id)} is not a tweet id (digits)`, { line });
  const lists: string[][] = [];
  for (let column = 1; column < COLUMNS.length; column++) {
    const cell = row[column]!.trim();
    if (!ID_LIST.test(cell)) {
      return context.invalid(`the ${COLUMNS[column]} cell ${excerpt(cell)} is not a list of account ids such as [] or [1, 2]`, { line });
    }
    const inner = cell.slice(1, -1).trim();
    const ids = inner === '' ? [] : inner.split(',').map((item) => item.trim());
    // A tweet references at most one tweet of each kind (the v2 API's referenced_tweets), so it has one such author.
    if (column < 4 && ids.length > 1) {
      return context.invalid(`the ${COLUMNS[column]} cell ${excerpt(cell)} names ${ids.length} accounts; a tweet has at most one`, { line });
    }
    lists.push(ids);
  }
  const [repliedTo, retweeted, quoted, mentioned] = lists as [string[], string[], string[], string[]];
  emitTweet(context.sink, {
    id,
    authorId,
    authorHandle: null,
    createdAt: null,
    text: null,
    lang: null,
    hashtags: [],
    retweetOf: linkTo(retweeted),
    quoteOf: linkTo(quoted),
    replyTo: linkTo(repliedTo),
    mentions: mentioned.map((platformId): TargetRef => ({ platformId })),
  });
}

/** The referenced tweet's id is not in the file, only its author's. */
function linkTo(ids: readonly string[]): TweetLink | null {
  return ids.length === 0 ? null : { postId: null, target: { platformId: ids[0]! } };
}
