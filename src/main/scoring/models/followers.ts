import type { z } from 'zod';
import { INTERACTION_KINDS } from '../../../shared/domain';
import { followersModel } from '../../../shared/models/followers';
import { defineImplementation, type InteractionColumns, type ModelInput, type ScoreContext } from '../model';

type FollowersParams = z.infer<typeof followersModel.params>;

const FOLLOW = INTERACTION_KINDS.indexOf('follow');
const CANCEL_CHECK_MASK = 0xfffff;

function interactionsOf(input: ModelInput): InteractionColumns {
  if (!input.interactions) throw new Error('followers needs the interactions loaded');
  return input.interactions;
}

/**
 * Distinct other accounts with a follow interaction to each node. Follow rows are bucketed by target with a
 * counting sort, so each bucket can be deduplicated with one stamp array instead of a set per account.
 */
function countFollowers(input: ModelInput, context: ScoreContext): Int32Array {
  const columns = interactionsOf(input);
  const n = input.graph.nodeCount;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < columns.count; i++) {
    if ((i & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    if (columns.kind[i] === FOLLOW && columns.actor[i] !== columns.target[i]) offsets[columns.target[i]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, n);
  const actors = new Int32Array(offsets[n]!);
  for (let i = 0; i < columns.count; i++) {
    if (columns.kind[i] === FOLLOW && columns.actor[i] !== columns.target[i]) {
      actors[cursor[columns.target[i]!]!++] = columns.actor[i]!;
    }
  }
  const seenBy = new Int32Array(n).fill(-1);
  const counts = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      if (seenBy[actors[e]!] === v) continue;
      seenBy[actors[e]!] = v;
      counts[v]!++;
    }
  }
  return counts;
}

/** Distinct accounts following `node`, ascending. */
function followersOf(input: ModelInput, node: number): number[] {
  const columns = interactionsOf(input);
  const found = new Set<number>();
  for (let i = 0; i < columns.count; i++) {
    const actor = columns.actor[i]!;
    if (columns.kind[i] === FOLLOW && columns.target[i] === node && actor !== node) found.add(actor);
  }
  return [...found].sort((a, b) => a - b);
}

export const followersImplementation = defineImplementation<FollowersParams>({
  id: followersModel.id,
  // Follow interactions stand in for the count when the profile did not give one.
  needs: { followers: true, interactions: true },

  score(input, _params, context) {
    context.progress(0, 'counting follows');
    const counted = countFollowers(input, context);
    const n = input.graph.nodeCount;
    const score = new Float64Array(n);
    let imported = 0;
    let fromFollows = 0;
    for (let v = 0; v < n; v++) {
      const known = input.followers[v]!;
      if (Number.isFinite(known)) {
        score[v] = known;
        imported++;
      } else {
        score[v] = counted[v]!;
        if (counted[v]! > 0) fromFollows++;
      }
    }
    context.progress(1, 'done');
    const unknown = n - imported - fromFollows;
    return {
      outputs: { score },
      stats: {
        imported,
        counted_from_follows: fromFollows,
        unknown,
        notes: unknown > 0 ? [`${unknown} accounts have no known follower count and score 0`] : [],
      },
    };
  },

  explain(input, _params, outputs, node, _context, limit) {
    const known = input.followers[node]!;
    if (Number.isFinite(known)) {
      return {
        summary: `${known} followers, as imported with the account's profile.`,
        factors: [
          { label: 'followers', value: known },
          { label: 'source', value: 'imported follower count' },
        ],
        contributions: [],
      };
    }
    const followers = followersOf(input, node);
    if (followers.length === 0) {
      return {
        summary:
          'Follower count unknown: the profile gave none and no account has a follow interaction to it in the ' +
          'dataset, so it scores 0.',
        factors: [
          { label: 'followers', value: outputs.score![node]! },
          { label: 'source', value: 'unknown' },
        ],
        contributions: [],
      };
    }
    return {
      summary:
        `${followers.length} followers: the profile gave no follower count, so this counts the distinct accounts ` +
        'with a follow interaction to it in the dataset.',
      factors: [
        { label: 'followers', value: followers.length },
        { label: 'source', value: 'follow interactions in the dataset' },
      ],
      contributions: followers.slice(0, limit).map((follower) => ({
        node: follower,
        kind: 'follow' as const,
        label: 'follows',
        value: 1,
        share: 1 / followers.length,
      })),
    };
  },
});
