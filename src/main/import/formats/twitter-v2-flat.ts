import type { ImportContext } from '../context';
import { excerpt } from '../errors';
import { AccountFilter, eachJsonLine, emitTweet, fieldsOf, isObject, itemsOf, shortJson, type JsonObject } from './tweets';
import { normalizeV2Tweet, type KnownAuthor } from './twitter-v2';
import { v2Account, v2CountProblem } from './twitter-v2-users';

/**
 * twarc2's flattened form: one tweet per line with its users inline (author, in_reply_to_user, the users of its
 * mentions) and its referenced tweets expanded in place, each with its own author. Referenced tweets are posts too.
 */
export async function importTwitterV2Flat(context: ImportContext): Promise<void> {
  const accounts = new AccountFilter(context.sink);
  await eachJsonLine(context, (tweet) => emitFlatTweet(context, accounts, tweet, 'a twarc2 flattened tweet'));
}

/** Emits a tweet after its users and its expanded referenced tweets, and returns its author. */
function emitFlatTweet(context: ImportContext, accounts: AccountFilter, tweet: JsonObject, what: string): KnownAuthor | null {
  const author = fieldsOf(tweet.author);
  // twarc2 writes author_id beside author; a tweet with only the inline author is read the same way.
  if (tweet.author_id === undefined && typeof author.id === 'string') tweet.author_id = author.id;
  const users = [author, fieldsOf(tweet.in_reply_to_user), ...itemsOf(fieldsOf(tweet.entities).mentions).map(fieldsOf)];
  const badCount = users.map(v2CountProblem).find((problem) => problem !== null);
  if (badCount) {
    context.invalid(`${what} ${excerpt(String(tweet.id))}: ${badCount}`);
    return null;
  }
  for (const user of users) emitUser(accounts, user);
  const authors = new Map<string, KnownAuthor>();
  for (const reference of itemsOf(tweet.referenced_tweets)) {
    // A reference that is only {type, id} was not expanded; its author is found at the end of the import.
    if (!isObject(reference) || (reference.author_id === undefined && reference.author === undefined)) continue;
    const known = emitFlatTweet(context, accounts, reference, 'each expanded referenced tweet');
    if (known) authors.set(reference.id as string, known);
  }
  const normalized = normalizeV2Tweet(tweet, handleOf(author, tweet.author_id), (id) => authors.get(id) ?? null);
  if (!normalized) {
    context.invalid(`expected ${what} with string "id" and "author_id", found ${shortJson(tweet)}`);
    return null;
  }
  emitTweet(context.sink, normalized);
  return { id: normalized.authorId, handle: normalized.authorHandle };
}

/**
 * Only an expanded user object (a v2 user always has a name) is stored as an account; a bare mention
 * {username, id} leaves its account to the mention interaction, as a placeholder.
 */
function emitUser(accounts: AccountFilter, user: JsonObject): void {
  if (typeof user.name !== 'string') return;
  const account = v2Account(user);
  if (account) accounts.account(account);
}

function handleOf(user: JsonObject, id: unknown): string | null {
  return user.id === id && typeof user.username === 'string' ? user.username : null;
}
