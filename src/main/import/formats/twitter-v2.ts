import type { ImportContext } from '../context';
import type { TargetRef } from '../records';
import {
  AccountFilter, eachJsonLine, emitTweet, fieldsOf, isObject, itemsOf, retweetedHandle, shortJson, stringOr, targetOf, timeOf,
  type JsonObject, type NormalizedTweet, type TweetLink,
} from './tweets';
import { pageData, v2Account, v2CountProblem } from './twitter-v2-users';

/** The author of a referenced tweet, when the file carries that tweet. */
export interface KnownAuthor {
  id: string;
  handle: string | null;
}

/**
 * twarc2 output: one API response page per line. The page's users come first so that every post finds its author
 * as a full account, then the referenced tweets (includes.tweets), then the tweets the query returned.
 */
export async function importTwitterV2Pages(context: ImportContext): Promise<void> {
  const { sink } = context;
  const accounts = new AccountFilter(sink);
  await eachJsonLine(context, (page) => {
    const data = pageData(context, page, 'tweets');
    if (!data) return;
    const includes = fieldsOf(page.includes);
    const handles = new Map<string, string>();
    for (const user of itemsOf(includes.users)) {
      const account = isObject(user) ? v2Account(user) : null;
      if (!account) {
        context.invalid(`expected each user in "includes.users" to have string "id" and "username", found ${shortJson(user)}`);
        continue;
      }
      const badCount = v2CountProblem(user as JsonObject);
      if (badCount !== null) {
        context.invalid(`includes.users: ${badCount}`);
        continue;
      }
      accounts.account(account);
      handles.set(account.platformId, account.handle!);
    }
    const included = itemsOf(includes.tweets);
    // The page's tweets by id, for the authors of the tweets they reference: made when the first reference asks.
    let authors: Map<string, string> | null = null;
    const authorOf = (postId: string): KnownAuthor | null => {
      authors ??= tweetAuthors(included, data);
      const id = authors.get(postId);
      return id === undefined ? null : { id, handle: handles.get(id) ?? null };
    };
    for (const [list, where] of [[included, 'includes.tweets'], [data, 'data']] as const) {
      for (const tweet of list) {
        const normalized = isObject(tweet) ? normalizeV2Tweet(tweet, handles.get(tweet.author_id as string) ?? null, authorOf) : null;
        if (normalized) emitTweet(sink, normalized);
        else context.invalid(`expected each tweet in "${where}" to have string "id" and "author_id", found ${shortJson(tweet)}${hint(tweet)}`);
      }
    }
  });
}

/**
 * A v2 tweet (as in a response page or twarc2's flattened form) in the shared shape; null without the id and
 * author_id every v2 tweet has. `authorOf` names the author of a referenced tweet the file carries; a referenced
 * tweet it does not carry is resolved at the end of the import from the stored post, or else by handle.
 */
export function normalizeV2Tweet(
  tweet: JsonObject,
  authorHandle: string | null,
  authorOf: (postId: string) => KnownAuthor | null,
): NormalizedTweet | null {
  const id = tweet.id;
  const authorId = tweet.author_id;
  if (typeof id !== 'string' || id === '' || typeof authorId !== 'string' || authorId === '') return null;
  const text = stringOr(tweet.text);
  const entities = fieldsOf(tweet.entities);
  const mentions: TargetRef[] = [];
  let handleAt3: string | null = null;
  for (const mention of itemsOf(entities.mentions)) {
    if (!isObject(mention)) continue;
    const target = targetOf(mention.id, mention.username);
    if (!target) continue;
    mentions.push(target);
    if (mention.start === 3) handleAt3 = target.handle ?? null;
  }
  const hashtags: string[] = [];
  for (const hashtag of itemsOf(entities.hashtags)) {
    const tag = isObject(hashtag) ? hashtag.tag : null;
    if (typeof tag === 'string' && tag !== '') hashtags.push(tag);
  }
  let retweetOf: TweetLink | null = null;
  let quoteOf: TweetLink | null = null;
  let replyTo: TweetLink | null = null;
  for (const reference of itemsOf(tweet.referenced_tweets)) {
    if (!isObject(reference) || typeof reference.id !== 'string') continue;
    if (reference.type === 'retweeted') retweetOf = linkTo(reference.id, retweetedHandle(text) ?? handleAt3, authorOf);
    else if (reference.type === 'quoted') quoteOf = linkTo(reference.id, null, authorOf);
    else if (reference.type === 'replied_to') replyTo = linkTo(reference.id, null, authorOf);
  }
  // The replied-to account is named outright even when the replied-to tweet is not in the file.
  const repliedUser = stringOr(tweet.in_reply_to_user_id);
  if (repliedUser) replyTo = { postId: replyTo?.postId ?? null, target: { platformId: repliedUser } };
  return {
    id, authorId, authorHandle, text, mentions, hashtags, retweetOf, quoteOf, replyTo,
    createdAt: timeOf(tweet.created_at),
    lang: stringOr(tweet.lang),
  };
}

function tweetAuthors(...lists: (readonly unknown[])[]): Map<string, string> {
  const authors = new Map<string, string>();
  for (const list of lists) {
    for (const tweet of list) {
      if (isObject(tweet) && typeof tweet.id === 'string' && typeof tweet.author_id === 'string') authors.set(tweet.id, tweet.author_id);
    }
  }
  return authors;
}

/** A referenced tweet: its author when the file carries it, else resolved by post (or `handle`) at the end. */
function linkTo(postId: string, handle: string | null, authorOf: (postId: string) => KnownAuthor | null): TweetLink {
  const known = authorOf(postId);
  return { postId, target: known ? { platformId: known.id, handle: known.handle } : { authorOfPost: postId, handle } };
}

/** detect.ts can only guess from a page's opening bytes when its first line is longer than the sniffed head. */
function hint(item: unknown): string {
  return isObject(item) && typeof item.username === 'string' && item.text === undefined
    ? '; this looks like a users lookup page: import it with --format twitter-v2-users'
    : '';
}
