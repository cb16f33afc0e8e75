import type { GraphOptions } from '../../../shared/models/descriptor';
import { datasetContentHash } from '../../store/datasets';
import type { Db } from '../../store/db';
import { readCachedGraph, writeCachedGraph, type CachedGraph } from '../../store/graph-cache';
import { keepNodes } from '../graph/subgraph';
import { makeScoringGraph } from '../graph/scoring-graph';
import type { ModelImplementation, ModelInput } from '../model';
import { indexAccounts, readProfileCounts } from './accounts';
import { readInteractionColumns, readPostColumns } from './columns';
import { extractGraph, graphCacheKey } from './extract-graph';
import { findMinors, type ExcludedAccount } from './minors';
import type { ResolvedRemoval } from './removal';

export interface LoadOptions {
  needs: ModelImplementation['needs'];
  graph: GraphOptions;
  includeMinors: boolean;
  progress(fraction: number, phase: string): void;
  /** A what-if run's removal: its graph is built for it alone, never cached. */
  removal?: ResolvedRemoval | null;
}

export interface LoadedInput {
  input: ModelInput;
  contentHash: string;
  graphCache: 'hit' | 'built';
  interactionsRead: number;
  excluded: ExcludedAccount[];
  /** Node of an account row id in this run, -1 when the account is not scored. */
  nodeOfAccount(accountId: number): number;
}

/** Everything a model reads, from the graph cache when it holds this dataset content and these weights. */
export function loadModelInput(db: Db, datasetId: number, options: LoadOptions): LoadedInput {
  const contentHash = datasetContentHash(db, datasetId);
  const cacheKey = graphCacheKey(options.graph);
  const removal = options.removal ?? null;
  let graph: CachedGraph | null = removal ? null : readCachedGraph(db, datasetId, cacheKey, contentHash);
  const graphCache = graph ? 'hit' : 'built';
  if (!graph) {
    const progress = (fraction: number) => options.progress(fraction, 'reading interactions');
    graph = extractGraph(db, datasetId, options.graph, progress, removal);
    if (!removal) {
      options.progress(1, 'caching graph');
      writeCachedGraph(db, datasetId, cacheKey, contentHash, graph);
    }
  }
  const profileCounts = (column: 'followers' | 'following') => readProfileCounts(db, datasetId, graph.accountIds.length, column);
  let followers = options.needs.followers ? profileCounts('followers') : new Float64Array(0);
  let following = options.needs.following ? profileCounts('following') : undefined;
  let { accountIds, incoming } = graph;
  const excluded = options.includeMinors ? [] : findMinors(db, datasetId);
  if (excluded.length > 0) {
    const all = indexAccounts(accountIds);
    const keep = new Uint8Array(accountIds.length).fill(1);
    for (const account of excluded) keep[all.nodeOf(account.accountId)] = 0;
    incoming = keepNodes(incoming, keep).csr;
    accountIds = accountIds.filter((_, node) => keep[node] === 1);
    if (options.needs.followers) followers = followers.filter((_, node) => keep[node] === 1);
    following = following?.filter((_, node) => keep[node] === 1);
  }
  const accounts = indexAccounts(accountIds);
  if (options.needs.interactions) options.progress(0, 'reading interactions');
  const interactions = options.needs.interactions ? readInteractionColumns(db, datasetId, accounts.nodeOf, removal, options.graph.edgeDirection === 'influence') : null;
  if (options.needs.posts) options.progress(0, 'reading posts');
  const posts = options.needs.posts ? readPostColumns(db, datasetId, accounts.nodeOf) : null;
  return {
    input: { graph: makeScoringGraph(accountIds, incoming), followers, ...(following && { following }), interactions, posts },
    contentHash,
    graphCache,
    interactionsRead: graph.interactionsRead,
    excluded,
    nodeOfAccount: accounts.nodeOf,
  };
}
