import { findAccountId } from '../../store/account-lookup';
import type { Db } from '../../store/db';
import { ModelInputError } from '../model';
import { NOT_SELF } from './extract-graph';
import type { ExcludedAccount } from './minors';

/**
 * Finds an account by platform id, else by handle (case-insensitive, with or without "@"), and returns its node in
 * the run; the errors say why an account that exists is not in the run.
 */
export function resolveAccountNode(
  db: Db,
  datasetId: number,
  reference: string,
  nodeOfAccount: (accountId: number) => number,
  excluded: readonly ExcludedAccount[],
): number {
  const accountId = findAccountId(db, datasetId, reference);
  if (accountId === undefined) throw new ModelInputError(`no account "${reference}" in this dataset (by id or handle)`);
  const node = nodeOfAccount(accountId);
  if (node >= 0) return node;
  const why = excluded.find((account) => account.accountId === accountId);
  throw new ModelInputError(
    why
      ? `account "${reference}" is excluded from this run (${why.reason}); set include_minors=true to score it`
      : `account "${reference}" is not in this run`,
  );
}

/** Per-node strength of a topic: own posts tagged with it, plus the weight of endorsements received for it from others. */
export function topicStrength(
  db: Db,
  datasetId: number,
  topic: string,
  nodeCount: number,
  nodeOfAccount: (accountId: number) => number,
): Float64Array {
  const tag = topic.replace(/^#/, '');
  const strength = new Float64Array(nodeCount);
  const rows = [
    ...(db
      .prepare(
        `SELECT posts.author_id AS account, count(*) AS amount FROM post_hashtags JOIN posts ON posts.id = post_hashtags.post_id
          WHERE posts.dataset_id = ? AND post_hashtags.tag = ? COLLATE NOCASE GROUP BY posts.author_id`,
      )
      .all(datasetId, tag) as { account: number; amount: number }[]),
    ...(db
      .prepare(
        `SELECT target_id AS account, sum(weight) AS amount FROM interactions
          WHERE dataset_id = ? AND kind = 'endorse' AND ${NOT_SELF} AND topic = ? COLLATE NOCASE GROUP BY target_id`,
      )
      .all(datasetId, tag) as { account: number; amount: number }[]),
  ];
  for (const row of rows) {
    const node = nodeOfAccount(row.account);
    if (node >= 0) strength[node]! += row.amount;
  }
  return strength;
}
