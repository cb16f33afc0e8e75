import { INTERACTION_KINDS, type InteractionKind } from '../../shared/domain';
import { seededRandom } from '../../shared/random';
import { rowIdRange, scanRows } from '../store/scan';
import { findAccountId } from '../store/account-lookup';
import type { Db } from '../store/db';

export interface EgoOptions {
  /** Neighbours within this many steps, an interaction in either direction being one step. */
  depth?: 1 | 2;
  /** The most accounts returned, the center included. */
  limit?: number;
  /** Chooses the sample when there are more accounts than the limit. */
  seed?: number;
}

export interface EgoAccount {
  /** The platform id. */
  accountId: string;
  handle: string | null;
}

export interface EgoNetwork {
  center: EgoAccount;
  /** The center (distance 0) first, then by distance and row id. */
  nodes: (EgoAccount & { distance: number })[];
  /** Actor -> target between returned accounts (platform ids), with the number of stored interactions by kind. */
  edges: { source: string; target: string; kinds: Partial<Record<InteractionKind, number>> }[];
  truncated: boolean;
  notice: string | null;
}

export const DEFAULT_EGO_LIMIT = 500;

export class UnknownAccountError extends Error {}

/** SQL that turns an interaction kind into its index in INTERACTION_KINDS (bound as parameters in that order). */
const kindCase = `CASE kind ${INTERACTION_KINDS.map((_, at) => `WHEN ? THEN ${at}`).join(' ')} END`;

/**
 * An account's ego network for the graph view. Beyond `limit` accounts a seeded sample is returned: the center
 * always, every distance-1 account if they all fit (else a sample of them), and a sample of the rest. The
 * interactions table has no index by account, so each step, and then the edges among the chosen accounts, is
 * one scan of the dataset's interactions: depth + 1 scans, memory bounded by the dataset's accounts.
 */
export function egoNetwork(db: Db, datasetId: number, account: string, options: EgoOptions = {}): EgoNetwork {
  const { depth = 1, limit = DEFAULT_EGO_LIMIT, seed = 0 } = options;
  if (depth !== 1 && depth !== 2) throw new RangeError(`depth is 1 or 2, not ${String(depth)}`);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit is a whole number of accounts, at least 1, not ${limit}`);
  }
  const center = findAccount(db, datasetId, account);
  const [low, high] = rowIdRange(db, 'accounts', datasetId);
  const [interactionLow, interactionHigh] = rowIdRange(db, 'interactions', datasetId);
  // SQLite keys a function by name and argument count, and better-sqlite3 takes the count from the callback's
  // declared parameters: a callback declaring fewer than three would leave an earlier three-argument lens_row
  // registered, and that one would be called.
  const scanInteractions = (onRow: (actor: number, target: number, kind: number) => void) =>
    scanRows(
      db,
      `actor_id - ${low}, target_id - ${low}, ${kindCase}`,
      'interactions NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ?',
      [...INTERACTION_KINDS, interactionLow, interactionHigh, datasetId],
      (actor: number, target: number, kind: number) => onRow(actor, target, kind),
    );

  // Distances by account row id - low; -1 until reached.
  const distance = new Int8Array(high - low + 1).fill(-1);
  distance[center - low] = 0;
  const rings: number[][] = [[center - low]];
  for (let step = 1; step <= depth; step++) {
    const ring: number[] = [];
    const reach = (from: number, to: number) => {
      if (distance[from] === step - 1 && distance[to] === -1) {
        distance[to] = step;
        ring.push(to);
      }
    };
    scanInteractions((actor, target) => {
      reach(actor, target);
      reach(target, actor);
    });
    rings.push(ring.sort((a, b) => a - b));
  }

  const total = rings.reduce((sum, ring) => sum + ring.length, 0);
  const chosen = total <= limit ? rings.flat() : sample(rings, limit, seed);
  const position = new Int32Array(distance.length).fill(-1);
  chosen.forEach((node, at) => (position[node] = at));

  const edges = new Map<number, Int32Array>();
  scanInteractions((actor, target, kind) => {
    const from = position[actor]!;
    const to = position[target]!;
    if (from < 0 || to < 0) return;
    const key = from * chosen.length + to;
    let kinds = edges.get(key);
    if (!kinds) edges.set(key, (kinds = new Int32Array(INTERACTION_KINDS.length)));
    kinds[kind]!++;
  });

  const info = readAccounts(db, chosen.map((node) => node + low));
  const nodes = chosen.map((node) => ({ ...info.get(node + low)!, distance: distance[node]! }));
  return {
    center: info.get(center)!,
    nodes,
    edges: [...edges.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, counts]) => ({
        source: nodes[Math.floor(key / chosen.length)]!.accountId,
        target: nodes[key % chosen.length]!.accountId,
        kinds: Object.fromEntries(INTERACTION_KINDS.flatMap((kind, at) => (counts[at] ? [[kind, counts[at]]] : []))),
      })),
    truncated: total > limit,
    notice:
      total > limit
        ? `showing ${limit.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} accounts within ${depth} ` +
          `${depth === 1 ? 'step' : 'steps'}, sampled with seed ${seed}`
        : null,
  };
}

/** By platform id, else by handle (case-insensitive, with or without "@"), as accounts are named everywhere else. */
function findAccount(db: Db, datasetId: number, reference: string): number {
  const id = findAccountId(db, datasetId, reference);
  if (id === undefined) throw new UnknownAccountError(`no account "${reference}" in this dataset (by platform id or handle)`);
  return id;
}

/**
 * The center, then whole rings while they fit, then a seeded partial Fisher-Yates shuffle of the first ring that
 * does not; rings arrive sorted, so the sample depends only on the seed and the accounts' row ids.
 */
function sample(rings: number[][], limit: number, seed: number): number[] {
  const chosen: number[] = [];
  for (const ring of rings) {
    const room = limit - chosen.length;
    if (ring.length <= room) {
      chosen.push(...ring);
      continue;
    }
    const pool = [...ring];
    const random = seededRandom(seed);
    for (let at = 0; at < room; at++) {
      const pick = at + Math.floor(random() * (pool.length - at));
      [pool[at], pool[pick]] = [pool[pick]!, pool[at]!];
    }
    chosen.push(...pool.slice(0, room).sort((a, b) => a - b));
    break;
  }
  return chosen;
}

/** Platform ids and handles of accounts by row id, in one statement however many there are. */
export function readAccounts(db: Db, ids: Iterable<number>): Map<number, EgoAccount> {
  const accounts = new Map<number, EgoAccount>();
  scanRows(
    db,
    'id, platform_id, handle',
    'accounts WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify([...ids])],
    (id: number, accountId: string, handle: string | null) => {
      accounts.set(id, { accountId, handle });
    },
  );
  return accounts;
}
