import type { ImportContext } from '../context';
import { excerpt } from '../errors';
import type { AccountRecord } from '../records';
import { AccountFilter, countOr, countProblem, describe, eachJsonLine, fieldsOf, isObject, shortJson, stringOr, timeOf, type JsonObject } from './tweets';

/** A users-lookup response page per line ({"data": [user, ...]}): accounts only. */
export async function importTwitterV2Users(context: ImportContext): Promise<void> {
  const accounts = new AccountFilter(context.sink);
  await eachJsonLine(context, (page) => {
    const users = pageData(context, page, 'users lookup');
    if (!users) return;
    for (const user of users) {
      const badCount = isObject(user) ? v2CountProblem(user) : null;
      const account = isObject(user) ? v2Account(user) : null;
      if (badCount !== null) context.invalid(badCount);
      else if (account) accounts.account(account);
      else context.invalid(`expected each user in "data" to be an object with string "id" and "username", found ${shortJson(user)}`);
    }
  });
}

const V2_COUNTS = ['followers_count', 'following_count', 'tweet_count'] as const;

/** Why a v2 user's public_metrics cannot be stored (see countProblem), or null. */
export function v2CountProblem(user: JsonObject): string | null {
  const metrics = fieldsOf(user.public_metrics);
  // Fields read by name first: the loop over V2_COUNTS (a lookup by a variable key each) only runs for a user
  // with a count missing or unreadable.
  if (countOr(metrics.followers_count) !== null && countOr(metrics.following_count) !== null && countOr(metrics.tweet_count) !== null) return null;
  const problem = countProblem(metrics, V2_COUNTS, 'public_metrics.');
  return problem === null ? null : `user ${excerpt(String(user.id))}: ${problem}`;
}

/** A v2 user object as an account; null unless it has the id and username every v2 user has. */
export function v2Account(user: JsonObject): AccountRecord | null {
  const platformId = user.id;
  const handle = user.username;
  if (typeof platformId !== 'string' || platformId === '' || typeof handle !== 'string') return null;
  const metrics = fieldsOf(user.public_metrics);
  return {
    platformId,
    handle,
    displayName: stringOr(user.name),
    bio: stringOr(user.description),
    location: stringOr(user.location),
    followers: countOr(metrics.followers_count),
    following: countOr(metrics.following_count),
    postCount: countOr(metrics.tweet_count),
    createdAt: timeOf(user.created_at),
  };
}

/**
 * The "data" array of a v2 response page. A page with no "data" is accepted only as the API's answer with nothing
 * in it (an "errors" list for deleted or protected items, or a result_count of 0); any other shape is invalid.
 */
export function pageData(context: ImportContext, page: JsonObject, what: string): readonly unknown[] | null {
  if (Array.isArray(page.data)) return page.data;
  if (page.data === undefined && (Array.isArray(page.errors) || fieldsOf(page.meta).result_count === 0)) return null;
  const found = page.data === undefined
    ? `an object with the keys ${excerpt(Object.keys(page).join(', '))}`
    : `"data" as ${describe(page.data)}`;
  context.invalid(`expected a Twitter API v2 ${what} response page with a "data" array, found ${found}`);
  return null;
}
